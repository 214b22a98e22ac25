package com.salesops.packets.packet.pdf;

import java.awt.BasicStroke;
import java.awt.Color;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;
import net.sf.jasperreports.charts.JRChart;
import net.sf.jasperreports.charts.JRChartCustomizer;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;

/**
 * Styles the cumulative credit vs quota pace chart: credit solid, pace dashed, money ticks with
 * thousands separators, whole-day ticks. Public because the template names it.
 */
public final class PaceChartCustomizer implements JRChartCustomizer {

    @Override
    public void customize(JFreeChart chart, JRChart jasperChart) {
        XYPlot plot = chart.getXYPlot();
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(new Color(0xDDDDDD));
        plot.setRangeGridlinePaint(new Color(0xDDDDDD));
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, false);
        // One path per series, so the pace line's dashes run on across its many short segments.
        renderer.setDrawSeriesLineAsPath(true);
        renderer.setSeriesPaint(0, AttainmentBarCustomizer.FROM_75);
        renderer.setSeriesStroke(0, new BasicStroke(2f));
        renderer.setSeriesPaint(1, Color.DARK_GRAY);
        renderer.setSeriesStroke(1, new BasicStroke(1.2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
                new float[] {5f, 4f}, 0f));
        plot.setRenderer(renderer);

        NumberAxis days = (NumberAxis) plot.getDomainAxis();
        days.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        days.setLowerBound(0);
        NumberAxis money = (NumberAxis) plot.getRangeAxis();
        money.setNumberFormatOverride(new DecimalFormat("#,##0", DecimalFormatSymbols.getInstance(Locale.US)));
    }
}

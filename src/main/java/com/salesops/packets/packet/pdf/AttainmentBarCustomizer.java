package com.salesops.packets.packet.pdf;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Paint;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;
import net.sf.jasperreports.charts.JRChart;
import net.sf.jasperreports.charts.JRChartCustomizer;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.AxisLocation;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.labels.ItemLabelAnchor;
import org.jfree.chart.labels.ItemLabelPosition;
import org.jfree.chart.labels.StandardCategoryItemLabelGenerator;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.Range;
import org.jfree.data.category.CategoryDataset;
import org.jfree.data.general.DatasetUtils;

/**
 * Draws the attainment-by-rep bars in the colours of the distribution bands and adds the 100 %
 * quota line. Public with a no-argument constructor because the template names it and Jasper
 * instantiates it for every fill.
 */
public final class AttainmentBarCustomizer implements JRChartCustomizer {

    static final Color AT_QUOTA = new Color(0x2E7D32);
    static final Color FROM_75 = new Color(0x1F5FA8);
    static final Color FROM_50 = new Color(0xE0A100);
    static final Color BELOW_50 = new Color(0xC62828);

    @Override
    public void customize(JFreeChart chart, JRChart jasperChart) {
        CategoryPlot plot = chart.getCategoryPlot();
        CategoryDataset data = plot.getDataset();
        plot.setRenderer(new BandRenderer(data));
        labelFonts(plot.getDomainAxis(), data);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(new Color(0xDDDDDD));
        // Horizontal bars put the value axis on top by default; below reads like a table.
        plot.setRangeAxisLocation(AxisLocation.BOTTOM_OR_RIGHT);
        chart.setPadding(new RectangleInsets(2, 2, 2, 18));

        ValueMarker quota = new ValueMarker(100.0, Color.BLACK, new BasicStroke(1.5f,
                BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f));
        quota.setLabel("100 %");
        quota.setLabelFont(new Font("DejaVu Sans", Font.PLAIN, 8));
        quota.setLabelAnchor(RectangleAnchor.TOP_RIGHT);
        quota.setLabelTextAnchor(TextAnchor.TOP_LEFT);
        plot.addRangeMarker(quota, Layer.FOREGROUND);

        // A marker does not widen the axis: make sure 100 % and every bar are in range.
        NumberAxis axis = (NumberAxis) plot.getRangeAxis();
        Range values = data == null ? null : DatasetUtils.findRangeBounds(data);
        double lower = values == null ? 0 : Math.min(0, values.getLowerBound());
        double upper = values == null ? 110 : Math.max(110, values.getUpperBound() * 1.12);
        axis.setRange(lower, upper);
        axis.setNumberFormatOverride(new DecimalFormat("0' %'", DecimalFormatSymbols.getInstance(Locale.US)));
    }

    /** Each rep label in a font that has its characters (CJK names in the fallback face). */
    static void labelFonts(CategoryAxis axis, CategoryDataset data) {
        if (data == null) {
            return;
        }
        Font base = axis.getTickLabelFont();
        for (Object key : data.getColumnKeys()) {
            Comparable<?> category = (Comparable<?>) key;
            Font font = ChartFonts.forLabel(category.toString(), base);
            if (font != base) {
                axis.setTickLabelFont(category, font);
            }
        }
    }

    /** Bar colour by attainment band (docs/numbers.md §5), value label at the bar's end. */
    private static final class BandRenderer extends BarRenderer {

        private final transient CategoryDataset data;

        BandRenderer(CategoryDataset data) {
            this.data = data;
            setBarPainter(new StandardBarPainter());
            setShadowVisible(false);
            setMaximumBarWidth(0.08);
            setItemMargin(0);
            setDefaultItemLabelGenerator(new StandardCategoryItemLabelGenerator("{2} %",
                    new DecimalFormat("0.00", DecimalFormatSymbols.getInstance(Locale.US))));
            setDefaultItemLabelFont(new Font("DejaVu Sans", Font.PLAIN, 7));
            setDefaultItemLabelsVisible(true);
            setDefaultPositiveItemLabelPosition(
                    new ItemLabelPosition(ItemLabelAnchor.OUTSIDE3, TextAnchor.CENTER_LEFT));
            setDefaultNegativeItemLabelPosition(
                    new ItemLabelPosition(ItemLabelAnchor.OUTSIDE9, TextAnchor.CENTER_RIGHT));
        }

        @Override
        public Paint getItemPaint(int row, int column) {
            Number value = data == null ? null : data.getValue(row, column);
            if (value == null) {
                return Color.GRAY;
            }
            double pct = value.doubleValue();
            if (pct >= 100) {
                return AT_QUOTA;
            }
            if (pct >= 75) {
                return FROM_75;
            }
            return pct >= 50 ? FROM_50 : BELOW_50;
        }

        @Override
        public boolean equals(Object other) {
            return this == other;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(this);
        }
    }
}

package com.salesops.packets.packet.excel;

import com.salesops.packets.attainment.NodeResult;
import com.salesops.packets.calendar.Window;
import com.salesops.packets.packet.Packet;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xddf.usermodel.chart.AxisCrosses;
import org.apache.poi.xddf.usermodel.chart.AxisPosition;
import org.apache.poi.xddf.usermodel.chart.BarDirection;
import org.apache.poi.xddf.usermodel.chart.ChartTypes;
import org.apache.poi.xddf.usermodel.chart.LegendPosition;
import org.apache.poi.xddf.usermodel.chart.MarkerStyle;
import org.apache.poi.xddf.usermodel.chart.XDDFBarChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFCategoryAxis;
import org.apache.poi.xddf.usermodel.chart.XDDFCategoryDataSource;
import org.apache.poi.xddf.usermodel.chart.XDDFChartLegend;
import org.apache.poi.xddf.usermodel.chart.XDDFDataSourcesFactory;
import org.apache.poi.xddf.usermodel.chart.XDDFLineChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFNumericalDataSource;
import org.apache.poi.xddf.usermodel.chart.XDDFValueAxis;
import org.apache.poi.xssf.usermodel.XSSFChart;
import org.apache.poi.xssf.usermodel.XSSFClientAnchor;
import org.apache.poi.xssf.usermodel.XSSFDrawing;
import org.apache.poi.xssf.usermodel.XSSFSheet;

/**
 * Attainment % by rep for the MONTH window as bars, with the 100 % line as a second series. The chart
 * reads a small table on the same sheet (rep, team, attainment, 100), so Excel can redraw it; the
 * sheet is a plain XSSF sheet because a streamed sheet's drawing cannot hold charts.
 */
final class ChartSheet {

    static final String NAME = "Chart";

    static final Window WINDOW = Window.MONTH;

    static final String[] HEADERS = {"rep", "team", "attainment_pct", "quota_line_pct"};

    private static final BigDecimal HUNDRED = new BigDecimal("100");

    private ChartSheet() {
    }

    static void write(XSSFSheet sheet, Packet packet, Styles styles, Cells cells) {
        List<NodeResult> reps = RepsSheet.ordered(packet).stream().filter(r -> r.window() == WINDOW).toList();
        cells.headers(sheet.createRow(0), HEADERS);
        int r = 1;
        for (NodeResult rep : reps) {
            Row row = sheet.createRow(r++);
            cells.text(row, 0, rep.nodeName() == null ? rep.nodeId() : rep.nodeName());
            cells.text(row, 1, rep.teamId().map(packet.teamNames()::get));
            cells.number2(row, 2, rep.attainmentPct(), styles.percent);
            cells.number2(row, 3, HUNDRED, styles.percent);
        }
        SheetSetup.widths(sheet, 26, 22, 14, 14);
        SheetSetup.header(sheet, 0);
        SheetSetup.print(sheet);
        if (!reps.isEmpty()) {
            chart(sheet, reps.size(), packet);
        }
    }

    private static void chart(XSSFSheet sheet, int reps, Packet packet) {
        XSSFDrawing drawing = sheet.createDrawingPatriarch();
        // Wide enough for a few dozen bars; Excel lets the reader resize it.
        XSSFClientAnchor anchor = drawing.createAnchor(0, 0, 0, 0, 5, 1, 5 + Math.max(12, Math.min(60, reps)), 28);
        XSSFChart chart = drawing.createChart(anchor);
        chart.setTitleText("Attainment % by rep, " + WINDOW.name().toLowerCase(Locale.ROOT)
                + " to " + packet.asOf());
        chart.setTitleOverlay(false);
        XDDFChartLegend legend = chart.getOrAddLegend();
        legend.setPosition(LegendPosition.BOTTOM);

        XDDFCategoryAxis categories = chart.createCategoryAxis(AxisPosition.BOTTOM);
        XDDFValueAxis values = chart.createValueAxis(AxisPosition.LEFT);
        values.setCrosses(AxisCrosses.AUTO_ZERO);
        values.setTitle("Attainment %");

        XDDFCategoryDataSource names = XDDFDataSourcesFactory.fromStringCellRange(sheet,
                new CellRangeAddress(1, reps, 0, 0));
        XDDFNumericalDataSource<Double> attainment = XDDFDataSourcesFactory.fromNumericCellRange(sheet,
                new CellRangeAddress(1, reps, 2, 2));
        XDDFNumericalDataSource<Double> quotaLine = XDDFDataSourcesFactory.fromNumericCellRange(sheet,
                new CellRangeAddress(1, reps, 3, 3));

        XDDFBarChartData bars = (XDDFBarChartData) chart.createData(ChartTypes.BAR, categories, values);
        bars.setBarDirection(BarDirection.COL);
        bars.setVaryColors(false);
        XDDFBarChartData.Series barSeries = (XDDFBarChartData.Series) bars.addSeries(names, attainment);
        barSeries.setTitle("Attainment %", new CellReference(sheet.getSheetName(), 0, 2, true, true));
        chart.plot(bars);

        XDDFLineChartData line = (XDDFLineChartData) chart.createData(ChartTypes.LINE, categories, values);
        line.setVaryColors(false);
        XDDFLineChartData.Series lineSeries = (XDDFLineChartData.Series) line.addSeries(names, quotaLine);
        lineSeries.setTitle("100 % of quota", new CellReference(sheet.getSheetName(), 0, 3, true, true));
        lineSeries.setMarkerStyle(MarkerStyle.NONE);
        lineSeries.setSmooth(false);
        chart.plot(line);
    }
}

package com.salesops.packets.packet.excel;

import com.salesops.packets.attainment.NodeResult;
import com.salesops.packets.calendar.Period;
import com.salesops.packets.calendar.Window;
import com.salesops.packets.packet.Packet;
import com.salesops.packets.packet.RepOrder;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xddf.usermodel.XDDFColor;
import org.apache.poi.xddf.usermodel.XDDFLineProperties;
import org.apache.poi.xddf.usermodel.XDDFNoFillProperties;
import org.apache.poi.xddf.usermodel.XDDFPresetLineDash;
import org.apache.poi.xddf.usermodel.XDDFShapeProperties;
import org.apache.poi.xddf.usermodel.XDDFSolidFillProperties;
import org.apache.poi.xddf.usermodel.PresetLineDash;
import org.apache.poi.xddf.usermodel.chart.AxisCrosses;
import org.apache.poi.xddf.usermodel.chart.AxisPosition;
import org.apache.poi.xddf.usermodel.chart.BarDirection;
import org.apache.poi.xddf.usermodel.chart.BarGrouping;
import org.apache.poi.xddf.usermodel.chart.ChartTypes;
import org.apache.poi.xddf.usermodel.chart.Grouping;
import org.apache.poi.xddf.usermodel.chart.LegendPosition;
import org.apache.poi.xddf.usermodel.chart.MarkerStyle;
import org.apache.poi.xddf.usermodel.chart.XDDFBarChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFCategoryAxis;
import org.apache.poi.xddf.usermodel.chart.XDDFCategoryDataSource;
import org.apache.poi.xddf.usermodel.chart.XDDFDataSourcesFactory;
import org.apache.poi.xddf.usermodel.chart.XDDFLineChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFNumericalDataSource;
import org.apache.poi.xddf.usermodel.chart.XDDFValueAxis;
import org.apache.poi.xssf.usermodel.XSSFChart;
import org.apache.poi.xssf.usermodel.XSSFClientAnchor;
import org.apache.poi.xssf.usermodel.XSSFDrawing;
import org.apache.poi.xssf.usermodel.XSSFSheet;

/**
 * Attainment by rep for the comparison window ({@link RepOrder#COMPARISON}) as bars, best first, with
 * the 100 % line as a second series. The chart reads a small table on the same sheet, so a
 * spreadsheet redraws it; the sheet is a plain XSSF sheet because a streamed sheet's drawing cannot
 * hold charts. Every series carries its own colour: a client that does not resolve the theme's
 * automatic colours (LibreOffice) would otherwise draw no bars and no line.
 */
final class ChartSheet {

    static final String NAME = "Chart";

    static final Window WINDOW = RepOrder.COMPARISON;

    static final String[] HEADERS = {"Rep", "Employee id", "Team", "Attainment", "100 % of quota"};

    /** Up to this many reps share one chart; a larger packet charts its best and lowest {@link #CUT}. */
    static final int MAX_BARS = 60;
    static final int CUT = 25;

    static final byte[] BAR_RGB = {(byte) 0x1F, (byte) 0x5F, (byte) 0xA8};
    static final byte[] LINE_RGB = {(byte) 0xC6, (byte) 0x28, (byte) 0x28};

    private static final BigDecimal HUNDRED = new BigDecimal("100");

    private ChartSheet() {
    }

    static void write(XSSFSheet sheet, Packet packet, Styles styles, Cells cells) {
        List<NodeResult> charted = RepOrder.withAttainmentBestFirst(packet.repRows(), WINDOW);
        List<NodeResult> withoutQuota = packet.repRows().stream()
                .filter(r -> r.window() == WINDOW && r.attainmentPct().isEmpty()).toList();
        Map<String, String> labels = RepOrder.chartLabels(charted);
        cells.headers(sheet.createRow(0), HEADERS);
        int r = 1;
        for (NodeResult rep : charted) {
            Row row = sheet.createRow(r++);
            cells.text(row, 0, labels.get(rep.nodeId()));
            cells.text(row, 1, rep.nodeId());
            cells.text(row, 2, rep.teamId().map(packet.teamNames()::get));
            cells.percent(row, 3, rep.attainmentPct());
            cells.percent(row, 4, HUNDRED);
        }
        for (NodeResult rep : withoutQuota) {
            // listed below the charted range: no bar for a rep without a quota
            Row row = sheet.createRow(r++);
            cells.text(row, 0, RepOrder.name(rep));
            cells.text(row, 1, rep.nodeId());
            cells.text(row, 2, rep.teamId().map(packet.teamNames()::get));
            cells.text(row, 3, "n/a (no quota)");
        }
        SheetSetup.widths(sheet, 28, 12, 22, 12, 14);
        SheetSetup.header(sheet, 0);
        SheetSetup.print(sheet);
        int n = charted.size();
        if (n == 0) {
            return;
        }
        XSSFDrawing drawing = sheet.createDrawingPatriarch();
        Period full = packet.plan().fullPeriod(WINDOW);
        String when = WINDOW.name().toLowerCase(Locale.ROOT) + " " + full.start() + " – " + full.end()
                + ", to " + packet.asOf();
        if (n <= MAX_BARS) {
            chart(sheet, drawing, 1, n, 0, "Attainment by rep, " + when);
        } else {
            chart(sheet, drawing, 1, CUT, 0, "Best " + CUT + " of " + n + " reps, " + when);
            chart(sheet, drawing, n - CUT + 1, n, 30, "Lowest " + CUT + " of " + n + " reps, " + when);
        }
    }

    /** One chart over table rows {@code first..last}, placed right of the table from row {@code top}. */
    private static void chart(XSSFSheet sheet, XSSFDrawing drawing, int first, int last, int top, String title) {
        int count = last - first + 1;
        // About one column per two bars, so names stay readable; a reader can resize it.
        XSSFClientAnchor anchor = drawing.createAnchor(0, 0, 0, 0, 6, top + 1, 6 + Math.max(10, (count + 1) / 2 + 4),
                top + 28);
        XSSFChart chart = drawing.createChart(anchor);
        chart.setTitleText(title);
        chart.setTitleOverlay(false);
        chart.getOrAddLegend().setPosition(LegendPosition.BOTTOM);

        XDDFCategoryAxis categories = chart.createCategoryAxis(AxisPosition.BOTTOM);
        XDDFValueAxis values = chart.createValueAxis(AxisPosition.LEFT);
        values.setCrosses(AxisCrosses.AUTO_ZERO);
        values.setNumberFormat("0%");
        values.setTitle("Attainment (% of quota)");

        XDDFCategoryDataSource names = XDDFDataSourcesFactory.fromStringCellRange(sheet,
                new CellRangeAddress(first, last, 0, 0));
        XDDFNumericalDataSource<Double> attainment = XDDFDataSourcesFactory.fromNumericCellRange(sheet,
                new CellRangeAddress(first, last, 3, 3));
        XDDFNumericalDataSource<Double> quotaLine = XDDFDataSourcesFactory.fromNumericCellRange(sheet,
                new CellRangeAddress(first, last, 4, 4));

        XDDFBarChartData bars = (XDDFBarChartData) chart.createData(ChartTypes.BAR, categories, values);
        bars.setBarDirection(BarDirection.COL);
        bars.setBarGrouping(BarGrouping.CLUSTERED);
        bars.setVaryColors(false);
        XDDFBarChartData.Series barSeries = (XDDFBarChartData.Series) bars.addSeries(names, attainment);
        barSeries.setTitle(HEADERS[3], new CellReference(sheet.getSheetName(), 0, 3, true, true));
        XDDFShapeProperties barShape = new XDDFShapeProperties();
        barShape.setFillProperties(new XDDFSolidFillProperties(XDDFColor.from(BAR_RGB)));
        barShape.setLineProperties(new XDDFLineProperties(new XDDFNoFillProperties()));
        barSeries.setShapeProperties(barShape);
        chart.plot(bars);

        XDDFLineChartData line = (XDDFLineChartData) chart.createData(ChartTypes.LINE, categories, values);
        line.setGrouping(Grouping.STANDARD);
        line.setVaryColors(false);
        XDDFLineChartData.Series lineSeries = (XDDFLineChartData.Series) line.addSeries(names, quotaLine);
        lineSeries.setTitle(HEADERS[4], new CellReference(sheet.getSheetName(), 0, 4, true, true));
        lineSeries.setMarkerStyle(MarkerStyle.NONE);
        lineSeries.setSmooth(false);
        XDDFLineProperties stroke = new XDDFLineProperties(new XDDFSolidFillProperties(XDDFColor.from(LINE_RGB)));
        stroke.setWidth(2.25);
        stroke.setPresetDash(new XDDFPresetLineDash(PresetLineDash.DASH));
        XDDFShapeProperties lineShape = new XDDFShapeProperties();
        lineShape.setLineProperties(stroke);
        lineSeries.setShapeProperties(lineShape);
        chart.plot(line);
    }
}

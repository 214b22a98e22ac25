package com.salesops.packets.packet;

import static org.assertj.core.api.Assertions.assertThat;

import com.salesops.packets.AttainmentPacketsApplication;
import com.salesops.packets.demo.DemoDataGenerator;
import com.salesops.packets.demo.DemoSize;
import com.salesops.packets.testing.CsvFile;
import com.salesops.packets.testing.WordMatcher;
import jakarta.mail.BodyPart;
import jakarta.mail.Header;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Date;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import javax.sql.DataSource;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFChart;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The packets of a real run, read back as a manager gets them: the demo data (small, as of
 * 2026-11-26) plus four formula-looking account names, through {@code run nightly} on H2 (both
 * databases), once. Checked for a director packet ({@code emea}) and a first-line packet
 * ({@code emea-north}): every number against attainment.csv. Checked for every packet of the run:
 * the deal lines against the subtree's bookings and the rep rows, and that nothing from outside the
 * subtree (docs/numbers.md §8) reaches a cell, a chart, the PDF text or metadata, a file name or the email.
 */
class PacketContentTest {

    private static final LocalDate AS_OF = LocalDate.parse("2026-11-26");
    private static final String RUN_KEY = "nightly-2026-11-26";
    /** In-memory H2 (kept while the JVM runs), shared by the generator, the job and the assertions. */
    private static final String H2 = ";MODE=MySQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1";
    private static final String INJECTION_TEAM = "emea-north";
    /** Formula-looking account names; "-2+2", not "-2", which also reads as a negative figure in a packet. */
    private static final List<String> INJECTIONS = List.of("=HYPERLINK(\"http://x\",\"y\")", "+1+1", "-2+2", "@SUM(A1)");
    private static final Pattern EMPLOYEE_ID = Pattern.compile("\\bE\\d{5}\\b");
    /** An employee id anywhere, also inside a file name ({@code _E00012_}), where \\b would not see it. */
    private static final Pattern ANY_EMPLOYEE_ID = Pattern.compile("(?<![A-Za-z0-9])E\\d{5}(?![0-9])");
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");
    /** One cell of a streamed sheet: column, row, and what is between the tags. */
    private static final Pattern DEALS_CELL = Pattern.compile("<c r=\"([A-Z]+)(\\d+)\"[^>]*?(?:/>|>(.*?)</c>)",
            Pattern.DOTALL);
    private static final Pattern CHARACTER_REFERENCE = Pattern.compile("&#(x?)([0-9A-Fa-f]+);");
    private static final Pattern XML_TAG = Pattern.compile("<[^>]*>");
    private static final Pattern XML_ATTRIBUTE = Pattern.compile("([\\w:.-]+)\\s*=\\s*\"([^\"]*)\"");
    private static final Set<String> CELL_ADDRESS_ATTRIBUTES = Set.of("r", "ref", "sqref", "activeCell",
            "topLeftCell", "spans");
    private static final Pattern CELL_VALUE = Pattern.compile("<t[^>]*>(.*?)</t>|<v>(.*?)</v>", Pattern.DOTALL);

    @TempDir
    static Path dir;

    private static Path run;
    private static CsvFile attainment;
    private static SourceData source;
    private static final Map<String, XSSFWorkbook> WORKBOOKS = new HashMap<>();
    private static final Map<String, List<String>> PDF_PAGES = new HashMap<>();

    @BeforeAll
    static void runTheDemoDataThroughTheJob() throws Exception {
        // given: the demo source plus bookings whose account names look like formulas
        String unique = Long.toHexString(System.nanoTime());
        String sourceUrl = "jdbc:h2:mem:packet_content_source_" + unique + H2;
        DataSource sourceDb = new DriverManagerDataSource(sourceUrl, "sa", "");
        new DemoDataGenerator(DemoSize.small()).generate(sourceDb, AS_OF);
        source = SourceData.read(new JdbcTemplate(sourceDb));
        insertFormulaLookingBookings(new JdbcTemplate(sourceDb), source.steadyRepOf(INJECTION_TEAM));
        source = SourceData.read(new JdbcTemplate(sourceDb));

        // when
        int exit = AttainmentPacketsApplication.run("run", "nightly", "--as-of", AS_OF.toString(),
                "--spring.datasource.url=jdbc:h2:mem:packet_content_app_" + unique + H2,
                "--packets.source.url=" + sourceUrl,
                "--packets.output.dir=" + dir.resolve("out"));

        // then
        assertThat(exit).isZero();
        run = dir.resolve("out").resolve(RUN_KEY);
        attainment = CsvFile.read(run.resolve("attainment.csv"));
    }

    private static void insertFormulaLookingBookings(JdbcTemplate jdbc, String rep) {
        int n = 0;
        for (String account : INJECTIONS) {
            String id = "INJ-" + (++n);
            jdbc.update("INSERT INTO booking (booking_id, booking_date, account_name, amount, currency, booking_type,"
                    + " channel, partner_name, status, cancelled_date, updated_at) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
                    id, Date.valueOf("2026-11-10"), account, new BigDecimal("1000.00"), "USD", "NEW", "DIRECT", null,
                    "BOOKED", null, java.sql.Timestamp.valueOf("2026-11-10 12:00:00"));
            jdbc.update("INSERT INTO booking_credit (booking_id, employee_id, credit_role, split_percent) VALUES (?,?,?,?)",
                    id, rep, "PRIMARY", new BigDecimal("100.00"));
        }
    }

    // ---------------------------------------------------------------- Excel

    @ParameterizedTest
    @ValueSource(strings = {"emea", "emea-north"})
    void workbookHasTheDesignedSheetsAndHeaders(String team) throws IOException {
        {
            XSSFWorkbook book = workbook(team);
            assertThat(sheetNames(book)).containsExactly("Summary", "Changes", "Trend", "Reps", "Deals", "Flags", "Chart");
            // attainment.csv's columns in its order (run_key is on Summary), in words, money in the base currency
            assertThat(texts(book.getSheet("Reps").getRow(0))).containsExactly("Window", "Period start",
                    "Period end", "Level", "Employee id", "Rep", "Team id", "Quota (USD)", "Credited (USD)",
                    "Attainment", "Expected", "Pace index", "Pace status", "Projected", "Gap to quota (USD)", "Deals",
                    "Rank in team", "Rank in company", "Comp estimate (USD)", "Team", "Comp tier",
                    "Credit to next tier (USD)", "In this packet because", "Comp plan",
                    "Comp estimate: how, or why 0.00");
            assertThat(texts(book.getSheet("Deals").getRow(1))).containsExactly("Booking", "Line date",
                    "Booking date", "Account", "Type", "Channel", "Partner", "Original amount", "Currency",
                    "FX rate to USD", "Employee id", "Employee", "Role", "Split", "Credited (USD)", "Reversal",
                    "Team id", "Team");
            assertThat(texts(book.getSheet("Flags").getRow(0))).containsExactly("Flag", "Employee id",
                    "Employee", "Team id", "Team", "Period start", "Period end", "Bookings", "Amount (USD)", "Recent");
            assertThat(texts(book.getSheet("Chart").getRow(0)))
                    .containsExactly("Rep", "Employee id", "Team", "Attainment", "100 % of quota");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"emea", "emea-north"})
    void everyRepsCellEqualsItsAttainmentCsvRowToTheCent(String team) throws IOException {
        {
            XSSFWorkbook book = workbook(team);
            Sheet reps = book.getSheet("Reps");
            List<String> header = attainment.header();
            Set<String> seen = new TreeSet<>();
            for (int r = 1; r <= reps.getLastRowNum(); r++) {
                Row row = reps.getRow(r);
                Map<String, String> csv = attainment.row("window", text(row.getCell(0)), "level", "REP",
                        "node_id", text(row.getCell(4)));
                // the sheet's columns are the CSV's in order, less run_key
                for (int c = 1; c < header.size(); c++) {
                    assertThat(csvForm(row.getCell(c - 1)))
                            .as("Reps row %d %s of %s %s", r, header.get(c), csv.get("window"), csv.get("node_id"))
                            .isEqualTo(csv.get(header.get(c)));
                }
                seen.add(csv.get("window") + " " + csv.get("node_id"));
            }
            // exactly the packet's reps, each in every window
            Set<String> expected = new TreeSet<>();
            for (String rep : packetReps(team)) {
                for (String w : List.of("MONTH", "QUARTER", "YEAR")) {
                    expected.add(w + " " + rep);
                }
            }
            assertThat(seen).isEqualTo(expected);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"emea", "emea-north"})
    void trendMonthsAddUpToEachNodesYearQuarterAndMonthInAttainmentCsv(String team) throws IOException {
        // given: the Trend's calendar months partition the YEAR window (calendar fiscal year), so for every
        // node Σ credited over Jan..Nov = YEAR credited, Oct+Nov = QUARTER, Nov = MONTH (attainment.csv)
        Sheet trend = workbook(team).getSheet("Trend");
        Map<String, BigDecimal> year = new TreeMap<>();
        Map<String, BigDecimal> quarter = new TreeMap<>();
        Map<String, BigDecimal> month = new TreeMap<>();
        Set<String> teamRows = new TreeSet<>();
        for (int r = 1; r <= trend.getLastRowNum(); r++) {
            Row row = trend.getRow(r);
            String node = (text(row.getCell(0)).equals("Team") ? "TEAM " : "REP ") + text(row.getCell(1));
            LocalDate m = row.getCell(3).getLocalDateTimeCellValue().toLocalDate();
            BigDecimal credited = new BigDecimal(csvForm(row.getCell(4)));
            year.merge(node, credited, BigDecimal::add);
            if (!m.isBefore(LocalDate.parse("2026-10-01"))) {
                quarter.merge(node, credited, BigDecimal::add);
            }
            if (m.equals(LocalDate.parse("2026-11-01"))) {
                month.merge(node, credited, BigDecimal::add);
            }
            if (node.startsWith("TEAM ")) {
                teamRows.add(node);
            }
        }

        // then: the team, its direct children and every rep of the packet, each to the cent
        Set<String> expectedTeams = new TreeSet<>();
        expectedTeams.add("TEAM " + team);
        source.children(team).forEach(c -> expectedTeams.add("TEAM " + c));
        assertThat(teamRows).isEqualTo(expectedTeams);
        for (String rep : packetReps(team)) {
            assertThat(year).containsKey("REP " + rep);
        }
        for (String node : year.keySet()) {
            String[] parts = node.split(" ", 2);
            for (Map.Entry<String, Map<String, BigDecimal>> w : Map.of("YEAR", year, "QUARTER", quarter, "MONTH", month)
                    .entrySet()) {
                String csv = attainment.row("window", w.getKey(), "level", parts[0], "node_id", parts[1]).get("credited");
                assertThat(w.getValue().getOrDefault(node, BigDecimal.ZERO.setScale(2)).toPlainString())
                        .as("%s %s", w.getKey(), node).isEqualTo(csv);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"emea", "emea-north"})
    void summaryKpiTableEqualsTheTeamRowsOfAttainmentCsv(String team) throws IOException {
        {
            XSSFWorkbook book = workbook(team);
            Sheet summary = book.getSheet("Summary");
            int header = findRow(summary, "Window", 3, "Team id");
            List<String> columns = texts(summary.getRow(header));
            // Summary's team id is the row's own team (attainment.csv's node_id); the CSV's team_id is its parent
            Map<String, String> csvColumn = new LinkedHashMap<>();
            csvColumn.put("period_start", "Period start");
            csvColumn.put("period_end", "Period end");
            csvColumn.put("quota", "Quota (USD)");
            csvColumn.put("credited", "Credited (USD)");
            csvColumn.put("attainment_pct", "Attainment");
            csvColumn.put("expected_pct", "Expected");
            csvColumn.put("pace_index", "Pace index");
            csvColumn.put("pace_status", "Pace status");
            csvColumn.put("projected_pct", "Projected");
            csvColumn.put("gap_to_quota", "Gap to quota (USD)");
            csvColumn.put("deal_count", "Deals");
            List<String> fromCsv = List.copyOf(csvColumn.keySet());
            List<String> shown = new ArrayList<>();
            for (int r = header + 1; summary.getRow(r) != null && summary.getRow(r).getCell(0) != null; r++) {
                Row row = summary.getRow(r);
                Map<String, String> csv = attainment.row("window", text(row.getCell(0)), "level", "TEAM",
                        "node_id", text(row.getCell(3)));
                for (String column : fromCsv) {
                    assertThat(csvForm(row.getCell(columns.indexOf(csvColumn.get(column)))))
                            .as("Summary %s of %s %s", column, csv.get("window"), csv.get("node_id"))
                            .isEqualTo(csv.get(column));
                }
                assertThat(text(row.getCell(columns.indexOf("Team")))).isEqualTo(csv.get("node_name"));
                shown.add(csv.get("window") + " " + csv.get("node_id"));
            }
            // the packet's team and its direct children, per window
            List<String> expected = new ArrayList<>();
            for (String w : List.of("MONTH", "QUARTER", "YEAR")) {
                expected.add(w + " " + team);
                source.children(team).forEach(c -> expected.add(w + " " + c));
            }
            assertThat(shown).containsExactlyElementsOf(expected);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"emea", "emea-north"})
    void chartBarsAreThePacketsRepsQuarterAttainmentBestFirstWithSameNamesToldApart(String team)
            throws IOException {
        {
            XSSFWorkbook book = workbook(team);
            XSSFSheet sheet = book.getSheet("Chart");
            List<XSSFChart> charts = sheet.getDrawingPatriarch().getCharts();
            assertThat(charts).hasSize(1);
            var series = charts.get(0).getCTChart().getPlotArea().getBarChartArray(0).getSerArray(0);
            List<String> categories = new ArrayList<>();
            var cache = series.getCat().getStrRef().getStrCache();
            for (int i = 0; i < cache.sizeOfPtArray(); i++) {
                categories.add(cache.getPtArray(i).getV());
            }
            // expected from attainment.csv: the packet's reps with a QUARTER attainment, highest first
            // (then name, then id); a name shared by two charted reps carries the employee id
            List<Map<String, String>> rows = packetReps(team).stream()
                    .map(id -> attainment.row("window", "QUARTER", "level", "REP", "node_id", id))
                    .filter(r -> !r.get("attainment_pct").isEmpty())
                    .sorted(java.util.Comparator.comparing((Map<String, String> r) -> new BigDecimal(r.get("attainment_pct")))
                            .reversed().thenComparing(r -> r.get("node_name")).thenComparing(r -> r.get("node_id")))
                    .toList();
            Map<String, Long> names = rows.stream().collect(java.util.stream.Collectors.groupingBy(
                    r -> r.get("node_name"), java.util.stream.Collectors.counting()));
            List<String> expected = rows.stream().map(r -> names.get(r.get("node_name")) > 1
                    ? r.get("node_name") + " (" + r.get("node_id") + ")" : r.get("node_name")).toList();
            assertThat(categories).containsExactlyElementsOf(expected);
            // the series carry their own colours (a client without theme colours still draws them)
            assertThat(series.getSpPr().getSolidFill().getSrgbClr().getVal()).isNotEmpty();
        }
    }

    @org.junit.jupiter.api.Test
    void formulaLookingAccountNamesAreLiteralStringCells() throws IOException {
        {
            XSSFWorkbook book = workbook(INJECTION_TEAM);
            Sheet deals = book.getSheet("Deals");
            Map<String, Cell> byBooking = new HashMap<>();
            for (int r = 2; r <= deals.getLastRowNum(); r++) {
                Row row = deals.getRow(r);
                if (text(row.getCell(0)).startsWith("INJ-")) {
                    byBooking.put(text(row.getCell(0)), row.getCell(3));
                }
            }
            assertThat(byBooking).hasSize(INJECTIONS.size());
            for (int i = 0; i < INJECTIONS.size(); i++) {
                Cell cell = byBooking.get("INJ-" + (i + 1));
                assertThat(cell.getCellType()).isEqualTo(CellType.STRING);
                assertThat(cell.getStringCellValue()).isEqualTo(INJECTIONS.get(i));
                // shown as typed, not evaluated, when a user edits the cell
                assertThat(cell.getCellStyle().getQuotePrefixed()).isTrue();
            }
            for (Sheet sheet : book) {
                for (Row row : sheet) {
                    for (Cell cell : row) {
                        assertThat(cell.getCellType()).as("%s!%s", sheet.getSheetName(), cell.getAddress())
                                .isNotEqualTo(CellType.FORMULA);
                    }
                }
            }
        }
    }

    // ---------------------------------------------------------------- PDF

    @ParameterizedTest
    @ValueSource(strings = {"emea", "emea-north"})
    void pdfPageOneShowsTheTeamsCreditedQuotaAndAttainmentOfEveryWindow(String team) throws IOException {
        String page1 = pdfPages(team).get(0);
        for (String w : List.of("MONTH", "QUARTER", "YEAR")) {
            Map<String, String> csv = attainment.row("window", w, "level", "TEAM", "node_id", team);
            assertThat(page1).as(w).contains(w, grouped(csv.get("credited")), grouped(csv.get("quota")),
                    csv.get("attainment_pct") + " %");
        }
        assertThat(page1).contains("Manager: " + source.employeeName(source.managerOf(team)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"emea", "emea-north"})
    void pdfListsExactlyTheSubtreesRepsByEmployeeId(String team) throws IOException {
        String all = String.join("\n", pdfPages(team));
        Set<String> ids = new TreeSet<>();
        Matcher m = EMPLOYEE_ID.matcher(all);
        while (m.find()) {
            ids.add(m.group());
        }
        assertThat(ids).isEqualTo(new TreeSet<>(packetReps(team)));
    }

    // ---------------------------------------------------------------- privacy

    /**
     * docs/numbers.md §8 over every packet of the run: each file name, every part of the workbook (cells,
     * inline and shared strings, sheet names, chart caches, document properties), the PDF text and
     * metadata, and the email (decoded headers, subject, text and HTML parts, attachment names) names
     * only employees, accounts and bookings of the packet's own subtree. One pass per text with a
     * multi-word matcher, so the 17 packets take seconds.
     */
    @org.junit.jupiter.api.Test
    void everyPacketOfTheRunNamesNoOutsideEmployeeAccountOrBookingAnywhere() throws Exception {
        // given: the packets the source data says there must be, and what each must not show
        Set<String> folders = packetFolders();
        assertThat(folders).isEqualTo(source.packetTeams()).contains(source.top(), "emea", "emea-north");
        assertThat(mailedTeams()).isEqualTo(folders);
        List<String> leaks = new ArrayList<>();
        Map<String, Long> scannedChars = new TreeMap<>();

        // when every part of every packet is scanned
        for (String team : folders) {
            Outside outside = Outside.of(team);
            if (!team.equals(source.top())) {
                assertThat(outside.words().size()).as("outside names, accounts and bookings of %s", team)
                        .isGreaterThan(100);
            }
            for (Map.Entry<String, String> part : packetTexts(team).entrySet()) {
                leaks.addAll(outside.leaksIn(team, part.getKey(), part.getValue()));
                scannedChars.merge(team, (long) part.getValue().length(), Long::sum);
            }
        }

        // then every packet was read, and nothing from outside its subtree was found in it
        assertThat(scannedChars.keySet()).isEqualTo(folders);
        assertThat(scannedChars).allSatisfy((team, chars) -> assertThat(chars).as(team).isGreaterThan(10_000));
        assertThat(leaks).as("%d leaks, the first: %s", leaks.size(),
                String.join("\n", leaks.subList(0, Math.min(50, leaks.size())))).isEmpty();
    }

    @org.junit.jupiter.api.Test
    void everyPacketsDealLinesAreItsOwnBookingsAndAddUpToEachWhollyInsideRepsCredited() throws Exception {
        // given
        Set<String> folders = packetFolders();
        Map<String, Map<String, String>> repRows = new HashMap<>();
        attainment.rows().stream().filter(r -> r.get("level").equals("REP"))
                .forEach(r -> repRows.put(r.get("window") + " " + r.get("node_id"), r));
        int repsSummed = 0;
        for (String team : folders) {
            // when: the Deals sheet as stored (inline strings, read straight from the part)
            List<DealRow> deals = dealsFromXml(team);
            Set<String> subtree = source.subtree(team);
            Set<String> insideBookings = source.insideBookings(team);
            Set<String> insideEmployees = source.insideEmployees(team);

            // then every line is a booking credited to the subtree, to someone of the subtree, in a team of it
            // (Set.contains: AssertJ's contains would walk the set for each of the root packet's lines)
            assertThat(deals).as("deal lines of %s", team).isNotEmpty();
            assertThat(deals).as("%s Deals lines of outside bookings, employees or teams", team)
                    .filteredOn(d -> !insideBookings.contains(d.bookingId()) || !insideEmployees.contains(d.employeeId())
                            || !subtree.contains(d.teamId()))
                    .isEmpty();
            // and a rep whose every membership is in the subtree has all of their lines here, adding up to the
            // rep's credited per window (a transferred rep's row covers lines shown in another packet, §4.2)
            Set<String> whollyInside = new TreeSet<>(packetReps(team));
            whollyInside.removeIf(rep -> !subtree.containsAll(source.teamsOf(rep)));
            Map<String, List<DealRow>> byRep = deals.stream()
                    .collect(java.util.stream.Collectors.groupingBy(DealRow::employeeId));
            for (String w : List.of("MONTH", "QUARTER", "YEAR")) {
                for (String rep : whollyInside) {
                    Map<String, String> csv = repRows.get(w + " " + rep);
                    LocalDate from = LocalDate.parse(csv.get("period_start"));
                    LocalDate to = LocalDate.parse(csv.get("period_end"));
                    BigDecimal sum = byRep.getOrDefault(rep, List.of()).stream()
                            .filter(d -> !d.lineDate().isBefore(from) && !d.lineDate().isAfter(to))
                            .map(DealRow::credited).reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
                    assertThat(sum.toPlainString()).as("%s %s %s", team, w, rep).isEqualTo(csv.get("credited"));
                }
            }
            repsSummed += whollyInside.size();
        }
        // the XML reading agrees with POI's on a director packet, and the sums covered most reps
        assertThat(dealsFromXml("emea")).isEqualTo(deals(workbook("emea").getSheet("Deals")));
        assertThat(repsSummed).isGreaterThan(100);
    }

    /** What must not appear in one packet, judged from the source rows alone. */
    private record Outside(Set<String> insideIds, WordMatcher words, Map<String, String> kinds) {

        static Outside of(String team) {
            Map<String, String> kinds = new HashMap<>();
            source.outsideNames(team).forEach(n -> kinds.put(normalized(n), "outside employee name"));
            source.outsideAccounts(team).forEach(a -> kinds.merge(normalized(a), "outside account", (x, y) -> x + "/" + y));
            // A transferred-in rep's row and flags cover all of the rep's lines (§4.2, §4.7: a flag's team is the
            // rep-row team), so the rep's own bookings from an earlier team may be named; nobody else's may.
            Set<String> outsideBookings = source.outsideBookings(team);
            outsideBookings.removeAll(source.bookingsCreditedTo(repsWithRowIn(source.subtree(team))));
            outsideBookings.forEach(b -> kinds.merge(b, "outside booking id", (x, y) -> x + "/" + y));
            kinds.keySet().removeIf(String::isBlank);
            return new Outside(source.insideEmployees(team), WordMatcher.of(kinds.keySet()), kinds);
        }

        List<String> leaksIn(String team, String part, String text) {
            List<String> leaks = new ArrayList<>();
            Matcher ids = ANY_EMPLOYEE_ID.matcher(text);
            while (ids.find()) {
                if (!insideIds.contains(ids.group())) {
                    leaks.add(leak(team, part, "outside employee id", ids.group(), text, ids.start()));
                }
            }
            for (WordMatcher.Hit hit : words.find(text)) {
                leaks.add(leak(team, part, kinds.get(hit.needle()), hit.needle(), text, hit.start()));
            }
            return leaks;
        }

        private static String leak(String team, String part, String kind, String value, String text, int at) {
            String around = text.substring(Math.max(0, at - 40), Math.min(text.length(), at + value.length() + 40));
            return "packet " + team + ", " + part + ": " + kind + " \"" + value + "\" in \"…" + around + "…\"";
        }
    }

    /** Each text of a packet by where it comes from, whitespace runs made one space (PDF lines wrap names). */
    private static Map<String, String> packetTexts(String team) throws Exception {
        Map<String, String> texts = new LinkedHashMap<>();
        Path folder = run.resolve("packets").resolve(team);
        try (Stream<Path> files = Files.list(folder)) {
            files.forEach(f -> texts.put("file name " + f.getFileName(), f.getFileName().toString()));
        }
        try (ZipFile zip = new ZipFile(xlsx(team).toFile())) {
            for (ZipEntry e : java.util.Collections.list(zip.entries())) {
                try (InputStream in = zip.getInputStream(e)) {
                    texts.put(xlsx(team).getFileName() + " part " + e.getName(),
                            xmlText(new String(in.readAllBytes(), StandardCharsets.UTF_8)));
                }
            }
        }
        try (PDDocument pdf = Loader.loadPDF(pdf(team).toFile())) {
            String name = pdf(team).getFileName().toString();
            texts.put(name + " text", new PDFTextStripper().getText(pdf));
            var info = pdf.getDocumentInformation();
            StringBuilder metadata = new StringBuilder();
            for (String key : info.getMetadataKeys()) {
                metadata.append(key).append(": ").append(info.getCustomMetadataValue(key)).append('\n');
            }
            texts.put(name + " metadata", metadata.toString());
            if (pdf.getDocumentCatalog().getMetadata() != null) {
                try (InputStream xmp = pdf.getDocumentCatalog().getMetadata().exportXMPMetadata()) {
                    texts.put(name + " XMP", xmlText(new String(xmp.readAllBytes(), StandardCharsets.UTF_8)));
                }
            }
        }
        Path eml = email(team);
        texts.put("email " + eml.getFileName(), emailText(eml));
        texts.replaceAll((part, text) -> normalized(text));
        return texts;
    }

    /**
     * The text nodes and attribute values of an XML part, one a line, unescaped; without the attributes that
     * hold cell addresses ({@code r="E10000"} is column E, not an employee).
     */
    private static String xmlText(String xml) {
        StringBuilder text = new StringBuilder(xml.length());
        Matcher tag = XML_TAG.matcher(xml);
        int last = 0;
        while (tag.find()) {
            text.append(xml, last, tag.start()).append('\n');
            Matcher attribute = XML_ATTRIBUTE.matcher(tag.group());
            while (attribute.find()) {
                if (!CELL_ADDRESS_ATTRIBUTES.contains(attribute.group(1))) {
                    text.append(attribute.group(2)).append('\n');
                }
            }
            last = tag.end();
        }
        text.append(xml, last, xml.length());
        return unescapeXml(text.toString());
    }

    /** Employees whose rep row (attainment.csv) is in a team of the subtree. */
    private static Set<String> repsWithRowIn(Set<String> subtree) {
        Set<String> reps = new HashSet<>();
        attainment.rows().stream().filter(r -> r.get("level").equals("REP") && subtree.contains(r.get("team_id")))
                .forEach(r -> reps.add(r.get("node_id")));
        return reps;
    }

    private static String normalized(String text) {
        return WHITESPACE.matcher(text).replaceAll(" ");
    }

    /** The packet folders of the run, by team id (folder names are the team ids: the demo's are path-safe). */
    private static Set<String> packetFolders() throws IOException {
        try (Stream<Path> s = Files.list(run.resolve("packets"))) {
            return s.filter(Files::isDirectory).map(p -> p.getFileName().toString())
                    .collect(java.util.stream.Collectors.toCollection(TreeSet::new));
        }
    }

    /** The teams of the outbox's packet emails ({@code <team>-<run key>….eml}). */
    private static Set<String> mailedTeams() throws IOException {
        try (Stream<Path> s = Files.list(run.resolve("outbox"))) {
            return s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".eml") && n.contains("-" + RUN_KEY))
                    .map(n -> n.substring(0, n.indexOf("-" + RUN_KEY)))
                    .collect(java.util.stream.Collectors.toCollection(TreeSet::new));
        }
    }

    private static Path email(String team) throws IOException {
        try (Stream<Path> s = Files.list(run.resolve("outbox"))) {
            List<Path> emails = s.filter(f -> f.getFileName().toString().startsWith(team + "-" + RUN_KEY)).toList();
            assertThat(emails).as("emails for %s", team).hasSize(1);
            return emails.get(0);
        }
    }

    /** The email's file name, subject, every decoded header, every text part and attachment name. */
    private static String emailText(Path eml) throws Exception {
        MimeMessage message;
        try (InputStream in = Files.newInputStream(eml)) {
            message = new MimeMessage(Session.getInstance(new Properties()), in);
        }
        StringBuilder text = new StringBuilder(eml.getFileName().toString()).append('\n');
        text.append(message.getSubject()).append('\n');
        for (Enumeration<Header> h = message.getAllHeaders(); h.hasMoreElements(); ) {
            Header header = h.nextElement();
            text.append(header.getName()).append(": ").append(MimeUtility.decodeText(header.getValue())).append('\n');
        }
        appendTextParts(message, text);
        assertThat(text).contains("Subject", ".pdf", ".xlsx");
        return text.toString();
    }

    private static void appendTextParts(Part part, StringBuilder out) throws Exception {
        if (part.getFileName() != null) {
            out.append(MimeUtility.decodeText(part.getFileName())).append('\n');
        }
        if (part.isMimeType("text/html")) {
            out.append(unescapeXml((String) part.getContent())).append('\n');
        } else if (part.isMimeType("text/*")) {
            out.append(part.getContent()).append('\n');
        } else if (part.isMimeType("multipart/*")) {
            Multipart multipart = (Multipart) part.getContent();
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart child = multipart.getBodyPart(i);
                appendTextParts(child, out);
            }
        }
    }

    /**
     * The Deals sheet read from its XML part: POI's full model of a director's workbook takes seconds, this
     * a fraction. Cells are inline strings and numbers (the sheet is streamed); data starts on row 3.
     */
    private static List<DealRow> dealsFromXml(String team) throws IOException {
        try (ZipFile zip = new ZipFile(xlsx(team).toFile())) {
            String workbook = part(zip, "xl/workbook.xml");
            Matcher sheet = Pattern.compile("<sheet [^>]*name=\"Deals\"[^>]*>").matcher(workbook);
            assertThat(sheet.find()).as("Deals sheet of %s", team).isTrue();
            Matcher rid = Pattern.compile("r:id=\"([^\"]+)\"").matcher(sheet.group());
            assertThat(rid.find()).isTrue();
            Matcher target = Pattern.compile("<Relationship [^>]*Id=\"" + Pattern.quote(rid.group(1)) + "\"[^>]*>")
                    .matcher(part(zip, "xl/_rels/workbook.xml.rels"));
            assertThat(target.find()).isTrue();
            Matcher path = Pattern.compile("Target=\"/?(?:xl/)?([^\"]+)\"").matcher(target.group());
            assertThat(path.find()).isTrue();
            Map<Integer, Map<String, String>> rows = new TreeMap<>();
            Matcher cell = DEALS_CELL.matcher(part(zip, "xl/" + path.group(1)));
            while (cell.find()) {
                String content = cell.group(3) == null ? "" : cell.group(3);
                Matcher t = CELL_VALUE.matcher(content);
                String value = t.find() ? unescapeXml(t.group(1) != null ? t.group(1) : t.group(2)) : "";
                rows.computeIfAbsent(Integer.parseInt(cell.group(2)), r -> new HashMap<>()).put(cell.group(1), value);
            }
            List<DealRow> deals = new ArrayList<>();
            rows.forEach((r, cells) -> {
                if (r >= 3) {
                    deals.add(new DealRow(cells.get("K"), cells.get("Q"),
                            DateUtil.getLocalDateTime(Double.parseDouble(cells.get("B"))).toLocalDate(),
                            new BigDecimal(cells.get("O")).setScale(2, RoundingMode.HALF_UP), cells.get("A")));
                }
            });
            return deals;
        }
    }

    private static String part(ZipFile zip, String name) throws IOException {
        ZipEntry entry = zip.getEntry(name);
        assertThat(entry).as(name).isNotNull();
        try (InputStream in = zip.getInputStream(entry)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    // ---------------------------------------------------------------- helpers

    /**
     * docs/numbers.md §8: a membership in the subtree overlapping the YEAR window, or the rep-row team in the
     * subtree.
     */
    private static Set<String> packetReps(String team) {
        Set<String> subtree = source.subtree(team);
        Set<String> reps = new TreeSet<>(source.membersOverlapping(subtree, LocalDate.parse("2026-01-01"),
                LocalDate.parse("2026-12-31")));
        for (Map<String, String> row : attainment.rows()) {
            if (row.get("level").equals("REP") && subtree.contains(row.get("team_id"))) {
                reps.add(row.get("node_id"));
            }
        }
        return reps;
    }

    private static Path xlsx(String team) {
        return run.resolve("packets").resolve(team).resolve(team + "-" + RUN_KEY + ".xlsx");
    }

    private static Path pdf(String team) {
        return run.resolve("packets").resolve(team).resolve(team + "-" + RUN_KEY + ".pdf");
    }

    /** Read once per team (the director's Deals sheet takes seconds); callers must not change it. */
    private static XSSFWorkbook workbook(String team) throws IOException {
        XSSFWorkbook book = WORKBOOKS.get(team);
        if (book == null) {
            try (InputStream in = Files.newInputStream(xlsx(team))) {
                book = new XSSFWorkbook(in);
            }
            WORKBOOKS.put(team, book);
        }
        return book;
    }

    private static List<String> pdfPages(String team) throws IOException {
        List<String> pages = PDF_PAGES.get(team);
        if (pages == null) {
            pages = readPdfPages(team);
            PDF_PAGES.put(team, pages);
        }
        return pages;
    }

    private static List<String> readPdfPages(String team) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf(team).toFile())) {
            List<String> pages = new ArrayList<>();
            PDFTextStripper stripper = new PDFTextStripper();
            for (int p = 1; p <= document.getNumberOfPages(); p++) {
                stripper.setStartPage(p);
                stripper.setEndPage(p);
                pages.add(stripper.getText(document));
            }
            return pages;
        }
    }

    private static List<String> sheetNames(XSSFWorkbook book) {
        List<String> names = new ArrayList<>();
        book.forEach(s -> names.add(s.getSheetName()));
        return names;
    }

    private static List<String> texts(Row row) {
        List<String> texts = new ArrayList<>();
        for (int c = 0; c < row.getLastCellNum(); c++) {
            texts.add(text(row.getCell(c)));
        }
        return texts;
    }

    private static String text(Cell cell) {
        return cell == null ? "" : new DataFormatter().formatCellValue(cell);
    }

    private static int findRow(Sheet sheet, String first, int col, String value) {
        for (Row row : sheet) {
            if (first.equals(text(row.getCell(0))) && value.equals(text(row.getCell(col)))) {
                return row.getRowNum();
            }
        }
        throw new AssertionError("no row starting " + first + " in " + sheet.getSheetName());
    }

    /** A cell as attainment.csv writes the value: blank → "", date → ISO, number → 2 decimals or integer. */
    private static String csvForm(Cell cell) {
        if (cell == null || cell.getCellType() == CellType.BLANK) {
            return "";
        }
        if (cell.getCellType() == CellType.STRING) {
            return cell.getStringCellValue();
        }
        assertThat(cell.getCellType()).isEqualTo(CellType.NUMERIC);
        if (DateUtil.isCellDateFormatted(cell)) {
            return cell.getLocalDateTimeCellValue().toLocalDate().toString();
        }
        BigDecimal value = BigDecimal.valueOf(cell.getNumericCellValue());
        // a percentage is kept as the fraction with a % format (0.823 shows 82.30%); the CSV prints 82.30
        if (cell.getCellStyle().getDataFormatString().endsWith("%")) {
            value = value.movePointRight(2);
        }
        boolean integer = cell.getCellStyle().getDataFormatString().matches("0|#,##0|General");
        return integer ? value.setScale(0, RoundingMode.UNNECESSARY).toPlainString()
                : value.setScale(2, RoundingMode.HALF_UP).toPlainString();
    }

    private static String grouped(String plain) {
        return new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.US)).format(new BigDecimal(plain));
    }

    private static String unescapeXml(String xml) {
        if (xml.indexOf('&') < 0) {
            return xml;
        }
        Matcher m = CHARACTER_REFERENCE.matcher(xml);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            int code = Integer.parseInt(m.group(2), m.group(1).isEmpty() ? 10 : 16);
            m.appendReplacement(out, Matcher.quoteReplacement(new String(Character.toChars(code))));
        }
        m.appendTail(out);
        return out.toString().replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"")
                .replace("&apos;", "'").replace("&amp;", "&");
    }

    private record DealRow(String employeeId, String teamId, LocalDate lineDate, BigDecimal credited, String bookingId) {
    }

    private static List<DealRow> deals(Sheet sheet) {
        List<DealRow> rows = new ArrayList<>();
        for (int r = 2; r <= sheet.getLastRowNum(); r++) {
            Row row = sheet.getRow(r);
            rows.add(new DealRow(text(row.getCell(10)), text(row.getCell(16)),
                    row.getCell(1).getLocalDateTimeCellValue().toLocalDate(),
                    BigDecimal.valueOf(row.getCell(14).getNumericCellValue()).setScale(2, RoundingMode.HALF_UP),
                    text(row.getCell(0))));
        }
        return rows;
    }

    /** The source rows the privacy and membership rules are judged by, independent of the job's code. */
    private record SourceData(Map<String, String> names, Map<String, String> parents, Map<String, String> managers,
                              List<Map<String, Object>> memberships, List<Map<String, Object>> bookingCredits,
                              Map<String, String> accounts) {

        static SourceData read(JdbcTemplate jdbc) {
            Map<String, String> names = new TreeMap<>();
            jdbc.query("SELECT employee_id, full_name FROM employee", rs -> {
                names.put(rs.getString(1), rs.getString(2));
            });
            Map<String, String> parents = new TreeMap<>();
            Map<String, String> managers = new TreeMap<>();
            jdbc.query("SELECT team_id, parent_team_id, manager_id FROM sales_team", rs -> {
                parents.put(rs.getString(1), rs.getString(2));
                managers.put(rs.getString(1), rs.getString(3));
            });
            Map<String, String> accounts = new HashMap<>();
            jdbc.query("SELECT booking_id, account_name FROM booking", rs -> {
                accounts.put(rs.getString(1), rs.getString(2));
            });
            return new SourceData(names, parents, managers,
                    jdbc.queryForList("SELECT employee_id, team_id, valid_from, valid_to FROM team_membership"),
                    jdbc.queryForList("SELECT b.booking_id, b.booking_date, c.employee_id "
                            + "FROM booking b JOIN booking_credit c ON c.booking_id = b.booking_id"), accounts);
        }

        Set<String> subtree(String team) {
            Set<String> ids = new HashSet<>(Set.of(team));
            boolean grew = true;
            while (grew) {
                grew = false;
                for (Map.Entry<String, String> p : parents.entrySet()) {
                    if (p.getValue() != null && ids.contains(p.getValue()) && ids.add(p.getKey())) {
                        grew = true;
                    }
                }
            }
            return ids;
        }

        List<String> children(String team) {
            return parents.entrySet().stream().filter(p -> team.equals(p.getValue())).map(Map.Entry::getKey)
                    .sorted().toList();
        }

        String managerOf(String team) {
            return managers.get(team);
        }

        String employeeName(String id) {
            return names.get(id);
        }

        Set<String> teamsOf(String employee) {
            Set<String> teams = new HashSet<>();
            memberships.stream().filter(m -> employee.equals(m.get("employee_id")))
                    .forEach(m -> teams.add((String) m.get("team_id")));
            return teams;
        }

        /** A rep of {@code team} with one open membership there since before this year. */
        String steadyRepOf(String team) {
            return memberships.stream()
                    .filter(m -> team.equals(m.get("team_id")) && m.get("valid_to") == null
                            && ((Date) m.get("valid_from")).toLocalDate().isBefore(LocalDate.parse("2025-01-01")))
                    .map(m -> (String) m.get("employee_id"))
                    .filter(e -> teamsOf(e).size() == 1 && memberships.stream()
                            .filter(x -> e.equals(x.get("employee_id"))).count() == 1)
                    .sorted().findFirst().orElseThrow();
        }

        Set<String> membersOverlapping(Set<String> subtree, LocalDate from, LocalDate to) {
            Set<String> ids = new HashSet<>();
            for (Map<String, Object> m : memberships) {
                LocalDate validFrom = ((Date) m.get("valid_from")).toLocalDate();
                Date validTo = (Date) m.get("valid_to");
                if (subtree.contains((String) m.get("team_id")) && !validFrom.isAfter(to)
                        && (validTo == null || validTo.toLocalDate().isAfter(from))) {
                    ids.add((String) m.get("employee_id"));
                }
            }
            return ids;
        }

        /** docs/numbers.md §8: teams whose {@code manager_id} names an employee get a packet. */
        Set<String> packetTeams() {
            Set<String> teams = new TreeSet<>();
            managers.forEach((team, manager) -> {
                if (manager != null && names.containsKey(manager)) {
                    teams.add(team);
                }
            });
            return teams;
        }

        /** The team without a parent: its packet covers everyone. */
        String top() {
            List<String> tops = parents.entrySet().stream().filter(p -> p.getValue() == null).map(Map.Entry::getKey)
                    .toList();
            assertThat(tops).hasSize(1);
            return tops.get(0);
        }

        /** Employees with no membership in the subtree who manage no team of it. */
        Set<String> outsideEmployees(String team) {
            Set<String> outside = new TreeSet<>(names.keySet());
            outside.removeAll(insideEmployees(team));
            return outside;
        }

        /** Employees with a membership in the subtree or who manage a team of it. */
        Set<String> insideEmployees(String team) {
            return insideEmployees(subtree(team));
        }

        private Set<String> insideEmployees(Set<String> subtree) {
            Set<String> inside = new HashSet<>();
            memberships.stream().filter(m -> subtree.contains((String) m.get("team_id")))
                    .forEach(m -> inside.add((String) m.get("employee_id")));
            subtree.stream().map(managers::get).filter(java.util.Objects::nonNull).forEach(inside::add);
            return inside;
        }

        /** Names of outside employees that no inside employee shares (demo names repeat). */
        Set<String> outsideNames(String team) {
            Set<String> insideNames = new HashSet<>();
            insideEmployees(subtree(team)).forEach(id -> insideNames.add(names.get(id)));
            Set<String> outside = new TreeSet<>();
            outsideEmployees(team).forEach(id -> outside.add(names.get(id)));
            // a name inside a longer inside name ("Li Na" in "Li Nakamura") is no leak when found
            outside.removeIf(n -> insideNames.stream().anyMatch(i -> i.contains(n)));
            return outside;
        }

        /**
         * Accounts of bookings none of whose credits names someone in the subtree on the booking date,
         * less those that some booking in the subtree also has (account names repeat across bookings).
         */
        Set<String> outsideAccounts(String team) {
            Set<String> inside = insideBookings(team);
            Set<String> insideAccounts = new HashSet<>();
            Set<String> outside = new TreeSet<>();
            accounts.forEach((booking, account) -> {
                if (account != null) {
                    (inside.contains(booking) ? insideAccounts : outside).add(account);
                }
            });
            // "Alder Utilities" (AMER) is part of "Alder Utilities GmbH" (EMEA): only whole names count
            outside.removeIf(a -> insideAccounts.stream().anyMatch(i -> i.contains(a)));
            return outside;
        }

        /** Bookings with a credit row naming someone who was in the subtree on the booking date. */
        Set<String> insideBookings(String team) {
            Set<String> subtree = subtree(team);
            Map<String, List<Map<String, Object>>> byEmployee = new HashMap<>();
            memberships.forEach(m -> byEmployee.computeIfAbsent((String) m.get("employee_id"), e -> new ArrayList<>())
                    .add(m));
            Set<String> inside = new HashSet<>();
            for (Map<String, Object> c : bookingCredits) {
                LocalDate date = ((Date) c.get("booking_date")).toLocalDate();
                boolean in = byEmployee.getOrDefault((String) c.get("employee_id"), List.of()).stream()
                        .anyMatch(m -> subtree.contains((String) m.get("team_id"))
                                && !((Date) m.get("valid_from")).toLocalDate().isAfter(date)
                                && (m.get("valid_to") == null || ((Date) m.get("valid_to")).toLocalDate().isAfter(date)));
                if (in) {
                    inside.add((String) c.get("booking_id"));
                }
            }
            return inside;
        }

        /** Bookings with a credit row naming one of the employees. */
        Set<String> bookingsCreditedTo(Set<String> employees) {
            Set<String> bookings = new HashSet<>();
            bookingCredits.stream().filter(c -> employees.contains((String) c.get("employee_id")))
                    .forEach(c -> bookings.add((String) c.get("booking_id")));
            return bookings;
        }

        /** Every other booking of the source, those without any credit row included. */
        Set<String> outsideBookings(String team) {
            Set<String> outside = new TreeSet<>(accounts.keySet());
            outside.removeAll(insideBookings(team));
            return outside;
        }
    }
}

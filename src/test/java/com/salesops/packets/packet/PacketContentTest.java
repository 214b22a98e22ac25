package com.salesops.packets.packet;

import static org.assertj.core.api.Assertions.assertThat;

import com.salesops.packets.AttainmentPacketsApplication;
import com.salesops.packets.demo.DemoDataGenerator;
import com.salesops.packets.demo.DemoSize;
import com.salesops.packets.testing.CsvFile;
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
 * ({@code emea-north}): every number against attainment.csv, the deal lines against the rep rows,
 * and that nothing from outside the subtree (DESIGN §4.8) reaches a cell, a chart, the PDF text,
 * a file name or the email.
 */
class PacketContentTest {

    private static final LocalDate AS_OF = LocalDate.parse("2026-11-26");
    private static final String RUN_KEY = "nightly-2026-11-26";
    /** In-memory H2 (kept while the JVM runs), shared by the generator, the job and the assertions. */
    private static final String H2 = ";MODE=MySQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1";
    private static final String INJECTION_TEAM = "emea-north";
    private static final List<String> INJECTIONS = List.of("=HYPERLINK(\"http://x\",\"y\")", "+1+1", "-2", "@SUM(A1)");
    private static final Pattern EMPLOYEE_ID = Pattern.compile("\\bE\\d{5}\\b");

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
            assertThat(sheetNames(book)).containsExactly("Summary", "Reps", "Deals", "Flags", "Chart");
            List<String> repsHeader = new ArrayList<>(attainment.header());
            repsHeader.addAll(List.of("team_name", "current_tier", "credit_to_next_tier"));
            assertThat(texts(book.getSheet("Reps").getRow(0))).containsExactlyElementsOf(repsHeader);
            assertThat(texts(book.getSheet("Deals").getRow(1))).containsExactly("booking_id", "line_date",
                    "booking_date", "account", "type", "channel", "partner", "original_amount", "currency", "fx_rate",
                    "employee_id", "employee_name", "role", "split_pct", "credited_base", "reversal", "team_id",
                    "team_name");
            assertThat(texts(book.getSheet("Flags").getRow(0))).containsExactly("flag", "employee_id",
                    "employee_name", "team_id", "team_name", "period_start", "period_end", "booking_ids", "amount");
            assertThat(texts(book.getSheet("Chart").getRow(0)))
                    .containsExactly("rep", "team", "attainment_pct", "quota_line_pct");
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
                Map<String, String> csv = attainment.row("window", text(row.getCell(1)), "level", "REP",
                        "node_id", text(row.getCell(5)));
                for (int c = 0; c < header.size(); c++) {
                    assertThat(csvForm(row.getCell(c)))
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
    void summaryKpiTableEqualsTheTeamRowsOfAttainmentCsv(String team) throws IOException {
        {
            XSSFWorkbook book = workbook(team);
            Sheet summary = book.getSheet("Summary");
            int header = findRow(summary, "window", 3, "team_id");
            List<String> columns = texts(summary.getRow(header));
            // Summary's team_id is the row's own team (attainment.csv's node_id); the CSV's team_id is its parent
            assertThat(columns.get(3)).isEqualTo("team_id");
            List<String> fromCsv = List.of("period_start", "period_end", "quota", "credited",
                    "attainment_pct", "expected_pct", "pace_index", "pace_status", "projected_pct", "gap_to_quota",
                    "deal_count");
            List<String> shown = new ArrayList<>();
            for (int r = header + 1; summary.getRow(r) != null && summary.getRow(r).getCell(0) != null; r++) {
                Row row = summary.getRow(r);
                Map<String, String> csv = attainment.row("window", text(row.getCell(0)), "level", "TEAM",
                        "node_id", text(row.getCell(3)));
                for (String column : fromCsv) {
                    assertThat(csvForm(row.getCell(columns.indexOf(column))))
                            .as("Summary %s of %s %s", column, csv.get("window"), csv.get("node_id"))
                            .isEqualTo(csv.get(column));
                }
                assertThat(text(row.getCell(columns.indexOf("team")))).isEqualTo(csv.get("node_name"));
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
    void dealLinesAddUpToEachRepsCreditedPerWindow(String team) throws IOException {
        // A transferred rep's row covers all of the rep's lines (DESIGN §4.2), but each packet lists only the
        // lines of its own subtree (§4.8): its Deals lines cannot add up to the row. So only reps whose every
        // membership is in the subtree are summed here.
        Set<String> whollyInside = new TreeSet<>(packetReps(team));
        whollyInside.removeIf(rep -> !source.subtree(team).containsAll(source.teamsOf(rep)));
        assertThat(whollyInside).hasSizeGreaterThan(5);
        {
            XSSFWorkbook book = workbook(team);
            List<DealRow> deals = deals(book.getSheet("Deals"));
            assertThat(deals).isNotEmpty();
            for (String w : List.of("MONTH", "QUARTER", "YEAR")) {
                for (String rep : whollyInside) {
                    Map<String, String> csv = attainment.row("window", w, "level", "REP", "node_id", rep);
                    LocalDate from = LocalDate.parse(csv.get("period_start"));
                    LocalDate to = LocalDate.parse(csv.get("period_end"));
                    BigDecimal sum = deals.stream()
                            .filter(d -> d.employeeId().equals(rep) && !d.lineDate().isBefore(from)
                                    && !d.lineDate().isAfter(to))
                            .map(DealRow::credited).reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
                    assertThat(sum.toPlainString()).as("%s %s", w, rep).isEqualTo(csv.get("credited"));
                }
            }
            // and every line belongs to the subtree
            assertThat(deals).allSatisfy(d -> assertThat(source.subtree(team)).contains(d.teamId()));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"emea", "emea-north"})
    void chartCategoriesAreThePacketsRepsMonthAttainment(String team) throws IOException {
        {
            XSSFWorkbook book = workbook(team);
            XSSFSheet sheet = book.getSheet("Chart");
            List<XSSFChart> charts = sheet.getDrawingPatriarch().getCharts();
            assertThat(charts).hasSize(1);
            List<String> categories = new ArrayList<>();
            var cache = charts.get(0).getCTChart().getPlotArea().getBarChartArray(0).getSerArray(0).getCat()
                    .getStrRef().getStrCache();
            for (int i = 0; i < cache.sizeOfPtArray(); i++) {
                categories.add(cache.getPtArray(i).getV());
            }
            List<String> expected = packetReps(team).stream().sorted()
                    .map(id -> attainment.row("window", "MONTH", "level", "REP", "node_id", id).get("node_name"))
                    .toList();
            assertThat(categories).containsExactlyElementsOf(expected);
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

    @ParameterizedTest
    @ValueSource(strings = {"emea", "emea-north"})
    void nothingFromOutsideTheSubtreeReachesAnyFileNameCellChartPdfOrEmail(String team) throws Exception {
        // given: what must not appear, from the source data
        Set<String> outsideIds = source.outsideEmployees(team);
        Set<String> outsideNames = source.outsideNames(team);
        Set<String> outsideAccounts = source.outsideAccounts(team);
        assertThat(outsideIds).contains("E00001");
        assertThat(outsideNames).isNotEmpty();
        assertThat(outsideAccounts).isNotEmpty();

        Map<String, String> texts = new LinkedHashMap<>();
        Path folder = run.resolve("packets").resolve(team);
        try (Stream<Path> files = Files.list(folder)) {
            files.forEach(f -> texts.put("file name " + f.getFileName(), f.getFileName().toString()));
        }
        // every part of the workbook: cells (inline strings), sheet names, chart caches, properties
        try (ZipFile zip = new ZipFile(xlsx(team).toFile())) {
            for (ZipEntry e : java.util.Collections.list(zip.entries())) {
                try (InputStream in = zip.getInputStream(e)) {
                    texts.put("xlsx " + e.getName(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
                }
            }
        }
        texts.put("pdf text", String.join("\n", pdfPages(team)));
        try (PDDocument pdf = Loader.loadPDF(pdf(team).toFile())) {
            texts.put("pdf title", String.valueOf(pdf.getDocumentInformation().getTitle()));
        }
        texts.put("eml", emailText(team));

        // then: ids by pattern; names and accounts in each distinct piece of text (an XML text node or
        // attribute, a PDF or email line), so the director's large Deals sheet is searched quickly
        for (Map.Entry<String, String> t : texts.entrySet()) {
            Set<String> ids = new TreeSet<>();
            Matcher m = EMPLOYEE_ID.matcher(t.getValue());
            while (m.find()) {
                ids.add(m.group());
            }
            ids.retainAll(outsideIds);
            assertThat(ids).as("%s names outside employees", t.getKey()).isEmpty();
            for (String piece : pieces(t.getValue())) {
                for (String name : outsideNames) {
                    assertThat(piece).as("%s names outside employee %s", t.getKey(), name).doesNotContain(name);
                }
                for (String account : outsideAccounts) {
                    assertThat(piece).as("%s names outside account %s", t.getKey(), account).doesNotContain(account);
                }
            }
        }
    }

    private static Set<String> pieces(String text) {
        Set<String> pieces = new HashSet<>();
        for (String piece : text.split("[<>\"\n]")) {
            if (!piece.isBlank()) {
                pieces.add(unescapeXml(piece));
            }
        }
        return pieces;
    }

    /** The decoded subject, every header and every text part of the packet's email. */
    private static String emailText(String team) throws Exception {
        Path eml;
        try (Stream<Path> s = Files.list(run.resolve("outbox"))) {
            eml = s.filter(f -> f.getFileName().toString().startsWith(team + "-" + RUN_KEY))
                    .findFirst().orElseThrow(() -> new AssertionError("no email for " + team));
        }
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
        assertThat(text).contains("Subject");
        return text.toString();
    }

    private static void appendTextParts(Part part, StringBuilder out) throws Exception {
        if (part.getFileName() != null) {
            out.append(MimeUtility.decodeText(part.getFileName())).append('\n');
        }
        if (part.isMimeType("text/*")) {
            out.append(part.getContent()).append('\n');
        } else if (part.isMimeType("multipart/*")) {
            Multipart multipart = (Multipart) part.getContent();
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart child = multipart.getBodyPart(i);
                appendTextParts(child, out);
            }
        }
    }

    // ---------------------------------------------------------------- helpers

    /** DESIGN §4.8: a membership in the subtree overlapping the YEAR window, or the rep-row team in the subtree. */
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
        boolean integer = cell.getCellStyle().getDataFormatString().matches("0|#,##0|General");
        return integer ? value.setScale(0, RoundingMode.UNNECESSARY).toPlainString()
                : value.setScale(2, RoundingMode.HALF_UP).toPlainString();
    }

    private static String grouped(String plain) {
        return new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.US)).format(new BigDecimal(plain));
    }

    private static String unescapeXml(String xml) {
        Matcher m = Pattern.compile("&#(x?)([0-9A-Fa-f]+);").matcher(xml);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            int code = Integer.parseInt(m.group(2), m.group(1).isEmpty() ? 10 : 16);
            m.appendReplacement(out, Matcher.quoteReplacement(new String(Character.toChars(code))));
        }
        m.appendTail(out);
        return out.toString().replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"")
                .replace("&apos;", "'").replace("&amp;", "&");
    }

    private record DealRow(String employeeId, String teamId, LocalDate lineDate, BigDecimal credited) {
    }

    private static List<DealRow> deals(Sheet sheet) {
        List<DealRow> rows = new ArrayList<>();
        for (int r = 2; r <= sheet.getLastRowNum(); r++) {
            Row row = sheet.getRow(r);
            rows.add(new DealRow(text(row.getCell(10)), text(row.getCell(16)),
                    row.getCell(1).getLocalDateTimeCellValue().toLocalDate(),
                    BigDecimal.valueOf(row.getCell(14).getNumericCellValue()).setScale(2, RoundingMode.HALF_UP)));
        }
        return rows;
    }

    /** The source rows the privacy and membership rules are judged by, independent of the job's code. */
    private record SourceData(Map<String, String> names, Map<String, String> parents, Map<String, String> managers,
                              List<Map<String, Object>> memberships, List<Map<String, Object>> bookingCredits) {

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
            return new SourceData(names, parents, managers,
                    jdbc.queryForList("SELECT employee_id, team_id, valid_from, valid_to FROM team_membership"),
                    jdbc.queryForList("SELECT b.booking_id, b.booking_date, b.account_name, c.employee_id "
                            + "FROM booking b JOIN booking_credit c ON c.booking_id = b.booking_id"));
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

        /** Employees with no membership in the subtree who manage no team of it. */
        Set<String> outsideEmployees(String team) {
            Set<String> subtree = subtree(team);
            Set<String> inside = insideEmployees(subtree);
            Set<String> outside = new TreeSet<>(names.keySet());
            outside.removeAll(inside);
            return outside;
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
            Set<String> subtree = subtree(team);
            Map<String, Boolean> bookingInside = new HashMap<>();
            Map<String, String> account = new HashMap<>();
            for (Map<String, Object> c : bookingCredits) {
                String booking = (String) c.get("booking_id");
                LocalDate date = ((Date) c.get("booking_date")).toLocalDate();
                account.put(booking, (String) c.get("account_name"));
                boolean in = memberships.stream().anyMatch(m -> m.get("employee_id").equals(c.get("employee_id"))
                        && subtree.contains((String) m.get("team_id"))
                        && !((Date) m.get("valid_from")).toLocalDate().isAfter(date)
                        && (m.get("valid_to") == null || ((Date) m.get("valid_to")).toLocalDate().isAfter(date)));
                bookingInside.merge(booking, in, Boolean::logicalOr);
            }
            Set<String> insideAccounts = new HashSet<>();
            Set<String> outside = new TreeSet<>();
            bookingInside.forEach((booking, in) -> (in ? insideAccounts : outside).add(account.get(booking)));
            // "Alder Utilities" (AMER) is part of "Alder Utilities GmbH" (EMEA): only whole names count
            outside.removeIf(a -> insideAccounts.stream().anyMatch(i -> i.contains(a)));
            return outside;
        }
    }
}

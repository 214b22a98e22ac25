package com.salesops.packets.credit;

import com.salesops.packets.support.AtomicFiles;
import com.salesops.packets.support.FileNames;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A run's credit lines on local (or shared) disk, two files per team: its lines sorted in Deals
 * order, and sorted largest first for packets cut to their largest lines (docs/performance.md,
 * "Lines read once"). The compute step streams every line from the app
 * database once anyway; it also writes them here, so the render step reads each team's lines from a
 * file instead of asking the database for every packet's subtree again: a line of a deep org is in
 * the packets of its team, region, geo and the root, and with an app database whose buffer pool
 * does not hold the run those are four reads from disk.
 *
 * <p>The spool is complete only once its index (team → line count) exists; the index is written
 * last. A reader checks a subtree's count against the database's (the compute step's per-team
 * totals) before it trusts the files; a missing, partial or stale spool means the caller reads the
 * database as before. The spool is a cache: deleting it at any time changes no result.
 *
 * <p>Orders (the same as {@link SubtreeLines}' queries on an app database with the binary collation
 * the README asks for; ids compared as Java strings): all lines
 * by line date, booking id, employee id, originals before reversals; the largest by absolute
 * credited amount descending, then booking id, employee id, originals before reversals.
 */
public final class LineSpool {

    private static final String INDEX = "index.properties";
    /** A team's lines in Deals order ({@link #DATE_ORDER}). */
    private static final String SUFFIX = ".lines";
    /** The same lines largest first ({@link #LARGEST_ORDER}). */
    private static final String LARGEST_SUFFIX = ".largest";
    private static final int BUFFER = 16 * 1024;
    private static final int NO_DATE = Integer.MIN_VALUE;
    /** A text's head: its number when the file wrote it before (0 and up), or one of these. */
    private static final int NULL_TEXT = -1;
    private static final int TEXT = -2;
    /** A text that follows and takes the next number. */
    private static final int NUMBERED_TEXT = -3;
    private static final byte NULL_DECIMAL = 0;
    private static final byte LONG_DECIMAL = 1;
    private static final byte TEXT_DECIMAL = 2;

    /** Deals order of a subtree's lines. */
    static final Comparator<Spooled> DATE_ORDER = Comparator.comparingInt(Spooled::lineDay)
            .thenComparing((Spooled s) -> s.line().bookingId())
            .thenComparing((Spooled s) -> s.line().employeeId())
            .thenComparing((Spooled s) -> s.line().reversal());

    /** Largest absolute credited amount first, then as {@link #DATE_ORDER} without the date. */
    static final Comparator<Spooled> LARGEST_ORDER = Comparator.comparingLong((Spooled s) -> -s.absCents())
            .thenComparing((Spooled s) -> s.line().bookingId())
            .thenComparing((Spooled s) -> s.line().employeeId())
            .thenComparing((Spooled s) -> s.line().reversal());

    private final Path dir;

    private LineSpool(Path dir) {
        this.dir = dir;
    }

    /** A run's spool: {@code <output>/<run-key>/.line-spool}. */
    public static LineSpool ofRun(Path outputDir, String runKey) {
        return new LineSpool(outputDir.resolve(runKey).resolve(".line-spool"));
    }

    /** The spool in {@code dir} (which may not exist yet). */
    public static LineSpool at(Path dir) {
        return new LineSpool(dir);
    }

    public Path dir() {
        return dir;
    }

    /** Starts a new spool, replacing whatever the folder held. */
    public Writer writer() throws IOException {
        delete();
        Files.createDirectories(dir);
        return new Writer();
    }

    /**
     * Writes the spool again from the run's lines in the app database (one pass in primary-key
     * order, as the compute step reads them), for a render step that finds none.
     */
    public void rebuild(CreditStore credits, String runKey, int fetchSize) throws IOException {
        try (Writer w = writer()) {
            credits.forEachBooking(runKey, fetchSize, b -> w.add(b.booking(), b.lines()));
            w.finish();
        }
    }

    /** The bytes the spool's files take on disk (0 when there is none). */
    public long bytes() throws IOException {
        long total = 0;
        for (Path f : files()) {
            total += Files.size(f);
        }
        return total;
    }

    /** Removes the spool (nothing to do when there is none). */
    public void delete() throws IOException {
        for (Path f : files()) {
            Files.deleteIfExists(f);
        }
        Files.deleteIfExists(dir);
    }

    private List<Path> files() throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.toList();
        }
    }

    /**
     * The spooled line count of each team, when the spool is complete; empty when it is not (still
     * being written, never written, or removed).
     */
    public Optional<Map<String, Long>> index() {
        Path index = dir.resolve(INDEX);
        if (!Files.isRegularFile(index)) {
            return Optional.empty();
        }
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(index)) {
            p.load(in);
        } catch (IOException e) {
            return Optional.empty();
        }
        Map<String, Long> counts = new HashMap<>();
        p.stringPropertyNames().forEach(team -> counts.put(team, Long.parseLong(p.getProperty(team))));
        return Optional.of(counts);
    }

    /**
     * Streams the teams' lines in Deals order (a k-way merge of the teams' sorted files).
     *
     * @throws UncheckedIOException when a file cannot be read
     */
    public void forEachLine(Collection<String> teams, CreditStore.LineAction action) {
        merge(teams, SUFFIX, DATE_ORDER, Long.MAX_VALUE, action);
    }

    /**
     * Streams the teams' {@code largest} lines by absolute amount, largest first: a k-way merge of
     * the teams' files sorted that way, stopped after {@code largest} lines, so a packet cut to its
     * largest lines reads only those (and holds none of them in memory).
     */
    public void forEachLargestLine(Collection<String> teams, int largest, CreditStore.LineAction action) {
        merge(teams, LARGEST_SUFFIX, LARGEST_ORDER, largest, action);
    }

    private void merge(Collection<String> teams, String suffix, Comparator<Spooled> order, long limit,
                       CreditStore.LineAction action) {
        List<Cursor> cursors = new ArrayList<>();
        try {
            PriorityQueue<Cursor> queue = new PriorityQueue<>(Math.max(1, teams.size()),
                    (a, b) -> order.compare(a.current, b.current));
            for (String team : teams) {
                Cursor c = open(team, suffix);
                if (c != null) {
                    cursors.add(c);
                    if (c.advance()) {
                        queue.add(c);
                    }
                }
            }
            for (long n = 0; n < limit && !queue.isEmpty(); n++) {
                Cursor c = queue.poll();
                action.accept(c.current.line(), c.current.booking());
                if (c.advance()) {
                    queue.add(c);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the line spool " + dir + ": " + e.getMessage(), e);
        } finally {
            cursors.forEach(Cursor::closeQuietly);
        }
    }

    private Cursor open(String team, String suffix) throws IOException {
        Path file = dir.resolve(fileName(team, suffix));
        if (!Files.isRegularFile(file)) {
            return null;
        }
        return new Cursor(Files.newInputStream(file));
    }

    private static String fileName(String team, String suffix) {
        // FileNames.safe maps several ids to one name only for ids that differ in unsafe characters;
        // the hex of the id keeps every team's file its own.
        return FileNames.safe(team) + "-" + hex(team) + suffix;
    }

    private static String hex(String s) {
        return new BigInteger(1, s.getBytes(StandardCharsets.UTF_8)).toString(16);
    }

    /** A line with its booking and its sort keys. */
    record Spooled(CreditLine line, CreditedBooking booking, int lineDay, long absCents) {

        static Spooled of(CreditLine line, CreditedBooking booking) {
            return new Spooled(line, booking, (int) line.lineDate().toEpochDay(),
                    line.amountBase().unscaledValue().abs().longValueExact());
        }
    }

    /** Writes a spool: lines in any order, then {@link #finish()} sorts each team's files and writes the index. */
    public final class Writer implements AutoCloseable {

        private final Map<String, Encoder> open = new TreeMap<>();
        private final Map<String, Long> counts = new TreeMap<>();
        private boolean finished;

        private Writer() {
        }

        /**
         * Appends a booking's lines, each to its team's file.
         *
         * @throws UncheckedIOException when a file cannot be written (the spool is then not finished)
         */
        public void add(CreditedBooking booking, List<CreditLine> lines) {
            try {
                append(booking, lines);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write the line spool " + dir + ": " + e.getMessage(), e);
            }
        }

        private void append(CreditedBooking booking, List<CreditLine> lines) throws IOException {
            for (CreditLine line : lines) {
                Encoder out = open.get(line.teamId());
                if (out == null) {
                    out = new Encoder(Files.newOutputStream(dir.resolve(fileName(line.teamId(), SUFFIX))));
                    open.put(line.teamId(), out);
                }
                out.write(line, booking);
                counts.merge(line.teamId(), 1L, Long::sum);
            }
        }

        /**
         * Sorts every team's file in Deals order, writes its lines again largest first, and writes
         * the index: the spool is complete.
         */
        public void finish() throws IOException {
            closeAll();
            // the teams are independent: sorted and written on every core (a few seconds at 2 million lines)
            List<Callable<Void>> teams = new ArrayList<>();
            for (String team : counts.keySet()) {
                teams.add(() -> {
                    sortTeam(team);
                    return null;
                });
            }
            ExecutorService cores = Executors.newFixedThreadPool(Math.max(1, Runtime.getRuntime().availableProcessors()),
                    r -> {
                        Thread t = new Thread(r, "line-spool-sort");
                        t.setDaemon(true);
                        return t;
                    });
            try {
                for (Future<Void> done : cores.invokeAll(teams)) {
                    done.get();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while sorting the line spool " + dir, e);
            } catch (ExecutionException e) {
                if (e.getCause() instanceof IOException io) {
                    throw io;
                }
                if (e.getCause() instanceof RuntimeException runtime) {
                    throw runtime;
                }
                if (e.getCause() instanceof Error error) {
                    throw error;
                }
                throw new IOException("cannot sort the line spool " + dir + ": " + e.getCause(), e.getCause());
            } finally {
                cores.shutdownNow();
                awaitStopped(cores);
            }
            Properties index = new Properties();
            counts.forEach((team, n) -> index.setProperty(team, Long.toString(n)));
            AtomicFiles.write(dir.resolve(INDEX), (AtomicFiles.Body) out -> index.store(out, "team = lines"));
            finished = true;
        }

        /** Waits for the sorting threads to end, so that a failed spool is removed whole. */
        private static void awaitStopped(ExecutorService cores) {
            try {
                if (!cores.awaitTermination(1, TimeUnit.MINUTES)) {
                    throw new IllegalStateException("line spool sorting threads did not stop within a minute");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        /** One team's file, read back and written again in Deals order, and its largest-first file. */
        private void sortTeam(String team) throws IOException {
            Path file = dir.resolve(fileName(team, SUFFIX));
            List<Spooled> lines = new ArrayList<>();
            try (Cursor c = new Cursor(Files.newInputStream(file))) {
                while (c.advance()) {
                    lines.add(c.current);
                }
            }
            lines.sort(DATE_ORDER);
            write(file, lines);
            lines.sort(LARGEST_ORDER);
            write(dir.resolve(fileName(team, LARGEST_SUFFIX)), lines);
        }

        private static void write(Path file, List<Spooled> lines) throws IOException {
            try (Encoder out = new Encoder(Files.newOutputStream(file))) {
                for (Spooled s : lines) {
                    out.write(s.line(), s.booking());
                }
            }
        }

        /** Closes the files; a spool not {@link #finish() finished} is removed (it has no index). */
        @Override
        public void close() throws IOException {
            closeAll();
            if (!finished) {
                delete();
            }
        }

        private void closeAll() throws IOException {
            IOException failed = null;
            for (Encoder out : open.values()) {
                try {
                    out.close();
                } catch (IOException e) {
                    failed = e;
                }
            }
            open.clear();
            if (failed != null) {
                throw failed;
            }
        }
    }

    /*
     * A line's record: booking id, employee id, team id, role, split, line date, amount, reversal,
     * booking date, cancelled date, then the booking's fields when the line carries them. Text is
     * UTF-8; a text repeated in a file (ids, names, types) is written once and then by its number;
     * an amount is its unscaled value and scale; a date its epoch day.
     */

    /** Writes one team's file. */
    private static final class Encoder implements AutoCloseable {

        private final Out out;
        private final Map<String, Integer> known = new HashMap<>();

        Encoder(OutputStream file) {
            this.out = new Out(file);
        }

        void write(CreditLine l, CreditedBooking b) throws IOException {
            text(l.bookingId(), false);
            text(l.employeeId(), true);
            text(l.teamId(), true);
            out.writeByte(l.role().ordinal());
            decimal(l.splitPercent());
            out.writeInt((int) l.lineDate().toEpochDay());
            decimal(l.amountBase());
            out.writeBoolean(l.reversal());
            date(l.bookingDate());
            date(l.cancelledDate());
            out.writeBoolean(b != null);
            if (b != null) {
                text(b.accountName(), false);
                text(b.bookingType(), true);
                text(b.channel(), true);
                text(b.partnerName(), true);
                decimal(b.amount());
                text(b.currency(), true);
                decimal(b.fxRate());
                decimal(b.primarySplitSum());
                out.writeInt(b.primaryLineCount());
                out.writeBoolean(b.originalsInRun());
            }
        }

        /**
         * The number of a text the file already holds, or {@link #NULL_TEXT}, or the text itself after
         * {@link #TEXT} ({@link #NUMBERED_TEXT} when {@code repeated}, so later lines can refer to it).
         */
        private void text(String s, boolean repeated) throws IOException {
            if (s == null) {
                out.writeInt(NULL_TEXT);
                return;
            }
            if (repeated) {
                Integer n = known.get(s);
                if (n != null) {
                    out.writeInt(n);
                    return;
                }
                known.put(s, known.size());
            }
            byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
            out.writeInt(repeated ? NUMBERED_TEXT : TEXT);
            out.writeInt(bytes.length);
            out.write(bytes);
        }

        /** Null; or its unscaled value as a long and its scale; or (larger) its text, read back exactly. */
        private void decimal(BigDecimal d) throws IOException {
            if (d == null) {
                out.writeByte(NULL_DECIMAL);
            } else if (d.unscaledValue().bitLength() < 64) {
                out.writeByte(LONG_DECIMAL);
                out.writeLong(d.unscaledValue().longValue());
                out.writeInt(d.scale());
            } else {
                out.writeByte(TEXT_DECIMAL);
                byte[] text = d.toString().getBytes(StandardCharsets.US_ASCII);
                out.writeInt(text.length);
                out.write(text);
            }
        }

        private void date(LocalDate d) throws IOException {
            out.writeInt(d == null ? NO_DATE : (int) d.toEpochDay());
        }

        @Override
        public void close() throws IOException {
            out.close();
        }
    }

    /** Reads one team's file a line at a time; repeated texts are read once and shared. */
    private static final class Cursor implements AutoCloseable {

        private static final CreditRole[] ROLES = CreditRole.values();

        private final In in;
        private final List<String> known = new ArrayList<>();
        private byte[] bytes = new byte[256];
        private Spooled current;

        Cursor(InputStream file) {
            this.in = new In(file);
        }

        boolean advance() throws IOException {
            if (in.atEnd()) {
                current = null;
                return false;
            }
            int first = in.readInt();
            String bookingId = text(first);
            String employeeId = text(in.readInt());
            String teamId = text(in.readInt());
            CreditRole role = ROLES[in.readByte()];
            BigDecimal split = decimal();
            LocalDate lineDate = LocalDate.ofEpochDay(in.readInt());
            BigDecimal amountBase = decimal();
            boolean reversal = in.readBoolean();
            LocalDate bookingDate = date();
            LocalDate cancelled = date();
            CreditLine line = new CreditLine(bookingId, employeeId, teamId, role, split, lineDate, amountBase, reversal,
                    bookingDate, cancelled);
            CreditedBooking booking = null;
            if (in.readBoolean()) {
                booking = new CreditedBooking(bookingId, bookingDate, text(in.readInt()), text(in.readInt()),
                        text(in.readInt()), text(in.readInt()), decimal(), text(in.readInt()), decimal(), decimal(),
                        in.readInt(), cancelled, in.readBoolean());
            }
            current = Spooled.of(line, booking);
            return true;
        }

        private String text(int head) throws IOException {
            if (head >= 0) {
                return known.get(head);
            }
            if (head == NULL_TEXT) {
                return null;
            }
            int length = in.readInt();
            if (bytes.length < length) {
                bytes = new byte[Math.max(length, bytes.length * 2)];
            }
            in.readFully(bytes, 0, length);
            String s = new String(bytes, 0, length, StandardCharsets.UTF_8);
            if (head == NUMBERED_TEXT) {
                known.add(s);
            }
            return s;
        }

        private BigDecimal decimal() throws IOException {
            return switch (in.readByte()) {
                case NULL_DECIMAL -> null;
                case LONG_DECIMAL -> BigDecimal.valueOf(in.readLong(), in.readInt());
                default -> {
                    byte[] text = new byte[in.readInt()];
                    in.readFully(text, 0, text.length);
                    yield new BigDecimal(new String(text, StandardCharsets.US_ASCII));
                }
            };
        }

        private LocalDate date() throws IOException {
            int day = in.readInt();
            return day == NO_DATE ? null : LocalDate.ofEpochDay(day);
        }

        @Override
        public void close() throws IOException {
            in.close();
        }

        void closeQuietly() {
            try {
                in.close();
            } catch (IOException ignored) {
                // a read-only file: nothing is lost
            }
        }
    }

    /**
     * A file's bytes written through a plain array: {@code DataOutputStream} over a buffered stream
     * takes the buffer's lock once per byte of every number (the profile of the render step showed it).
     */
    private static final class Out implements AutoCloseable {

        private final OutputStream file;
        private final byte[] buf = new byte[BUFFER];
        private int count;

        Out(OutputStream file) {
            this.file = file;
        }

        void writeByte(int v) throws IOException {
            room(1);
            buf[count++] = (byte) v;
        }

        void writeBoolean(boolean v) throws IOException {
            writeByte(v ? 1 : 0);
        }

        void writeInt(int v) throws IOException {
            room(4);
            buf[count++] = (byte) (v >>> 24);
            buf[count++] = (byte) (v >>> 16);
            buf[count++] = (byte) (v >>> 8);
            buf[count++] = (byte) v;
        }

        void writeLong(long v) throws IOException {
            writeInt((int) (v >>> 32));
            writeInt((int) v);
        }

        void write(byte[] bytes) throws IOException {
            if (bytes.length > buf.length - count) {
                drain();
                if (bytes.length > buf.length) {
                    file.write(bytes);
                    return;
                }
            }
            System.arraycopy(bytes, 0, buf, count, bytes.length);
            count += bytes.length;
        }

        private void room(int n) throws IOException {
            if (buf.length - count < n) {
                drain();
            }
        }

        private void drain() throws IOException {
            file.write(buf, 0, count);
            count = 0;
        }

        @Override
        public void close() throws IOException {
            try {
                drain();
            } finally {
                file.close();
            }
        }
    }

    /** A file's bytes read through a plain array (see {@link Out}). */
    private static final class In implements AutoCloseable {

        private final InputStream file;
        private final byte[] buf = new byte[BUFFER];
        private int pos;
        private int limit;

        In(InputStream file) {
            this.file = file;
        }

        /** Whether the file has no byte left. */
        boolean atEnd() throws IOException {
            return pos == limit && !fill();
        }

        byte readByte() throws IOException {
            need(1);
            return buf[pos++];
        }

        boolean readBoolean() throws IOException {
            return readByte() != 0;
        }

        int readInt() throws IOException {
            need(4);
            int v = ((buf[pos] & 0xff) << 24) | ((buf[pos + 1] & 0xff) << 16) | ((buf[pos + 2] & 0xff) << 8)
                    | (buf[pos + 3] & 0xff);
            pos += 4;
            return v;
        }

        long readLong() throws IOException {
            return ((long) readInt() << 32) | (readInt() & 0xffffffffL);
        }

        void readFully(byte[] bytes, int off, int len) throws IOException {
            while (len > 0) {
                if (pos == limit && !fill()) {
                    throw new EOFException("the line spool file ends inside a line");
                }
                int n = Math.min(len, limit - pos);
                System.arraycopy(buf, pos, bytes, off, n);
                pos += n;
                off += n;
                len -= n;
            }
        }

        /** Makes {@code n} (at most 8) bytes readable at {@code pos}. */
        private void need(int n) throws IOException {
            while (limit - pos < n) {
                if (!fill()) {
                    throw new EOFException("the line spool file ends inside a line");
                }
            }
        }

        /** Moves what is left to the front and reads more; false at the end of the file. */
        private boolean fill() throws IOException {
            int left = limit - pos;
            System.arraycopy(buf, pos, buf, 0, left);
            pos = 0;
            limit = left;
            int n = file.read(buf, limit, buf.length - limit);
            if (n <= 0) {
                return false;
            }
            limit += n;
            return true;
        }

        @Override
        public void close() throws IOException {
            file.close();
        }
    }
}

package com.salesops.packets.config;

import com.salesops.packets.config.PacketsProperties;
import com.salesops.packets.packet.excel.ExcelPacketWriter;
import com.salesops.packets.packet.pdf.PdfPacketWriter;
import com.salesops.packets.source.SourceDatabase;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * {@code validate-config}: everything a run needs, checked without running or sending anything —
 * the app database, the source database, each extraction query (its tables and the columns the
 * job reads), the SMTP server (connect and greeting only) when {@code spring.mail.host} is set, the
 * output folder, the Jasper templates, and in remote mode the broker (connect, declare the queue).
 * Each problem names the key to fix.
 */
@Component
public class ConfigValidation {

    /** Extraction queries and what the job reads from them: a column count, or named columns. */
    private static final Map<String, List<String>> QUERIES = new LinkedHashMap<>();

    static {
        QUERIES.put("employees", List.of("#5"));
        QUERIES.put("teams", List.of("#4"));
        QUERIES.put("memberships", List.of("#5"));
        QUERIES.put("rep-quotas", List.of("#4"));
        QUERIES.put("team-quotas", List.of("#4"));
        QUERIES.put("fx-rates", List.of("#3"));
        QUERIES.put("bookings", List.of("booking_id", "booking_date", "account_name", "amount", "currency",
                "booking_type", "channel", "partner_name", "status", "cancelled_date", "employee_id", "credit_role",
                "split_percent"));
        QUERIES.put("bookings-count", List.of("#1"));
        QUERIES.put("earliest-booking", List.of("#1"));
    }

    private final DataSource app;
    private final SourceDatabase source;
    private final PacketsProperties properties;
    private final Environment environment;
    private final ObjectProvider<BrokerCheck> broker;

    public ConfigValidation(DataSource app, SourceDatabase source, PacketsProperties properties, Environment environment,
                            ObjectProvider<BrokerCheck> broker) {
        this.app = app;
        this.source = source;
        this.properties = properties;
        this.environment = environment;
        this.broker = broker;
    }

    /** Runs every check, printing one line each; returns the problems (empty = all good). */
    public List<String> check(java.io.PrintStream out) {
        List<String> problems = new ArrayList<>();
        check(out, problems, "app database (spring.datasource.url)", () -> ping(app, "spring.datasource.url"));
        boolean sourceUp = check(out, problems, "source database (packets.source.url)",
                () -> ping(source.dataSource(), "packets.source.url, packets.source.username, packets.source.password"));
        if (sourceUp) {
            for (Map.Entry<String, List<String>> q : QUERIES.entrySet()) {
                check(out, problems, "extraction query " + q.getKey() + ".sql (packets.source.sql-location)",
                        () -> query(q.getKey(), q.getValue()));
            }
        }
        String host = environment.getProperty("spring.mail.host");
        if (host != null && !host.isBlank()) {
            check(out, problems, "SMTP server (spring.mail.host, spring.mail.port)",
                    () -> smtp(host, environment.getProperty("spring.mail.port", Integer.class, 25)));
        } else {
            out.println("  -   SMTP: spring.mail.host is not set; emails go to the outbox folder");
        }
        BrokerCheck brokerCheck = broker.getIfAvailable();
        if (brokerCheck != null) {
            check(out, problems, "RabbitMQ for remote rendering (spring.rabbitmq.*, packets.workers.queue)", brokerCheck::check);
        } else {
            out.println("  -   RabbitMQ: packets.render.mode is local; packets render in this JVM, no broker needed");
        }
        check(out, problems, "output folder (packets.output.dir)", this::outputDir);
        String templates = "report templates (reports/*.jasper, compiled by the build from reports/*.jrxml)";
        check(out, problems, templates, () -> {
            new PdfPacketWriter();
            new ExcelPacketWriter();
            return "loaded";
        });
        return problems;
    }

    private interface Check {
        String run() throws Exception;
    }

    private static boolean check(java.io.PrintStream out, List<String> problems, String what, Check check) {
        try {
            String detail = check.run();
            out.println("  ok  " + what + (detail.isEmpty() ? "" : ": " + detail));
            return true;
        } catch (Exception e) {
            String message = what + ": " + rootMessage(e);
            problems.add(message);
            out.println("  BAD " + message);
            return false;
        }
    }

    private static String ping(DataSource ds, String keys) throws Exception {
        try (Connection c = ds.getConnection()) {
            return c.getMetaData().getDatabaseProductName() + " " + c.getMetaData().getDatabaseProductVersion();
        } catch (Exception e) {
            throw new IllegalStateException("cannot connect; check " + keys + " (" + rootMessage(e) + ")", e);
        }
    }

    private String query(String name, List<String> needs) throws Exception {
        String sql = source.sql(name);
        try (Connection c = source.dataSource().getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            // a date (and booking id) no real row has: checks tables and columns, reads nothing
            int parameters = parameterCount(sql);
            for (int i = 1; i <= parameters; i++) {
                s.setString(i, "9999-12-31");
            }
            s.setMaxRows(1);
            try (ResultSet rs = s.executeQuery()) {
                ResultSetMetaData meta = rs.getMetaData();
                if (needs.size() == 1 && needs.get(0).startsWith("#")) {
                    int want = Integer.parseInt(needs.get(0).substring(1));
                    if (meta.getColumnCount() < want) {
                        throw new IllegalStateException("returns " + meta.getColumnCount() + " columns, the job reads "
                                + want);
                    }
                    return meta.getColumnCount() + " columns";
                }
                Set<String> labels = new HashSet<>();
                for (int i = 1; i <= meta.getColumnCount(); i++) {
                    labels.add(meta.getColumnLabel(i).toLowerCase(Locale.ROOT));
                }
                List<String> missing = needs.stream().filter(n -> !labels.contains(n)).toList();
                if (!missing.isEmpty()) {
                    throw new IllegalStateException("lacks column(s) " + String.join(", ", missing));
                }
                return needs.size() + " columns";
            }
        }
    }

    /** Counts {@code ?} outside comments and quotes (Connector/J has no parameter metadata by default). */
    static int parameterCount(String sql) {
        int n = 0;
        for (int i = 0; i < sql.length(); i++) {
            char c = sql.charAt(i);
            if (c == '-' && i + 1 < sql.length() && sql.charAt(i + 1) == '-') {
                int eol = sql.indexOf('\n', i);
                i = eol < 0 ? sql.length() : eol;
            } else if (c == '\'' || c == '"' || c == '`') {
                int close = sql.indexOf(c, i + 1);
                i = close < 0 ? sql.length() : close;
            } else if (c == '?') {
                n++;
            }
        }
        return n;
    }

    private static String smtp(String host, int port) throws Exception {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), 10_000);
            socket.setSoTimeout(10_000);
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
            String greeting = in.readLine();
            OutputStream o = socket.getOutputStream();
            o.write("QUIT\r\n".getBytes(StandardCharsets.US_ASCII));
            o.flush();
            if (greeting == null || !greeting.startsWith("220")) {
                throw new IllegalStateException(host + ":" + port + " is not an SMTP server ready to accept mail: "
                        + greeting);
            }
            return host + ":" + port + " answered: " + greeting;
        } catch (java.io.IOException e) {
            throw new IllegalStateException("cannot connect to " + host + ":" + port + " (" + e.getMessage() + ")", e);
        }
    }

    private String outputDir() throws Exception {
        Path dir = properties.output().dir().toAbsolutePath().normalize();
        Files.createDirectories(dir);
        if (!Files.isWritable(dir)) {
            throw new IllegalStateException(dir + " is not writable");
        }
        return dir.toString();
    }

    private static String rootMessage(Throwable e) {
        Throwable t = NestedExceptionUtils.getMostSpecificCause(e);
        return t == e || e.getMessage() == null ? String.valueOf(t.getMessage())
                : e.getMessage().contains(String.valueOf(t.getMessage())) ? e.getMessage()
                : e.getMessage() + " — " + t.getMessage();
    }
}

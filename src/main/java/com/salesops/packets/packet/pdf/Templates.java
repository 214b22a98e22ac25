package com.salesops.packets.packet.pdf;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.concurrent.atomic.AtomicInteger;
import net.sf.jasperreports.engine.JRException;
import net.sf.jasperreports.engine.JasperCompileManager;
import net.sf.jasperreports.engine.JasperReport;

/**
 * The compiled templates of {@code reports/}. Compiling takes about a second; a compiled
 * {@link JasperReport} is immutable and is shared by every fill, on any thread.
 */
record Templates(
        JasperReport packet,
        JasperReport kpiCards,
        JasperReport repList,
        JasperReport attainmentChart,
        JasperReport repTable,
        JasperReport teamTable,
        JasperReport flags,
        JasperReport trend,
        JasperReport changes,
        JasperReport compTable) {

    private static final AtomicInteger COMPILATIONS = new AtomicInteger();

    static Templates compile() {
        return new Templates(
                compile("packet"),
                compile("kpi-cards"),
                compile("rep-list"),
                compile("attainment-chart"),
                compile("rep-table"),
                compile("team-table"),
                compile("flags"),
                compile("trend"),
                compile("changes"),
                compile("comp-table"));
    }

    /** How many templates this JVM has compiled (lets tests prove writes reuse them). */
    static int compilations() {
        return COMPILATIONS.get();
    }

    private static JasperReport compile(String name) {
        String resource = "/reports/" + name + ".jrxml";
        try (InputStream in = Templates.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("template " + resource + " is not on the classpath");
            }
            JasperReport report = JasperCompileManager.compileReport(in);
            COMPILATIONS.incrementAndGet();
            return report;
        } catch (JRException e) {
            throw new IllegalStateException("template " + resource + " does not compile: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read template " + resource, e);
        }
    }
}

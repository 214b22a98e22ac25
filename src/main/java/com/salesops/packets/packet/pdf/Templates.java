package com.salesops.packets.packet.pdf;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import net.sf.jasperreports.engine.JRException;
import net.sf.jasperreports.engine.JasperCompileManager;
import net.sf.jasperreports.engine.JasperReport;
import net.sf.jasperreports.engine.util.JRLoader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The compiled templates of {@code reports/}. The build compiles them ({@link TemplateCompiler}, in
 * Maven's {@code process-classes} phase) into {@code reports/*.jasper} next to the sources, so a run
 * loads them instead of compiling: compiling the ten templates took 2.6 s of a new JVM's first PDF
 * (docs/performance.md, "Start-up"). A template without its compiled file (a classpath the build did
 * not make) is compiled from its source, with a warning. A {@link JasperReport} is immutable and is
 * shared by every fill, on any thread.
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

    /** Every template, by file name without extension, in the order of the components above. */
    static final List<String> NAMES = List.of("packet", "kpi-cards", "rep-list", "attainment-chart", "rep-table",
            "team-table", "flags", "trend", "changes", "comp-table");

    private static final Logger log = LoggerFactory.getLogger(Templates.class);

    private static final AtomicInteger COMPILATIONS = new AtomicInteger();

    /** The templates as the build compiled them (or, for any that it did not, compiled now). */
    static Templates load() {
        JasperReport[] r = NAMES.stream().map(Templates::load).toArray(JasperReport[]::new);
        return new Templates(r[0], r[1], r[2], r[3], r[4], r[5], r[6], r[7], r[8], r[9]);
    }

    /** How many templates this JVM has compiled from source (lets tests prove runs load, not compile). */
    static int compilations() {
        return COMPILATIONS.get();
    }

    private static JasperReport load(String name) {
        String resource = "/reports/" + name + ".jasper";
        try (InputStream in = Templates.class.getResourceAsStream(resource)) {
            if (in != null) {
                return (JasperReport) JRLoader.loadObject(in);
            }
        } catch (JRException | IOException | ClassCastException e) {
            log.warn("compiled template {} cannot be read ({}); compiling its source", resource, e.getMessage());
            return compile(name);
        }
        log.warn("compiled template {} is not on the classpath (not built by Maven?); compiling its source", resource);
        return compile(name);
    }

    /** Compiles one template from its source, {@code /reports/<name>.jrxml}. */
    static JasperReport compile(String name) {
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

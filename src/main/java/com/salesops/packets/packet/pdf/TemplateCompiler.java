package com.salesops.packets.packet.pdf;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import net.sf.jasperreports.engine.JRException;
import net.sf.jasperreports.engine.JasperCompileManager;
import net.sf.jasperreports.engine.JasperReport;
import net.sf.jasperreports.engine.util.JRSaver;

/**
 * Compiles every template of {@code reports/} into a {@code .jasper} file beside it, at build time
 * (Maven's {@code process-classes} phase runs it on {@code target/classes/reports}), so that a run
 * loads the templates instead of compiling them in every new JVM ({@link Templates}).
 * Not part of a run.
 */
public final class TemplateCompiler {

    private TemplateCompiler() {
    }

    /** @param args the folder holding the {@code .jrxml} sources, where the {@code .jasper} files go */
    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            throw new IllegalArgumentException("usage: TemplateCompiler <reports folder>");
        }
        Path dir = Path.of(args[0]);
        for (String name : Templates.NAMES) {
            Path source = dir.resolve(name + ".jrxml");
            Path target = dir.resolve(name + ".jasper");
            try (OutputStream out = Files.newOutputStream(target)) {
                JasperReport report = JasperCompileManager.compileReport(source.toString());
                JRSaver.saveObject(report, out);
            } catch (JRException e) {
                Files.deleteIfExists(target);
                throw new IllegalStateException("template " + source + " does not compile: " + e.getMessage(), e);
            }
        }
    }
}

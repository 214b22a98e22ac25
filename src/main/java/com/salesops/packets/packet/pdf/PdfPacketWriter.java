package com.salesops.packets.packet.pdf;

import com.salesops.packets.packet.Packet;
import com.salesops.packets.support.AtomicFiles;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.zip.Deflater;
import net.sf.jasperreports.engine.JREmptyDataSource;
import net.sf.jasperreports.engine.JRException;
import net.sf.jasperreports.engine.JasperFillManager;
import net.sf.jasperreports.engine.JasperPrint;
import net.sf.jasperreports.pdf.JRPdfExporter;
import net.sf.jasperreports.pdf.classic.ClassicPdfProducer;
import net.sf.jasperreports.pdf.common.PdfDocumentWriter;
import net.sf.jasperreports.pdf.common.PdfProducer;
import net.sf.jasperreports.pdf.SimplePdfExporterConfiguration;
import net.sf.jasperreports.export.SimpleExporterInput;
import net.sf.jasperreports.export.SimpleOutputStreamExporterOutput;

/**
 * Writes a manager's PDF packet (docs/architecture.md, "Outputs"). Templates are compiled once, in the
 * constructor, and shared: {@link #write} may be called for many packets and from several threads at once.
 */
public final class PdfPacketWriter {

    /** The default of {@code packets.pdf.max-listed-reps}. */
    public static final int DEFAULT_MAX_LISTED_REPS = 250;

    private final Templates templates;
    private final int maxListedReps;

    public PdfPacketWriter() {
        this(DEFAULT_MAX_LISTED_REPS);
    }

    /**
     * @param maxListedReps a packet with more reps than this shows, per window, the best and the
     *                      lowest reps in its charts and rep table instead of every rep
     */
    public PdfPacketWriter(int maxListedReps) {
        this.templates = Templates.load();
        this.maxListedReps = maxListedReps;
    }

    /**
     * Renders {@code packet} to {@code target}. The file appears whole or not at all, with the same
     * mode as the workbook and the emails ({@link AtomicFiles}).
     */
    public void write(Packet packet, Path target) throws IOException {
        Objects.requireNonNull(packet, "packet");
        JasperPrint print = fill(packet);
        AtomicFiles.write(target, (AtomicFiles.Body) out -> export(print, out, "Performance packet — " + packet.team().name()));
    }

    private JasperPrint fill(Packet packet) throws IOException {
        Map<String, Object> parameters = PacketView.parameters(packet, templates, maxListedReps);
        try {
            // The master has one record; every section is a band fed from the parameters.
            return JasperFillManager.fillReport(templates.packet(), parameters, new JREmptyDataSource(1));
        } catch (JRException e) {
            throw new IOException("cannot fill the PDF packet of team " + packet.team().id() + ": " + e.getMessage(), e);
        }
    }

    private static void export(JasperPrint print, OutputStream out, String title) throws IOException {
        JRPdfExporter exporter = new FastDeflatePdfExporter();
        exporter.setExporterInput(new SimpleExporterInput(print));
        exporter.setExporterOutput(new SimpleOutputStreamExporterOutput(out));
        SimplePdfExporterConfiguration configuration = new SimplePdfExporterConfiguration();
        configuration.setMetadataTitle(title);
        configuration.setMetadataCreator("Attainment Packets");
        exporter.setConfiguration(configuration);
        try {
            exporter.exportReport();
        } catch (JRException e) {
            throw new IOException("cannot export the PDF packet: " + e.getMessage(), e);
        }
    }

    /**
     * Deflates the PDF's streams (embedded font subsets, chart drawings, page content) at
     * {@link Deflater#BEST_SPEED}: the profile of a team packet showed most of the export time in
     * the default-level deflate, for a file only slightly smaller.
     */
    private static final class FastDeflatePdfExporter extends JRPdfExporter {

        @Override
        protected PdfProducer createPdfProducer() {
            return new ClassicPdfProducer(createPdfProducerContext()) {
                @Override
                public PdfDocumentWriter createWriter(OutputStream os) throws JRException {
                    PdfDocumentWriter writer = super.createWriter(os);
                    getPdfWriter().setCompressionLevel(Deflater.BEST_SPEED);
                    return writer;
                }
            };
        }
    }
}

package com.salesops.packets.run;

import com.salesops.packets.attainment.ResultStore;
import com.salesops.packets.packet.Packet;
import com.salesops.packets.packet.PacketAssembler;
import com.salesops.packets.packet.PacketStore;
import com.salesops.packets.packet.RenderedPacket;
import com.salesops.packets.packet.excel.ExcelPacketWriter;
import com.salesops.packets.packet.pdf.PdfPacketWriter;
import com.salesops.packets.source.Team;
import com.salesops.packets.support.FileNames;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * Renders an Excel workbook and a PDF for every team with a manager. A packet whose row says
 * RENDERED is never rendered again, so a restart picks up where the failure stopped.
 */
final class RenderPacketsTasklet implements Tasklet {

    private static final Logger log = LoggerFactory.getLogger(RenderPacketsTasklet.class);

    private final RunContexts contexts;
    private final ResultStore results;
    private final PacketStore packets;
    private final DataSource app;
    private final Supplier<ExcelPacketWriter> excel;
    private final Supplier<PdfPacketWriter> pdf;
    private final Path outputDir;
    private final int maxDealRows;

    RenderPacketsTasklet(RunContexts contexts, ResultStore results, PacketStore packets, DataSource app,
                         Supplier<ExcelPacketWriter> excel, Supplier<PdfPacketWriter> pdf, Path outputDir,
                         int maxDealRows) {
        this.contexts = contexts;
        this.results = results;
        this.packets = packets;
        this.app = app;
        this.excel = excel;
        this.pdf = pdf;
        this.outputDir = outputDir;
        this.maxDealRows = maxDealRows;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunk) throws Exception {
        String runKey = Params.runKey(chunk);
        RunContexts.RunContext run = contexts.get(runKey);
        PacketAssembler assembler = new PacketAssembler(run.plan(), run.org(), results.rows(runKey),
                results.flags(runKey), app, maxDealRows);
        Set<String> done = packets.rendered(runKey).stream().map(RenderedPacket::teamId).collect(Collectors.toSet());
        int rendered = 0;
        for (Team team : assembler.packetTeams()) {
            if (done.contains(team.id())) {
                continue;
            }
            long started = System.nanoTime();
            Packet packet = assembler.assemble(team, Instant.now());
            Path dir = outputDir.resolve(runKey).resolve("packets").resolve(FileNames.safe(team.id()));
            Files.createDirectories(dir);
            String stem = FileNames.safe(team.id()) + "-" + runKey;
            Path xlsx = dir.resolve(stem + ".xlsx");
            Path pdfFile = dir.resolve(stem + ".pdf");
            excel.get().write(packet, xlsx);
            pdf.get().write(packet, pdfFile);
            long millis = (System.nanoTime() - started) / 1_000_000;
            packets.markRendered(new RenderedPacket(runKey, team.id(), team.managerId(), xlsx, pdfFile,
                    Files.size(xlsx), Files.size(pdfFile), millis));
            contribution.incrementWriteCount(1);
            rendered++;
            log.info("{}: packet {} rendered in {} ms ({} deal lines)", runKey, team.id(), millis, packet.totalDealLines());
        }
        log.info("{}: {} packets rendered now, {} before", runKey, rendered, done.size());
        return RepeatStatus.FINISHED;
    }
}

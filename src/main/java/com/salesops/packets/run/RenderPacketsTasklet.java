package com.salesops.packets.run;

import com.salesops.packets.attainment.ResultStore;
import com.salesops.packets.changes.ChangeStore;
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
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * Renders an Excel workbook and a PDF for every team with a manager. A packet whose row says
 * RENDERED is never rendered again, so a restart picks up where the failure stopped. One packet
 * per call (chunk), so a stop request or a crash loses at most the packet in hand.
 */
final class RenderPacketsTasklet implements Tasklet {

    private static final Logger log = LoggerFactory.getLogger(RenderPacketsTasklet.class);

    private final RunContexts contexts;
    private final ResultStore results;
    private final PacketStore packets;
    private final ChangeStore changes;
    private final DataSource app;
    private final Supplier<ExcelPacketWriter> excel;
    private final Supplier<PdfPacketWriter> pdf;
    private final Path outputDir;
    private final int maxDealRows;
    private final GracefulStop stop;
    /** Per worker step execution: partitions run on two threads through this one tasklet. */
    private final Map<Long, Progress> progressByStep = new ConcurrentHashMap<>();

    RenderPacketsTasklet(RunContexts contexts, ResultStore results, PacketStore packets, ChangeStore changes,
                         DataSource app,
                         Supplier<ExcelPacketWriter> excel, Supplier<PdfPacketWriter> pdf, Path outputDir,
                         int maxDealRows, GracefulStop stop) {
        this.contexts = contexts;
        this.results = results;
        this.packets = packets;
        this.changes = changes;
        this.app = app;
        this.excel = excel;
        this.pdf = pdf;
        this.outputDir = outputDir;
        this.maxDealRows = maxDealRows;
        this.stop = stop;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunk) throws Exception {
        StepExecution step = chunk.getStepContext().getStepExecution();
        Progress progress = progressByStep.computeIfAbsent(step.getId(), id -> start(step, Params.runKey(chunk)));
        if (stop.requested()) {
            step.setTerminateOnly(); // ends STOPPED after this chunk; a restart renders the rest
            return RepeatStatus.CONTINUABLE;
        }
        if (!progress.todo.hasNext()) {
            log.info("{}: {} packets rendered now in {}, {} before", progress.runKey, progress.rendered,
                    step.getStepName(), progress.before);
            progressByStep.remove(step.getId());
            return RepeatStatus.FINISHED;
        }
        // one packet per call: each is its own chunk (transaction, stop check, progress)
        render(progress.runKey, progress.assembler, progress.todo.next());
        contribution.incrementWriteCount(1);
        progress.rendered++;
        return RepeatStatus.CONTINUABLE;
    }

    private Progress start(StepExecution step, String runKey) {
        RunContexts.RunContext run = contexts.get(runKey);
        PacketAssembler assembler = new PacketAssembler(run.plan(), run.org(), results.rows(runKey),
                results.flags(runKey), app, maxDealRows, changes.forRun(runKey), contexts.settings()::planOf);
        Set<String> done = packets.rendered(runKey).stream().map(RenderedPacket::teamId).collect(Collectors.toSet());
        List<Team> mine = RenderPartitions.teamsOf(assembler, step.getExecutionContext());
        List<Team> todo = mine.stream().filter(t -> !done.contains(t.id())).toList();
        step.getExecutionContext().putLong(RunProgress.TOTAL, todo.size());
        return new Progress(step.getId(), runKey, assembler, todo.iterator(), mine.size() - todo.size());
    }

    private void render(String runKey, PacketAssembler assembler, Team team) throws Exception {
        long started = System.nanoTime();
        Packet packet = assembler.assemble(team, Instant.now());
        Path dir = outputDir.resolve(runKey).resolve("packets").resolve(FileNames.safe(team.id()));
        Files.createDirectories(dir);
        String stem = FileNames.safe(team.id()) + "-" + runKey;
        Path xlsx = dir.resolve(stem + ".xlsx");
        Path pdfFile = dir.resolve(stem + ".pdf");
        long beforeXlsx = System.nanoTime();
        excel.get().write(packet, xlsx);
        long beforePdf = System.nanoTime();
        pdf.get().write(packet, pdfFile);
        long end = System.nanoTime();
        long millis = (end - started) / 1_000_000;
        packets.markRendered(new RenderedPacket(runKey, team.id(), team.managerId(), xlsx, pdfFile,
                Files.size(xlsx), Files.size(pdfFile), millis, (beforePdf - beforeXlsx) / 1_000_000,
                (end - beforePdf) / 1_000_000));
        log.debug("{}: packet {} rendered in {} ms ({} deal lines)", runKey, team.id(), millis, packet.totalDealLines());
    }

    /** Where this step execution is: the packets still to render. */
    private static final class Progress {
        final long stepExecutionId;
        final String runKey;
        final PacketAssembler assembler;
        final Iterator<Team> todo;
        final int before;
        int rendered;

        Progress(long stepExecutionId, String runKey, PacketAssembler assembler, Iterator<Team> todo, int before) {
            this.stepExecutionId = stepExecutionId;
            this.runKey = runKey;
            this.assembler = assembler;
            this.todo = todo;
            this.before = before;
        }
    }
}

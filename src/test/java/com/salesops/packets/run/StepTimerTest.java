package com.salesops.packets.run;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.step.StepExecution;

class StepTimerTest {

    private final Logger logger = (Logger) LoggerFactory.getLogger(StepTimer.class);
    private final ListAppender<ILoggingEvent> lines = new ListAppender<>();
    private Level before;

    @BeforeEach
    void listen() {
        before = logger.getLevel();
        logger.setLevel(Level.DEBUG);
        lines.start();
        logger.addAppender(lines);
    }

    @AfterEach
    void stopListening() {
        logger.detachAppender(lines);
        logger.setLevel(before);
    }

    @Test
    void aStepThatKeepsOneThreadBusyIsTimedAndLogsAboutOneCoreOfCpu() {
        // given
        StepExecution step = new StepExecution(1L, "renderPacketsStep",
                new JobExecution(1L, new JobInstance(1L, "salesPerformanceJob"), new JobParameters()));
        StepTimer timer = new StepTimer();

        // when: the step spins one thread for 300 ms of wall time
        timer.beforeStep(step);
        long end = System.nanoTime() + 300_000_000L;
        long spins = 0;
        while (System.nanoTime() < end) {
            spins++;
        }
        timer.afterStep(step);

        // then
        assertThat(spins).isPositive();
        assertThat(step.getExecutionContext().getLong(StepTimer.MILLIS)).isBetween(300L, 5_000L);
        assertThat(step.getExecutionContext().entrySet()).extracting(Map.Entry::getKey).containsExactly(StepTimer.MILLIS);
        assertThat(lines.list).hasSize(1);
        Matcher m = Pattern.compile("renderPacketsStep: [\\d.]+ s, JVM on CPU [\\d.]+ s = ([\\d.]+) cores of \\d+")
                .matcher(lines.list.get(0).getFormattedMessage());
        assertThat(m.matches()).as(lines.list.get(0).getFormattedMessage()).isTrue();
        // the spinning thread's core, less what other processes took of it (a busy CI machine) and plus what
        // the JVM's other threads did meanwhile (JIT, GC); never nothing, never more than the machine
        assertThat(Double.parseDouble(m.group(1))).isBetween(0.2, Runtime.getRuntime().availableProcessors() + 0.2);
    }

    @Test
    void withoutDebugLoggingTheStepIsTimedAndNothingIsLogged() {
        // given
        logger.setLevel(Level.INFO);
        StepExecution step = new StepExecution(2L, "extractCreditsStep",
                new JobExecution(2L, new JobInstance(2L, "salesPerformanceJob"), new JobParameters()));
        StepTimer timer = new StepTimer();

        // when
        timer.beforeStep(step);
        timer.afterStep(step);

        // then
        assertThat(step.getExecutionContext().getLong(StepTimer.MILLIS)).isBetween(0L, 5_000L);
        assertThat(step.getExecutionContext().entrySet()).extracting(Map.Entry::getKey).containsExactly(StepTimer.MILLIS);
        assertThat(lines.list).isEmpty();
    }
}

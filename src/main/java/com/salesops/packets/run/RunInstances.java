package com.salesops.packets.run;

import java.util.ArrayList;
import java.util.List;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.repository.JobRepository;

/**
 * The job instances of a run key, oldest first: the run itself ({@code rerun} absent) and each
 * deliberate rerun ({@code rerun} = 1, 2, ...), read through the {@link JobRepository}.
 */
public final class RunInstances {

    private RunInstances() {
    }

    public static List<JobInstance> of(JobRepository repository, String runKey) {
        List<JobInstance> instances = new ArrayList<>();
        for (long n = 0; ; n++) {
            JobInstance instance = repository.getJobInstance(SalesPerformanceJobConfiguration.JOB_NAME,
                    RunLauncher.parameters(runKey, n));
            if (instance == null) {
                return instances;
            }
            instances.add(instance);
        }
    }
}

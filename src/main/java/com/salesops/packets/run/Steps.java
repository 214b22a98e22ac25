package com.salesops.packets.run;

/** The job's step names, as they appear in the job repository, the logs and {@code run-summary.json}. */
public final class Steps {

    public static final String PREPARE = "prepareRunStep";
    public static final String EXTRACT = "extractCreditsStep";
    public static final String COMPUTE = "computeAttainmentStep";
    public static final String RENDER = "renderPacketsStep";
    /** One execution per partition, named {@code renderPacketPartitionStep:partitionN}. */
    public static final String RENDER_PARTITION = "renderPacketPartitionStep";
    public static final String GATE = "deliveryGateStep";
    public static final String DELIVER = "deliverPacketsStep";
    public static final String SUMMARY = "writeSummaryStep";

    private Steps() {
    }
}

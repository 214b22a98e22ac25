package com.salesops.packets.outputs;

import com.salesops.packets.attainment.Flag;
import com.salesops.packets.attainment.NodeResult;
import com.salesops.packets.attainment.ResultOrder;
import com.salesops.packets.credit.Reject;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Writes attainment.csv, rejects.csv and flags.csv of a run ({@code docs/architecture.md},
 * "Outputs"), each sorted so that two runs on the same data give the same bytes.
 */
public final class ResultFiles {

    static final String ATTAINMENT_HEADER = "run_key,window,period_start,period_end,level,node_id,node_name,team_id,"
            + "quota,credited,attainment_pct,expected_pct,pace_index,pace_status,projected_pct,gap_to_quota,"
            + "deal_count,rank_in_team,rank_in_company,comp_estimate";
    static final String REJECTS_HEADER = "run_key,booking_id,reason,detail,amount,currency";
    static final String FLAGS_HEADER = "run_key,flag,employee_id,team_id,period_start,period_end,booking_ids,amount";

    private ResultFiles() {
    }

    public static void writeAttainment(Path file, String runKey, List<NodeResult> rows) throws IOException {
        List<NodeResult> sorted = new ArrayList<>(rows);
        sorted.sort(ResultOrder.ROWS);
        Csv.write(file, ATTAINMENT_HEADER, out -> {
            for (NodeResult r : sorted) {
                out.row(List.of(runKey, r.window().name(), r.period().start().toString(), r.period().end().toString(),
                        r.level().name(), r.nodeId(), nz(r.nodeName()), r.teamId().orElse(""),
                        Csv.decimal(r.quota()), Csv.decimal(r.credited()), Csv.decimal(r.attainmentPct()),
                        Csv.decimal(r.expectedPct()), Csv.decimal(r.paceIndex()),
                        r.paceStatus().map(Enum::name).orElse(""), Csv.decimal(r.projectedPct()),
                        Csv.decimal(r.gapToQuota()), Integer.toString(r.dealCount()), Csv.integer(r.rankInTeam()),
                        Csv.integer(r.rankInCompany()), Csv.decimal(r.compEstimate())));
            }
        });
    }

    public static void writeRejects(Path file, String runKey, List<Reject> rejects) throws IOException {
        List<Reject> sorted = new ArrayList<>(rejects);
        sorted.sort(Comparator.comparing(Reject::bookingId, ResultOrder.CODE_POINT));
        Csv.write(file, REJECTS_HEADER, out -> {
            for (Reject r : sorted) {
                out.row(List.of(runKey, r.bookingId(), r.reason().name(), r.detail(), Csv.decimal(r.amount()),
                        nz(r.currency())));
            }
        });
    }

    public static void writeFlags(Path file, String runKey, List<Flag> flags) throws IOException {
        List<Flag> sorted = new ArrayList<>(flags);
        sorted.sort(ResultOrder.FLAGS);
        Csv.write(file, FLAGS_HEADER, out -> {
            for (Flag f : sorted) {
                List<String> ids = new ArrayList<>(f.bookingIds());
                ids.sort(ResultOrder.CODE_POINT);
                out.row(List.of(runKey, f.flag().name(), f.employeeId(), f.teamId(), f.period().start().toString(),
                        f.period().end().toString(), String.join(";", ids), Csv.decimal(f.amount())));
            }
        });
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}

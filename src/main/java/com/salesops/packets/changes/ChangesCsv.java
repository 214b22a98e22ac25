package com.salesops.packets.changes;

import com.salesops.packets.calendar.Window;
import com.salesops.packets.support.AtomicFiles;
import com.salesops.packets.support.Decimals;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * {@code changes.csv} exactly as docs/architecture.md, "Outputs", gives it (its figures: docs/numbers.md §10),
 * in the CSV dialect of the run's other files.
 */
final class ChangesCsv {

    static final String HEADER = "run_key,previous_run_key,level,node_id,team_id,new_credit,restated_credit,new_deals,"
            + "cancelled_deals,restated_deals,month_attainment_change,quarter_attainment_change,year_attainment_change";

    private ChangesCsv() {
    }

    /** Writes the header and one line per row ({@code rows} in file order); header only when there is no previous run. */
    static void write(Path file, String runKey, Optional<String> previousRunKey, List<NodeChange> rows)
            throws IOException {
        AtomicFiles.write(file, (AtomicFiles.Body) out -> {
            Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
            w.write(HEADER);
            w.write('\n');
            if (previousRunKey.isPresent()) {
                for (NodeChange c : rows) {
                    ChangeFigures f = c.figures();
                    w.write(String.join(",", quote(runKey), quote(previousRunKey.get()), c.level().name(),
                            quote(c.nodeId()), quote(c.teamId().orElse("")), Decimals.plain2(f.newCredit()),
                            Decimals.plain2(f.restatedCredit()), Integer.toString(f.newDeals()),
                            Integer.toString(f.cancelledDeals()), Integer.toString(f.restatedDeals()),
                            change(c, Window.MONTH), change(c, Window.QUARTER), change(c, Window.YEAR)));
                    w.write('\n');
                }
            }
            w.flush();
        });
    }

    private static String change(NodeChange c, Window w) {
        return c.attainmentChange(w).map(Decimals::plain2).orElse("");
    }

    /** RFC 4180 quoting, only where needed. */
    static String quote(String cell) {
        if (cell.indexOf(',') < 0 && cell.indexOf('"') < 0 && cell.indexOf('\n') < 0 && cell.indexOf('\r') < 0) {
            return cell;
        }
        return '"' + cell.replace("\"", "\"\"") + '"';
    }
}

package com.salesops.packets.packet;

import com.salesops.packets.support.RunRows;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Which packets of a run are rendered. Each row commits on its own, outside the step's
 * transaction, so a failure later in the step never makes a restart render a packet twice.
 */
public final class PacketStore implements RunRows {

    private final JdbcTemplate jdbc;
    private final TransactionTemplate ownTransaction;

    public PacketStore(DataSource app, PlatformTransactionManager transactions) {
        this.jdbc = new JdbcTemplate(app);
        this.ownTransaction = new TransactionTemplate(transactions);
        ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    public void markRendered(RenderedPacket p) {
        ownTransaction.executeWithoutResult(s -> jdbc.update("INSERT INTO packet (run_key, team_id, manager_id, status, "
                + "xlsx_path, pdf_path, xlsx_bytes, pdf_bytes, render_ms, xlsx_ms, pdf_ms, rendered_at) "
                + "VALUES (?, ?, ?, 'RENDERED', ?, ?, ?, ?, ?, ?, ?, ?)", p.runKey(), p.teamId(), p.managerId(),
                p.xlsx().toString(), p.pdf().toString(), p.xlsxBytes(), p.pdfBytes(), p.renderMillis(),
                p.xlsxMillis(), p.pdfMillis(), Timestamp.from(Instant.now())));
    }

    /** Read in its own transaction, so it sees rows committed after the step's transaction began. */
    public List<RenderedPacket> rendered(String runKey) {
        return ownTransaction.execute(tx -> jdbc.query("SELECT team_id, manager_id, xlsx_path, pdf_path, xlsx_bytes, pdf_bytes, render_ms, xlsx_ms, pdf_ms "
                + "FROM packet WHERE run_key = ? AND status = 'RENDERED' ORDER BY team_id", (rs, i) -> new RenderedPacket(
                runKey, rs.getString(1), rs.getString(2), Path.of(rs.getString(3)), Path.of(rs.getString(4)),
                rs.getLong(5), rs.getLong(6), rs.getLong(7), rs.getLong(8), rs.getLong(9)), runKey));
    }

    public void deleteRun(String runKey) {
        jdbc.update("DELETE FROM packet WHERE run_key = ?", runKey);
    }

    /** Retention counts and removes a run's rows in these tables, in this order. */
    @Override
    public RunTables runTables() {
        return new RunTables(jdbc, List.of("packet"));
    }
}

-- Remote rendering (docs/architecture.md): one row per render partition (step execution) a worker took. The
-- INSERT (primary key) is the claim: of two workers handed the same message, exactly one runs the
-- partition. The worker refreshes heartbeat_at (database clock) every few seconds while rendering;
-- the manager fails a running partition whose heartbeat is older than packets.workers.stale-after.
-- Retention deletes a purged run's rows by run_key.
CREATE TABLE partition_claim (
    step_execution_id BIGINT       NOT NULL PRIMARY KEY,
    job_execution_id  BIGINT       NOT NULL,
    run_key           VARCHAR(64)  NOT NULL,
    partition_name    VARCHAR(100) NOT NULL,
    worker            VARCHAR(255) NOT NULL,
    claimed_at        DATETIME(3)  NOT NULL,
    heartbeat_at      DATETIME(3)  NOT NULL,
    finished_at       DATETIME(3)  NULL,
    outcome           VARCHAR(16)  NULL
);
CREATE INDEX partition_claim_job ON partition_claim (job_execution_id);
CREATE INDEX partition_claim_heartbeat ON partition_claim (heartbeat_at);
CREATE INDEX partition_claim_run ON partition_claim (run_key);

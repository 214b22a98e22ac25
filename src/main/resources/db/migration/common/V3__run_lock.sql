-- One row per run key while a JVM runs it: the INSERT (primary key) is what makes two launches of
-- the same key at once impossible, before Spring Batch creates or restarts anything. host + pid +
-- heartbeat_at say who holds it, so `recover` can tell a killed JVM from a live one.
CREATE TABLE run_lock (
    run_key      VARCHAR(64)   NOT NULL PRIMARY KEY,
    execution_id BIGINT,
    host         VARCHAR(255)  NOT NULL,
    pid          BIGINT        NOT NULL,
    acquired_at  DATETIME(3)   NOT NULL,
    heartbeat_at DATETIME(3)   NOT NULL
);

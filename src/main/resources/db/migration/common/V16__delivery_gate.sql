-- The delivery gate (guard/, DESIGN §6 operations; README "A run is HELD"): what the gate decided
-- for each execution that reached it, with the figures it looked at and the limits it applied, and
-- the releases a person gave to held runs (one per job instance: the restarted gate then passes).
CREATE TABLE delivery_gate (
    job_execution_id  BIGINT        NOT NULL PRIMARY KEY,
    job_instance_id   BIGINT        NOT NULL,
    run_key           VARCHAR(64)   NOT NULL,
    decision          VARCHAR(16)   NOT NULL,
    reasons           VARCHAR(4000) NOT NULL,
    bookings_read     BIGINT        NOT NULL,
    bookings_rejected BIGINT        NOT NULL,
    previous_run_key  VARCHAR(64),
    common_start      DATE,
    common_end        DATE,
    credited          DECIMAL(20,2),
    previous_credited DECIMAL(20,2),
    min_bookings      BIGINT        NOT NULL,
    max_reject_pct    DECIMAL(9,4)  NOT NULL,
    max_drop_pct      DECIMAL(9,4)  NOT NULL,
    evaluated_at      DATETIME(3)   NOT NULL
);

CREATE INDEX delivery_gate_by_instance ON delivery_gate (job_instance_id);

CREATE TABLE gate_release (
    job_instance_id   BIGINT       NOT NULL PRIMARY KEY,
    run_key           VARCHAR(64)  NOT NULL,
    held_execution_id BIGINT       NOT NULL,
    released_by       VARCHAR(200) NOT NULL,
    released_at       DATETIME(3)  NOT NULL
);

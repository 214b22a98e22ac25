-- One row per run key that COMPLETED (the run history, docs/architecture.md): what a later run
-- compares with (its previous run) and what retention keeps or purges. The line and result counts
-- recorded at completion tell a whole run from one whose rows were removed since.
CREATE TABLE run_history (
    run_key      VARCHAR(64)  NOT NULL PRIMARY KEY,
    run_type     VARCHAR(16)  NOT NULL,
    as_of        DATE         NOT NULL,
    read_start   DATE         NOT NULL,
    completed_at DATETIME(3)  NOT NULL,
    credit_lines BIGINT       NOT NULL,
    result_rows  BIGINT       NOT NULL,
    purged_at    DATETIME(3)  NULL
);

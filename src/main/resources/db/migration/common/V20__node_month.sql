-- Per run, node (rep or team) and calendar month of the fiscal year so far: the month's quota (NULL
-- when a rep has no rep_quota row that month) and credit, written by the compute step with the
-- results. The packets' Trend sheet and PDF trend read it (DESIGN §4.3/§4.4 for one-month windows).
CREATE TABLE node_month (
    run_key      VARCHAR(64)   NOT NULL,
    node_level   VARCHAR(8)    NOT NULL,
    node_id      VARCHAR(64)   NOT NULL,
    month_start  DATE          NOT NULL,
    quota        DECIMAL(20,2) NULL,
    credited     DECIMAL(20,2) NOT NULL,
    PRIMARY KEY (run_key, node_level, node_id, month_start)
);

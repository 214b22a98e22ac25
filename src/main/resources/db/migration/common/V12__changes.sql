-- What changed since the previous run (DESIGN §4.10), computed by the compute step so packets do
-- not compute it again. Owned by the changes package.

-- One row per run: the run it was compared with (NULL: there was no earlier run to compare with).
CREATE TABLE change_run (
    run_key          VARCHAR(64) NOT NULL PRIMARY KEY,
    previous_run_key VARCHAR(64),
    previous_as_of   DATE
);

-- One row per TEAM and REP row of the run's YEAR window: the rows of changes.csv.
CREATE TABLE node_change (
    run_key           VARCHAR(64)   NOT NULL,
    node_level        VARCHAR(8)    NOT NULL,
    node_id           VARCHAR(64)   NOT NULL,
    team_id           VARCHAR(64),
    new_credit        DECIMAL(20,2) NOT NULL,
    restated_credit   DECIMAL(20,2) NOT NULL,
    new_deals         INT           NOT NULL,
    cancelled_deals   INT           NOT NULL,
    restated_deals    INT           NOT NULL,
    month_change      DECIMAL(20,2),
    quarter_change    DECIMAL(20,2),
    year_change       DECIMAL(20,2),
    PRIMARY KEY (run_key, node_level, node_id)
);

-- The deal lines behind the figures: new and cancelled lines, and each rep's restated booking with
-- its amount before (previous run) and after (this run). abs_delta orders "largest first".
CREATE TABLE changed_line (
    run_key          VARCHAR(64)   NOT NULL,
    kind             VARCHAR(16)   NOT NULL,
    booking_id       VARCHAR(64)   NOT NULL,
    employee_id      VARCHAR(32)   NOT NULL,
    credit_role      VARCHAR(16)   NOT NULL,
    team_id          VARCHAR(32)   NOT NULL,
    previous_team_id VARCHAR(32),
    account_name     VARCHAR(1000),
    line_date        DATE          NOT NULL,
    amount_before    DECIMAL(20,2),
    amount_after     DECIMAL(20,2),
    abs_delta        DECIMAL(20,2) NOT NULL,
    in_closed_period BOOLEAN       NOT NULL,
    PRIMARY KEY (run_key, kind, booking_id, employee_id)
);

CREATE INDEX changed_line_by_team ON changed_line (run_key, team_id, kind);

-- The job's own tables. Every row belongs to one run (run_key); SQL kept to what MySQL 8,
-- MariaDB 10.11 and H2 (MySQL mode) all accept.

CREATE TABLE credited_booking (
    run_key            VARCHAR(64)   NOT NULL,
    booking_id         VARCHAR(64)   NOT NULL,
    booking_date       DATE          NOT NULL,
    account_name       VARCHAR(1000),
    booking_type       VARCHAR(64),
    channel            VARCHAR(64),
    partner_name       VARCHAR(1000),
    amount             DECIMAL(18,2) NOT NULL,
    currency           VARCHAR(16)   NOT NULL,
    fx_rate            DECIMAL(18,8) NOT NULL,
    primary_split_sum  DECIMAL(9,2)  NOT NULL,
    primary_line_count INT           NOT NULL,
    cancelled_date     DATE,
    originals_in_run   BOOLEAN       NOT NULL,
    PRIMARY KEY (run_key, booking_id)
);

CREATE TABLE credit_line (
    run_key        VARCHAR(64)   NOT NULL,
    booking_id     VARCHAR(64)   NOT NULL,
    employee_id    VARCHAR(32)   NOT NULL,
    reversal       BOOLEAN       NOT NULL,
    team_id        VARCHAR(32)   NOT NULL,
    credit_role    VARCHAR(16)   NOT NULL,
    split_percent  DECIMAL(9,2)  NOT NULL,
    line_date      DATE          NOT NULL,
    amount_base    DECIMAL(18,2) NOT NULL,
    booking_date   DATE          NOT NULL,
    cancelled_date DATE,
    PRIMARY KEY (run_key, booking_id, employee_id, reversal)
);

CREATE INDEX credit_line_by_team ON credit_line (run_key, team_id);

CREATE TABLE booking_reject (
    run_key    VARCHAR(64)   NOT NULL,
    booking_id VARCHAR(64)   NOT NULL,
    reason     VARCHAR(32)   NOT NULL,
    detail     VARCHAR(1000) NOT NULL,
    amount     DECIMAL(18,2),
    currency   VARCHAR(16),
    PRIMARY KEY (run_key, booking_id)
);

-- Results: percentages and pace_index stored as printed (2 decimals, HALF_UP), money to the cent.
CREATE TABLE node_result (
    run_key             VARCHAR(64)   NOT NULL,
    window_name         VARCHAR(8)    NOT NULL,
    node_level          VARCHAR(8)    NOT NULL,
    node_id             VARCHAR(64)   NOT NULL,
    node_name           VARCHAR(1000),
    team_id             VARCHAR(64),
    period_start        DATE          NOT NULL,
    period_end          DATE          NOT NULL,
    quota               DECIMAL(20,2),
    credited            DECIMAL(20,2) NOT NULL,
    attainment_pct      DECIMAL(20,2),
    expected_pct        DECIMAL(20,2) NOT NULL,
    pace_index          DECIMAL(20,2),
    pace_status         VARCHAR(16),
    projected_pct       DECIMAL(20,2),
    gap_to_quota        DECIMAL(20,2),
    deal_count          INT           NOT NULL,
    rank_in_team        INT,
    rank_in_company     INT,
    comp_estimate       DECIMAL(20,2),
    sum_of_rep_quotas   DECIMAL(20,2),
    over_assignment_pct DECIMAL(20,2),
    current_tier        INT,
    credit_to_next_tier DECIMAL(20,2),
    ranked              BOOLEAN       NOT NULL,
    PRIMARY KEY (run_key, window_name, node_level, node_id)
);

CREATE TABLE attainment_flag (
    run_key      VARCHAR(64)   NOT NULL,
    flag         VARCHAR(32)   NOT NULL,
    employee_id  VARCHAR(32)   NOT NULL,
    team_id      VARCHAR(32)   NOT NULL,
    period_start DATE          NOT NULL,
    period_end   DATE          NOT NULL,
    booking_ids  TEXT          NOT NULL,
    amount       DECIMAL(20,2) NOT NULL,
    PRIMARY KEY (run_key, flag, employee_id, period_start)
);

-- One row per rendered packet: a restart never renders a RENDERED packet again.
CREATE TABLE packet (
    run_key     VARCHAR(64)   NOT NULL,
    team_id     VARCHAR(32)   NOT NULL,
    manager_id  VARCHAR(32)   NOT NULL,
    status      VARCHAR(16)   NOT NULL,
    xlsx_path   VARCHAR(1000) NOT NULL,
    pdf_path    VARCHAR(1000) NOT NULL,
    xlsx_bytes  BIGINT        NOT NULL,
    pdf_bytes   BIGINT        NOT NULL,
    render_ms   BIGINT        NOT NULL,
    rendered_at DATETIME(3)   NOT NULL,
    PRIMARY KEY (run_key, team_id)
);

-- The delivery ledger: one row per (run key, team, recipient, purpose). Email is not
-- transactional, so this row, not the SMTP server, says what was sent.
CREATE TABLE delivery (
    id          BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    run_key     VARCHAR(64)   NOT NULL,
    team_id     VARCHAR(32)   NOT NULL,
    recipient   VARCHAR(320)  NOT NULL,
    purpose     VARCHAR(32)   NOT NULL,
    status      VARCHAR(24)   NOT NULL,
    attempts    INT           NOT NULL,
    message_id  VARCHAR(255)  NOT NULL,
    last_error  VARCHAR(2000),
    created_at  DATETIME(3)   NOT NULL,
    updated_at  DATETIME(3)   NOT NULL,
    sent_at     DATETIME(3)   NULL,
    CONSTRAINT delivery_once UNIQUE (run_key, team_id, recipient, purpose)
);

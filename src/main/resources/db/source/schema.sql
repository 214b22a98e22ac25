-- The source data contract (docs/architecture.md, "Source data"), as the demo generator creates it.
-- Runs on MySQL 8, MariaDB 10.11+ and H2 (MODE=MySQL;DATABASE_TO_LOWER=TRUE).
-- `month` is quoted because it is a reserved word in H2.
-- utf8mb4_bin: ids are matched exactly (case included), as docs/numbers.md §1 and §2 require.
-- No foreign keys: real data is dirty (credits may name unknown employees).
-- booking_credit, team_membership, rep_quota and team_quota have no primary key:
-- duplicates are legal input (added up, or rejected by crediting).

CREATE TABLE employee (
    employee_id      VARCHAR(32)  NOT NULL,
    full_name        VARCHAR(200) NOT NULL,
    email            VARCHAR(320) NULL,
    hire_date        DATE         NOT NULL,
    termination_date DATE         NULL,
    PRIMARY KEY (employee_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE TABLE sales_team (
    team_id        VARCHAR(32)  NOT NULL,
    name           VARCHAR(200) NOT NULL,
    parent_team_id VARCHAR(32)  NULL,
    manager_id     VARCHAR(32)  NULL,
    PRIMARY KEY (team_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE TABLE team_membership (
    employee_id VARCHAR(32) NOT NULL,
    team_id     VARCHAR(32) NOT NULL,
    role        VARCHAR(16) NOT NULL,
    valid_from  DATE        NOT NULL,
    valid_to    DATE        NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE INDEX ix_team_membership_employee ON team_membership (employee_id);

CREATE TABLE rep_quota (
    employee_id VARCHAR(32)   NOT NULL,
    `month`     DATE          NOT NULL,
    amount      DECIMAL(18,2) NOT NULL,
    currency    CHAR(3)       NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE INDEX ix_rep_quota_employee_month ON rep_quota (employee_id, `month`);

CREATE TABLE team_quota (
    team_id  VARCHAR(32)   NOT NULL,
    `month`  DATE          NOT NULL,
    amount   DECIMAL(18,2) NOT NULL,
    currency CHAR(3)       NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE INDEX ix_team_quota_team_month ON team_quota (team_id, `month`);

CREATE TABLE booking (
    booking_id     VARCHAR(64)   NOT NULL,
    booking_date   DATE          NOT NULL,
    account_name   VARCHAR(200)  NOT NULL,
    amount         DECIMAL(18,2) NOT NULL,
    currency       CHAR(3)       NOT NULL,
    booking_type   VARCHAR(16)   NOT NULL,
    channel        VARCHAR(16)   NOT NULL,
    partner_name   VARCHAR(200)  NULL,
    status         VARCHAR(16)   NOT NULL,
    cancelled_date DATE          NULL,
    updated_at     TIMESTAMP     NOT NULL,
    PRIMARY KEY (booking_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE INDEX ix_booking_booking_date ON booking (booking_date);

CREATE INDEX ix_booking_cancelled_date ON booking (cancelled_date);

CREATE TABLE booking_credit (
    booking_id    VARCHAR(64)  NOT NULL,
    employee_id   VARCHAR(32)  NOT NULL,
    credit_role   VARCHAR(16)  NOT NULL,
    split_percent DECIMAL(5,2) NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE INDEX ix_booking_credit_booking ON booking_credit (booking_id);

CREATE TABLE fx_rate (
    currency     CHAR(3)       NOT NULL,
    `month`      DATE          NOT NULL,
    rate_to_base DECIMAL(18,8) NOT NULL,
    PRIMARY KEY (currency, `month`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

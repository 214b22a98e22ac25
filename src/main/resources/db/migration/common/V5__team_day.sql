-- Per team and day of a run: PRIMARY credit and the number of credit lines, written by the compute
-- step from the lines it already reads. A packet's pace charts and its deal-line count add these up
-- over its subtree instead of reading every credit line of the subtree again.
CREATE TABLE team_day (
    run_key        VARCHAR(64)   NOT NULL,
    team_id        VARCHAR(32)   NOT NULL,
    line_date      DATE          NOT NULL,
    primary_credit DECIMAL(20,2) NOT NULL,
    line_count     INT           NOT NULL,
    PRIMARY KEY (run_key, team_id, line_date)
);

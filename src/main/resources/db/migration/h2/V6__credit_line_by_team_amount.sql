-- As db/migration/mysql/V6: the team index also holds the amount (H2 names indexes per schema).
DROP INDEX credit_line_by_team;
CREATE INDEX credit_line_by_team ON credit_line (run_key, team_id, amount_base);

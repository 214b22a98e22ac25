-- The team index also holds the amount, so a large packet picks its largest lines from the index
-- alone (the Deals sheet limit, DESIGN §5) before it reads those lines' rows.
DROP INDEX credit_line_by_team ON credit_line;
CREATE INDEX credit_line_by_team ON credit_line (run_key, team_id, amount_base);

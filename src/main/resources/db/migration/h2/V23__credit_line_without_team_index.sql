-- As db/migration/mysql/V23: packets read their lines from the line spool, not by team (H2 names indexes per schema).
DROP INDEX credit_line_by_team;

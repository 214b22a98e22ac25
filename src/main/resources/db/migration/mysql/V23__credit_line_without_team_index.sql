-- Packets read their Deals lines from the run's line spool (docs/performance.md, "Lines read
-- once"), which the render step writes again when it is missing, so no query needs credit_line by
-- team any more. Keeping the index cost every credit row a random write into it during the extract
-- step, from disk when the buffer pool is smaller than the run.
DROP INDEX credit_line_by_team ON credit_line;

-- "superseded" becomes a status of its own (it was FAILED_PERMANENT with a "superseded: " prefix
-- on last_error); last_error keeps the reason without the prefix.
UPDATE delivery
   SET status = 'SUPERSEDED', last_error = SUBSTRING(last_error, 13)
 WHERE status <> 'SENT' AND last_error LIKE 'superseded: %';

-- The date of the earliest booking in the source: a run as of an earlier day credits nothing, and
-- is warned about (not refused: a back-fill may mean it). No parameters; NULL when there is none.
SELECT MIN(b.booking_date)
FROM booking b

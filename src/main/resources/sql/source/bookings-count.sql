-- The number of bookings a run must account for (docs/numbers.md §9, invariant 1), counted independently
-- of the extraction. Parameters: S, D, S, D.
SELECT COUNT(*)
FROM booking b
WHERE (b.booking_date BETWEEN ? AND ?) OR (b.cancelled_date BETWEEN ? AND ?)

-- Every booking dated in [S, D] or cancelled in [S, D] (docs/numbers.md §2), with its credit rows, in
-- booking_id order. Parameters: S, D, S, D, the last booking_id already processed ('' at start).
SELECT b.booking_id, b.booking_date, b.account_name, b.amount, b.currency, b.booking_type,
       b.channel, b.partner_name, b.status, b.cancelled_date,
       c.employee_id, c.credit_role, c.split_percent
FROM booking b
LEFT JOIN booking_credit c ON c.booking_id = b.booking_id
WHERE ((b.booking_date BETWEEN ? AND ?) OR (b.cancelled_date BETWEEN ? AND ?))
  AND b.booking_id > ?
ORDER BY b.booking_id, c.employee_id

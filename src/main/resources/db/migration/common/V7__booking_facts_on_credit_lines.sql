-- Each credit line carries its booking's facts (account, type, channel, partner, amount, currency,
-- rate, PRIMARY split sum and line count, originals in run), so a run writes one row per line
-- instead of a line row plus a booking row, and packets and the compute step read credit_line
-- alone, without looking every line's booking up. credited_booking is no longer written.
ALTER TABLE credit_line ADD COLUMN account_name VARCHAR(1000);
ALTER TABLE credit_line ADD COLUMN booking_type VARCHAR(64);
ALTER TABLE credit_line ADD COLUMN channel VARCHAR(64);
ALTER TABLE credit_line ADD COLUMN partner_name VARCHAR(1000);
ALTER TABLE credit_line ADD COLUMN amount DECIMAL(18,2);
ALTER TABLE credit_line ADD COLUMN currency VARCHAR(16);
ALTER TABLE credit_line ADD COLUMN fx_rate DECIMAL(18,8);
ALTER TABLE credit_line ADD COLUMN primary_split_sum DECIMAL(9,2);
ALTER TABLE credit_line ADD COLUMN primary_line_count INT;
ALTER TABLE credit_line ADD COLUMN originals_in_run BOOLEAN;
DROP TABLE credited_booking;

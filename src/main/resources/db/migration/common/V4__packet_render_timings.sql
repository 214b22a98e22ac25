-- Time spent writing each file of a packet (the benchmark reports them per packet).
ALTER TABLE packet ADD COLUMN xlsx_ms BIGINT NOT NULL DEFAULT 0;
ALTER TABLE packet ADD COLUMN pdf_ms BIGINT NOT NULL DEFAULT 0;

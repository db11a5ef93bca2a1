-- Issue 14: one notification may group the events of one mail (their names joined), caps count only the
-- automatic answers, and people's notifications past the hourly ceiling wait as 'held' rows for a digest.
ALTER TABLE outbox ALTER COLUMN event SET DATA TYPE VARCHAR(200);
ALTER TABLE outbox ADD COLUMN capped BOOLEAN DEFAULT FALSE NOT NULL;
CREATE INDEX ix_outbox_recipient_created ON outbox (recipient, created_at);
CREATE INDEX ix_outbox_held ON outbox (status, recipient);

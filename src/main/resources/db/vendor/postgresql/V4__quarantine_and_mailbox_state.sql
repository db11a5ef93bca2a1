-- PostgreSQL: the same change as H2's, with the standard DROP NOT NULL where H2 says SET NULL.
-- A mail refused before download (over limits.max-message-bytes) is recorded without raw bytes.
ALTER TABLE inbound_mail ALTER COLUMN raw_sha256 DROP NOT NULL;
-- When a mail was quarantined, for the quarantine list.
ALTER TABLE inbound_mail ADD COLUMN quarantined_at TIMESTAMP WITH TIME ZONE;
CREATE INDEX ix_inbound_mail_status ON inbound_mail (status);
-- The UIDVALIDITY last seen in each watched folder, so that a change is noticed, and told, once.
CREATE TABLE mailbox_state (
    folder        VARCHAR(500) PRIMARY KEY,
    uid_validity  BIGINT       NOT NULL,
    seen_at       TIMESTAMP WITH TIME ZONE NOT NULL
);

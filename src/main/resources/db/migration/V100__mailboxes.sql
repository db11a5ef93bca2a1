-- Several support addresses (issue 20). A ticket answers from the mailbox it came in through; NULL is the
-- first mailbox of the config, which is where every ticket from before came in.
ALTER TABLE ticket ADD COLUMN mailbox VARCHAR(64);
-- The mailbox a received mail was found in (NULL: read from a file, or from before).
ALTER TABLE inbound_mail ADD COLUMN mailbox VARCHAR(64);
CREATE INDEX ix_inbound_mail_mailbox ON inbound_mail (mailbox, handled_at);
-- The mailbox a notification goes out from (its address in From, its SMTP server); NULL: the first one.
ALTER TABLE outbox ADD COLUMN mailbox VARCHAR(64);
-- The UIDVALIDITY memory is kept per mailbox and folder: the one folder of before was the default mailbox's.
UPDATE mailbox_state SET folder = 'default/' || folder;
-- What the daemon last saw of each mailbox, for `status` and `db info`: when it last read it, how many mails were
-- waiting, and its fault while it cannot be read.
CREATE TABLE mailbox_status (
    mailbox        VARCHAR(64)  PRIMARY KEY,
    read_at        TIMESTAMP WITH TIME ZONE,
    backlog        INT,
    last_error     VARCHAR(2000),
    failing_since  TIMESTAMP WITH TIME ZONE
);

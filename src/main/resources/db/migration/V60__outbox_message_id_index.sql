-- A delivery report names the notification it returns by Message-ID: find it without scanning the outbox.
CREATE INDEX ix_outbox_message_id ON outbox (message_id);

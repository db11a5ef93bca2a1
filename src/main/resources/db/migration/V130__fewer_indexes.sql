-- Every index is written again for each row a mail adds; these four answer nothing another does not:
-- ix_outbox_message_id repeats the unique constraint's own index on outbox.message_id, ix_outbox_ticket_recipient
-- is the start of V111's ix_outbox_ticket_recipient_created, ix_ticket_status the start of ix_ticket_status_assignee
-- and ix_ticket_requester the start of ix_ticket_requester_created. A query that used one reads the longer one.
DROP INDEX IF EXISTS ix_outbox_message_id;
DROP INDEX IF EXISTS ix_outbox_ticket_recipient;
DROP INDEX IF EXISTS ix_ticket_status;
DROP INDEX IF EXISTS ix_ticket_requester;
-- The hourly ceiling of notifications to one person counts their latest ones not held for a digest: with the status
-- in the index, it is counted from the index alone, not from each row (an agent has thousands).
DROP INDEX IF EXISTS ix_outbox_recipient_created;
CREATE INDEX ix_outbox_recipient_created_status ON outbox (recipient, created_at, status);

-- H2 keeps a text value (CLOB) longer than 256 characters apart from its row, in a store of its own: three more
-- B-tree writes for each notification body, message body and search text, a third of intake's database time.
-- Up to 64 KB it now stays in the row (longer ones are still kept apart). The setting is the database's own.
SET MAX_LENGTH_INPLACE_LOB 65536;
-- H2 made an index for the foreign key ticket_event.ticket_id; ix_ticket_event_ticket is the same one again.
DROP INDEX IF EXISTS ix_ticket_event_ticket;

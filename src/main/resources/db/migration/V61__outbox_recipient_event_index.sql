-- The outbound brake per sender counts the acknowledgements and #mytickets answers sent to one address in the
-- last hour, about any ticket: find them without scanning the outbox.
CREATE INDEX ix_outbox_recipient_event ON outbox (recipient, event, created_at);

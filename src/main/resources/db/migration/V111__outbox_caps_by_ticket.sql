-- The caps ask, for every notification, how many went to this recipient about this ticket lately, and whether
-- some wait for a digest. H2 chose the (recipient, created_at) index for them, reading an agent's thousands of
-- notifications each time; this index holds every column those questions read, so it answers them alone.
CREATE INDEX ix_outbox_ticket_recipient_created ON outbox (ticket_id, recipient, created_at, status, capped);

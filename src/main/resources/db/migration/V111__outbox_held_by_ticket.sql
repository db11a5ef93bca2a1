-- Whether notifications about a ticket wait for a recipient's digest is asked for every notification: with an
-- agent's thousands of held notifications, the (status, recipient) index made it read all of them each time.
CREATE INDEX ix_outbox_ticket_recipient_status ON outbox (ticket_id, recipient, status);

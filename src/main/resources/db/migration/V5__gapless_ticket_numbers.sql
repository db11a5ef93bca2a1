-- Ticket numbers are 1, 2, 3 ... without gaps: an identity column skips a number when a transaction that
-- took one rolls back, so the last number given is kept in a row updated inside the opening transaction.
CREATE TABLE ticket_number (
    id    INT     NOT NULL PRIMARY KEY,
    last  BIGINT  NOT NULL
);
INSERT INTO ticket_number (id, last) SELECT 1, COALESCE(MAX(id), 0) FROM ticket;

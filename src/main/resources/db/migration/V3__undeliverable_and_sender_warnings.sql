-- A recipient whose mail bounced for good gets no more notifications about that ticket.
CREATE TABLE undeliverable (
    ticket_id   BIGINT        NOT NULL REFERENCES ticket (id),
    address     VARCHAR(320)  NOT NULL,
    status      VARCHAR(20),
    at          TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (ticket_id, address)
);

-- A sender over the hourly cap of new tickets is told once: when, is kept here.
CREATE TABLE sender_warning (
    address     VARCHAR(320)  NOT NULL PRIMARY KEY,
    at          TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE INDEX ix_ticket_requester_created ON ticket (requester_address, created_at);

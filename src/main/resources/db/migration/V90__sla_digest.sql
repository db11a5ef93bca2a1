-- The morning digest goes to each agent once a day: a row per agent and day is the "already sent" marker,
-- so that a restart, or a second daemon tick, does not send it again.
CREATE TABLE sla_digest (
    agent    VARCHAR(320) NOT NULL,
    digest_day DATE         NOT NULL,
    sent_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (agent, digest_day)
);

-- Several instances may share one PostgreSQL database. A lease names the one instance that may do a job alone
-- (read the mailbox: 'intake') until it expires; each running instance also keeps a lease of its own
-- ('instance:<id>'), renewed as long as it lives, so that db info shows which instances are alive.
CREATE TABLE lease (
    name         VARCHAR(200)  NOT NULL PRIMARY KEY,
    holder       VARCHAR(200)  NOT NULL,
    acquired_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    renewed_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at   TIMESTAMP WITH TIME ZONE NOT NULL
);

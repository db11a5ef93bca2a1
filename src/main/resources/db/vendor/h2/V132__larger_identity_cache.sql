-- V110 reserves 1,000 identity values at a time; each time they run out, H2 writes the sequence in a commit of its
-- own, which stores every page changed so far, the open batch's pages included. Events and notifications take
-- several ids a mail: in a profile of `guichet bench` (JFR, Dovecot, both drains) these stores were 6.2 % of the
-- applying thread's samples, and 1.6 % once these two tables reserve 100,000 values at a time. A crash skips at
-- most that many ids (a gap, never a repeat); no admin types these ids. A quarantined mail's id, which admins
-- type, keeps V110's 1,000.
ALTER TABLE ticket_event ALTER COLUMN id SET CACHE 100000;
ALTER TABLE outbox ALTER COLUMN id SET CACHE 100000;

-- guichet stats on a million tickets in under a second: one scan of an index for every count, and indexes that
-- hold what the slower queries read, so none of them reads the ticket rows.

-- The counts without --since: every ticket, grouped by these five columns in the index's own order, which the
-- database streams group after group instead of hashing a million rows (three times faster in H2).
CREATE INDEX ix_ticket_dimensions ON ticket (status, category, service, priority, assignee, first_response_ms,
    resolution_ms);
-- The counts with --since, and the growth: the tickets of a period, with the assignee the counts now include.
CREATE INDEX ix_ticket_period ON ticket (created_at, status, category, service, priority, assignee,
    first_response_ms, resolution_ms);
DROP INDEX ix_ticket_stats;
-- Subcategories: only the tickets that have one, with their delays.
CREATE INDEX ix_ticket_subcategory ON ticket (subcategory, category, created_at, first_response_ms, resolution_ms);

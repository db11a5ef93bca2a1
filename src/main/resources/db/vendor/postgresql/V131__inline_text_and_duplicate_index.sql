-- H2 only (see the H2 folder's V131): PostgreSQL keeps text in its row until it is compressed or moved to TOAST
-- by itself, and makes no index for a foreign key, so ix_ticket_event_ticket is the only one on that column there.
-- This file keeps the two databases' migration lists alike.
SELECT 1;

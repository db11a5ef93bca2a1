-- H2 only (see the H2 folder's V132): PostgreSQL does not write a sequence's value in a commit of its own.
-- This file keeps the two databases' migration lists alike.
SELECT 1;

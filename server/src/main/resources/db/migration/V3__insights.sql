-- Flexplek schema, version 3: retention of personal booking data.

-- The account that anonymised bookings belong to once their retention period is over. Re-pointing a booking here
-- (rather than nulling account_id or deleting the row) keeps booking.account_id NOT NULL with its foreign key, and
-- leaves the triggers on booking alone: they fire on inserts and on changes of resource, time or status, never on
-- account_id. The account names nobody, is inactive and has no usable password hash, so nobody can log in as it.
INSERT INTO account (id, username, display_name, role, department, site_id, password_hash, active, created_at)
VALUES (0, '(anonymised)', 'Anonymised', 'employee', NULL, NULL, '!', 0, 0);

-- The daily retention job finds bookings that still name a person, by their end, without scanning the history.
CREATE INDEX booking_identified_end ON booking (ends_at) WHERE account_id <> 0;

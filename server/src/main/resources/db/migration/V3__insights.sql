-- Flexplek schema, version 3: retention of personal booking data.

-- The account that anonymised bookings belong to once their retention period is over. Re-pointing a booking here
-- (rather than nulling account_id or deleting the row) keeps booking.account_id NOT NULL with its foreign key, and
-- leaves the triggers on booking alone: they fire on inserts and on changes of resource, time or status, never on
-- account_id. The account names nobody and is inactive; its password hash is a well-formed Argon2id hash of all
-- zero bytes, which no password yields: nobody can log in as it, and a try costs as long as any other login.
INSERT INTO account (id, username, display_name, role, department, site_id, password_hash, active, created_at)
VALUES (0, '(anonymised)', 'Anonymised', 'employee', NULL, NULL,
        '$argon2id$v=19$m=19456,t=2,p=1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA', 0, 0);

-- The daily retention job finds bookings that still name a person, by their end, without scanning the history.
CREATE INDEX booking_identified_end ON booking (ends_at) WHERE account_id <> 0;

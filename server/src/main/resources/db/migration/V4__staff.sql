-- Flexplek schema, version 4: what staff choose for themselves, and their calendar feeds.

-- A person's choices. No row means the defaults: not findable by the team (finding colleagues is opt-in).
CREATE TABLE staff_preferences (
    account_id        INTEGER PRIMARY KEY REFERENCES account (id) ON DELETE CASCADE,
    findable_by_team  INTEGER NOT NULL DEFAULT 0 CHECK (findable_by_team IN (0, 1)),
    updated_at        INTEGER NOT NULL
) STRICT;

-- One calendar feed per person. The secret in the feed's address is an HMAC of the nonce under the server's feed
-- key, so the same address can be shown again; the table holds only the nonce and the secret's SHA-256 (to find the
-- feed by), and without the key neither opens a feed. Revoking deletes the row; a new feed gets a new nonce.
CREATE TABLE calendar_feed (
    account_id   INTEGER PRIMARY KEY REFERENCES account (id) ON DELETE CASCADE,
    nonce        TEXT NOT NULL,
    secret_hash  TEXT NOT NULL UNIQUE,
    created_at   INTEGER NOT NULL
) STRICT;

-- Colleagues of today and usual desks read desk bookings by day and by person.
CREATE INDEX booking_desk_day ON booking (local_date, resource_type);

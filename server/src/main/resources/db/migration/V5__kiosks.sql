-- Flexplek schema, version 5: registered kiosk screens.

-- A registered kiosk is a device account (role kiosk, bound to its site, no usable password) with one long-lived
-- bearer token; revoking it revokes the token and deactivates the account. This table holds what managers see.
CREATE TABLE kiosk (
    id            INTEGER PRIMARY KEY,
    site_id       TEXT NOT NULL REFERENCES site (id),
    account_id    INTEGER NOT NULL UNIQUE REFERENCES account (id),
    name          TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
    language      TEXT NOT NULL CHECK (language IN ('nl', 'de', 'en', 'rotate')),
    created_at    INTEGER NOT NULL,
    created_by    INTEGER REFERENCES account (id),
    last_seen_at  INTEGER,
    revoked_at    INTEGER
) STRICT;
CREATE INDEX kiosk_site ON kiosk (site_id);

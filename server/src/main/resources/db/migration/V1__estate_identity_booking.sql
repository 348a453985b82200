-- Flexplek schema, version 1: estate, identity, bookings.
-- Instants are INTEGER epoch milliseconds (UTC); local dates are ISO text; codes are lower-case text.

CREATE TABLE site (
    id          TEXT PRIMARY KEY CHECK (length(id) BETWEEN 1 AND 64),
    name        TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    address     TEXT NOT NULL DEFAULT '',
    time_zone   TEXT NOT NULL
) STRICT;

-- Weekday 1 = Monday ... 7 = Sunday (ISO-8601). A weekday without a row is closed.
CREATE TABLE opening_hours (
    site_id     TEXT NOT NULL REFERENCES site (id) ON DELETE CASCADE,
    weekday     INTEGER NOT NULL CHECK (weekday BETWEEN 1 AND 7),
    opens       TEXT NOT NULL CHECK (opens GLOB '[0-2][0-9]:[0-5][0-9]'),
    closes      TEXT NOT NULL CHECK (closes GLOB '[0-2][0-9]:[0-5][0-9]'),
    PRIMARY KEY (site_id, weekday),
    CHECK (opens < closes)
) STRICT;

CREATE TABLE closure_day (
    site_id     TEXT NOT NULL REFERENCES site (id) ON DELETE CASCADE,
    day         TEXT NOT NULL CHECK (day GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    reason      TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (site_id, day)
) STRICT;

CREATE TABLE floor (
    id          TEXT PRIMARY KEY CHECK (length(id) BETWEEN 1 AND 64),
    site_id     TEXT NOT NULL REFERENCES site (id),
    name        TEXT NOT NULL,
    level       INTEGER NOT NULL DEFAULT 0
) STRICT;
CREATE INDEX floor_site ON floor (site_id);

-- A zone is a team neighbourhood on a floor.
CREATE TABLE zone (
    id          TEXT PRIMARY KEY CHECK (length(id) BETWEEN 1 AND 64),
    floor_id    TEXT NOT NULL REFERENCES floor (id),
    name        TEXT NOT NULL,
    team        TEXT
) STRICT;
CREATE INDEX zone_floor ON zone (floor_id);

CREATE TABLE resource (
    id          TEXT PRIMARY KEY CHECK (length(id) BETWEEN 1 AND 64),
    site_id     TEXT NOT NULL REFERENCES site (id),
    floor_id    TEXT REFERENCES floor (id),
    zone_id     TEXT REFERENCES zone (id),
    type        TEXT NOT NULL CHECK (type IN ('desk', 'room', 'ebike', 'ecar')),
    name        TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    features    TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(features) AND json_type(features) = 'array'),
    capacity    INTEGER CHECK (capacity IS NULL OR capacity > 0),
    range_km    INTEGER CHECK (range_km IS NULL OR range_km > 0),
    x           REAL,
    y           REAL,
    sensor_id   TEXT UNIQUE,
    in_service  INTEGER NOT NULL DEFAULT 1 CHECK (in_service IN (0, 1)),
    CHECK (type <> 'room' OR capacity IS NOT NULL)
) STRICT;
CREATE INDEX resource_site_type ON resource (site_id, type);

CREATE TABLE account (
    id             INTEGER PRIMARY KEY,
    username       TEXT NOT NULL UNIQUE COLLATE NOCASE CHECK (length(username) BETWEEN 1 AND 100),
    display_name   TEXT NOT NULL,
    role           TEXT NOT NULL CHECK (role IN ('employee', 'facility-manager', 'kiosk')),
    department     TEXT,
    site_id        TEXT REFERENCES site (id),
    password_hash  TEXT NOT NULL,
    active         INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
    created_at     INTEGER NOT NULL,
    -- A kiosk is a device bound to one site.
    CHECK (role <> 'kiosk' OR site_id IS NOT NULL)
) STRICT;

-- Bearer tokens are stored only as their SHA-256; the token itself exists only on the client.
CREATE TABLE session (
    token_hash   TEXT PRIMARY KEY,
    account_id   INTEGER NOT NULL REFERENCES account (id) ON DELETE CASCADE,
    created_at   INTEGER NOT NULL,
    expires_at   INTEGER NOT NULL,
    revoked_at   INTEGER
) STRICT;
CREATE INDEX session_account ON session (account_id);

-- Booking rules per resource type; seeded from configuration, changed by facility managers.
CREATE TABLE booking_policy (
    resource_type            TEXT PRIMARY KEY CHECK (resource_type IN ('desk', 'room', 'ebike', 'ecar')),
    max_days_ahead           INTEGER NOT NULL CHECK (max_days_ahead >= 0),
    max_duration_minutes     INTEGER NOT NULL CHECK (max_duration_minutes > 0),
    max_upcoming_per_person  INTEGER NOT NULL CHECK (max_upcoming_per_person > 0),
    turnaround_minutes       INTEGER NOT NULL CHECK (turnaround_minutes >= 0),
    check_in_opens_minutes   INTEGER NOT NULL CHECK (check_in_opens_minutes >= 0),
    grace_minutes            INTEGER NOT NULL CHECK (grace_minutes > 0),
    updated_at               INTEGER NOT NULL
) STRICT;

CREATE TABLE booking (
    id               INTEGER PRIMARY KEY,
    resource_id      TEXT NOT NULL REFERENCES resource (id),
    resource_type    TEXT NOT NULL CHECK (resource_type IN ('desk', 'room', 'ebike', 'ecar')),
    account_id       INTEGER NOT NULL REFERENCES account (id),
    starts_at        INTEGER NOT NULL,
    ends_at          INTEGER NOT NULL,
    -- ends_at plus the type's turnaround (an e-car charging after a trip); the resource is taken until then.
    blocked_until    INTEGER NOT NULL,
    local_date       TEXT,
    day_part         TEXT CHECK (day_part IS NULL OR day_part IN ('day', 'morning', 'afternoon')),
    attendees        INTEGER CHECK (attendees IS NULL OR attendees > 0),
    status           TEXT NOT NULL CHECK (status IN ('confirmed', 'checked-in', 'cancelled', 'no-show')),
    created_at       INTEGER NOT NULL,
    checked_in_at    INTEGER,
    check_in_method  TEXT CHECK (check_in_method IS NULL OR check_in_method IN ('app', 'qr', 'sensor')),
    cancelled_at     INTEGER,
    CHECK (starts_at < ends_at AND ends_at <= blocked_until),
    CHECK ((day_part IS NULL) = (local_date IS NULL))
) STRICT;
CREATE INDEX booking_resource_active ON booking (resource_id, blocked_until)
    WHERE status IN ('confirmed', 'checked-in');
CREATE INDEX booking_account_end ON booking (account_id, ends_at);
CREATE INDEX booking_start ON booking (starts_at);

-- The no-overlap rule, kept by the database itself: two active bookings of one resource never overlap
-- (including the turnaround after each). The message is matched by the service to answer 409.
CREATE TRIGGER booking_no_overlap_insert BEFORE INSERT ON booking
WHEN NEW.status IN ('confirmed', 'checked-in')
BEGIN
    SELECT RAISE(ABORT, 'flexplek:booking-overlap')
    FROM booking b
    WHERE b.resource_id = NEW.resource_id
      AND b.status IN ('confirmed', 'checked-in')
      AND b.blocked_until > NEW.starts_at
      AND b.starts_at < NEW.blocked_until;
END;

CREATE TRIGGER booking_no_overlap_update BEFORE UPDATE OF resource_id, starts_at, blocked_until, status ON booking
WHEN NEW.status IN ('confirmed', 'checked-in')
BEGIN
    SELECT RAISE(ABORT, 'flexplek:booking-overlap')
    FROM booking b
    WHERE b.resource_id = NEW.resource_id
      AND b.id <> NEW.id
      AND b.status IN ('confirmed', 'checked-in')
      AND b.blocked_until > NEW.starts_at
      AND b.starts_at < NEW.blocked_until;
END;

-- One desk per person at a time (so one per day part).
CREATE TRIGGER booking_one_desk_per_person BEFORE INSERT ON booking
WHEN NEW.resource_type = 'desk' AND NEW.status IN ('confirmed', 'checked-in')
BEGIN
    SELECT RAISE(ABORT, 'flexplek:one-desk-per-person')
    FROM booking b
    WHERE b.account_id = NEW.account_id
      AND b.resource_type = 'desk'
      AND b.status IN ('confirmed', 'checked-in')
      AND b.ends_at > NEW.starts_at
      AND b.starts_at < NEW.ends_at;
END;

-- A retried create with the same Idempotency-Key returns the booking it made the first time.
CREATE TABLE idempotency_key (
    account_id    INTEGER NOT NULL REFERENCES account (id) ON DELETE CASCADE,
    key           TEXT NOT NULL CHECK (length(key) BETWEEN 1 AND 200),
    request_hash  TEXT NOT NULL,
    booking_id    INTEGER NOT NULL REFERENCES booking (id),
    created_at    INTEGER NOT NULL,
    PRIMARY KEY (account_id, key)
) STRICT;

-- Facts about one-off jobs, such as whether the demo history was generated.
CREATE TABLE app_state (
    key    TEXT PRIMARY KEY,
    value  TEXT NOT NULL
) STRICT;

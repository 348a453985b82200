-- Flexplek schema, version 2: sensors, releases and the compact occupancy history.

-- Every sensor the server has heard of or the estate names. resource_id is null for a sensor nobody has
-- assigned yet (it shows up in the managers' list instead of being dropped).
CREATE TABLE sensor (
    id           TEXT PRIMARY KEY CHECK (length(id) BETWEEN 1 AND 128),
    kind         TEXT CHECK (kind IS NULL OR kind IN ('presence', 'counter', 'vehicle')),
    first_seen   INTEGER,
    last_seen    INTEGER,
    battery      INTEGER CHECK (battery IS NULL OR battery BETWEEN 0 AND 100)
) STRICT;

-- Why a booking was released by the system: nobody checked in ('no-show'), or a checked-in desk stayed empty.
ALTER TABLE booking ADD COLUMN released_at INTEGER;
ALTER TABLE booking ADD COLUMN release_reason TEXT CHECK (release_reason IS NULL OR release_reason IN ('no-show', 'left-empty'));
CREATE INDEX booking_confirmed_start ON booking (starts_at) WHERE status = 'confirmed';

-- Live-state changes, not every sensor message: what managers' insights are computed from.
CREATE TABLE occupancy_change (
    id           INTEGER PRIMARY KEY,
    resource_id  TEXT NOT NULL REFERENCES resource (id),
    site_id      TEXT NOT NULL,
    state        TEXT NOT NULL CHECK (state IN ('free', 'booked', 'in-use', 'walk-in', 'offline', 'out-of-service', 'away')),
    at           INTEGER NOT NULL
) STRICT;
CREATE INDEX occupancy_change_site_at ON occupancy_change (site_id, at);
CREATE INDEX occupancy_change_resource_at ON occupancy_change (resource_id, at);

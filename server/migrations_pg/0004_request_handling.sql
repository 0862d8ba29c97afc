-- PostgreSQL twin of migrations/0004_request_handling.sql: who a local request is assigned
-- to, each change staff made to it, and a counter for local request numbers that never goes
-- back.

ALTER TABLE service_requests ADD COLUMN agency_responsible TEXT;

CREATE INDEX service_requests_site_status ON service_requests (site, upstream, status, requested_at);

CREATE TABLE service_request_updates (
    id                  BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    request_id          TEXT NOT NULL REFERENCES service_requests (id) ON DELETE CASCADE ON UPDATE CASCADE,
    site                TEXT NOT NULL,
    at                  TEXT NOT NULL,
    staff_id            TEXT NOT NULL,
    staff_name          TEXT NOT NULL,
    status              TEXT NOT NULL CHECK (status IN ('open', 'closed')),
    status_notes        TEXT,
    agency_responsible  TEXT,
    expected_at         TEXT
);

CREATE INDEX service_request_updates_request ON service_request_updates (request_id, id);

CREATE TABLE counters (
    name   TEXT PRIMARY KEY,
    value  BIGINT NOT NULL
);

-- The last local number given so far (local numbers start at 100001).
INSERT INTO counters (name, value)
SELECT 'local_request', COALESCE(MAX(CASE WHEN id ~ '^[0-9]+$' THEN id::BIGINT END), 100000)
FROM service_requests WHERE NOT upstream;

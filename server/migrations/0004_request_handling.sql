-- Staff handling requests kept in "local queue" mode: who a request is assigned to, each
-- change staff made (the history the console shows; the audit log records the same changes
-- without their text), and a counter for local request numbers that never goes back, so a
-- number is never given twice even after retention removed old requests.

ALTER TABLE service_requests ADD COLUMN agency_responsible TEXT;

CREATE INDEX service_requests_site_status ON service_requests (site, upstream, status, requested_at);

CREATE TABLE service_request_updates (
    id                  INTEGER PRIMARY KEY,
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
    value  INTEGER NOT NULL
);

-- The last local number given so far (local numbers start at 100001).
INSERT INTO counters (name, value)
SELECT 'local_request', COALESCE(MAX(CAST(id AS INTEGER)), 100000)
FROM service_requests WHERE upstream = 0;

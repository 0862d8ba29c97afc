-- PostgreSQL twin of migrations/0003_service_requests.sql: service requests kept here
-- ("local queue" mode) or the receipt of one sent to the city's Open311 system.

CREATE TABLE service_requests (
    id            TEXT PRIMARY KEY,
    site          TEXT NOT NULL,
    service_code  TEXT NOT NULL,
    service_name  TEXT NOT NULL,
    lang          TEXT NOT NULL,
    upstream      BOOLEAN NOT NULL,
    token         TEXT,
    description   TEXT,
    address       TEXT,
    lat           DOUBLE PRECISION,
    long          DOUBLE PRECISION,
    attributes    TEXT NOT NULL DEFAULT '{}',
    media_url     TEXT,
    contact       TEXT NOT NULL DEFAULT '{}',
    status        TEXT NOT NULL CHECK (status IN ('open', 'closed')),
    status_notes  TEXT,
    requested_at  TEXT NOT NULL,
    updated_at    TEXT NOT NULL,
    expected_at   TEXT
);

CREATE INDEX service_requests_site ON service_requests (site, requested_at);
CREATE UNIQUE INDEX service_requests_token ON service_requests (site, token) WHERE token IS NOT NULL;

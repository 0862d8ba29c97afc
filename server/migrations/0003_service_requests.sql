-- Service requests: in "local queue" mode the requests themselves; with a city's Open311
-- system, the receipt (its id or token) so that tracking links and the audit log can refer
-- to it. Descriptions are stored redacted; the contact is what the resident chose to give.

CREATE TABLE service_requests (
    id            TEXT PRIMARY KEY,
    site          TEXT NOT NULL,
    service_code  TEXT NOT NULL,
    service_name  TEXT NOT NULL,
    lang          TEXT NOT NULL,
    upstream      INTEGER NOT NULL CHECK (upstream IN (0, 1)),
    token         TEXT,
    description   TEXT,
    address       TEXT,
    lat           REAL,
    long          REAL,
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

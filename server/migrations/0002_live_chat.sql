-- Live chat with staff: accounts and sessions, chats and their numbered events, tickets left
-- outside office hours, and the append-only, hash-chained audit log.

CREATE TABLE staff (
    id             TEXT PRIMARY KEY,
    site           TEXT NOT NULL,
    email          TEXT NOT NULL UNIQUE,
    name           TEXT NOT NULL,
    role           TEXT NOT NULL CHECK (role IN ('staff', 'admin')),
    department     TEXT,
    password_hash  TEXT NOT NULL,
    created_at     TEXT NOT NULL
);

CREATE TABLE staff_sessions (
    token_hash  TEXT PRIMARY KEY,
    staff_id    TEXT NOT NULL REFERENCES staff (id) ON DELETE CASCADE,
    csrf_token  TEXT NOT NULL,
    created_at  TEXT NOT NULL,
    expires_at  TEXT NOT NULL
);

CREATE TABLE chats (
    id               TEXT PRIMARY KEY,
    site             TEXT NOT NULL,
    conversation_id  TEXT,
    lang             TEXT NOT NULL,
    department       TEXT,
    token_hash       TEXT NOT NULL,
    state            TEXT NOT NULL CHECK (state IN ('waiting', 'active', 'closed')),
    staff_id         TEXT REFERENCES staff (id),
    last_seq         INTEGER NOT NULL DEFAULT 0,
    created_at       TEXT NOT NULL,
    accepted_at      TEXT,
    closed_at        TEXT,
    close_reason     TEXT,
    rating           INTEGER CHECK (rating BETWEEN 1 AND 5),
    rating_comment   TEXT
);

CREATE INDEX chats_site_state ON chats (site, state, created_at);
CREATE INDEX chats_staff_state ON chats (staff_id, state);

CREATE TABLE chat_events (
    chat_id     TEXT NOT NULL REFERENCES chats (id) ON DELETE CASCADE,
    seq         INTEGER NOT NULL,
    client_id   TEXT,
    body        TEXT NOT NULL,
    created_at  TEXT NOT NULL,
    PRIMARY KEY (chat_id, seq),
    UNIQUE (chat_id, client_id)
);

CREATE TABLE tickets (
    id               TEXT PRIMARY KEY,
    site             TEXT NOT NULL,
    conversation_id  TEXT,
    lang             TEXT NOT NULL,
    name             TEXT,
    contact          TEXT,
    message          TEXT NOT NULL,
    department       TEXT,
    status           TEXT NOT NULL CHECK (status IN ('open', 'done')),
    created_at       TEXT NOT NULL,
    closed_at        TEXT,
    closed_by        TEXT
);

CREATE INDEX tickets_site_status ON tickets (site, status, created_at);

-- Append-only: each row's hash covers the previous row's hash, its own fields and the hash of
-- its detail, so a changed, removed or inserted row breaks the chain (`wayfinder audit verify`).
-- The only change allowed is retention clearing an old row's `detail`: its `detail_hash` stays,
-- and so does the chain.
CREATE TABLE audit_log (
    seq          INTEGER PRIMARY KEY,
    at           TEXT NOT NULL,
    site         TEXT NOT NULL,
    actor        TEXT NOT NULL,
    action       TEXT NOT NULL,
    subject      TEXT NOT NULL,
    detail       TEXT,
    detail_hash  TEXT NOT NULL,
    prev_hash    TEXT NOT NULL,
    hash         TEXT NOT NULL
);

CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
WHEN NOT (NEW.detail IS NULL
          AND NEW.seq = OLD.seq AND NEW.at = OLD.at AND NEW.site = OLD.site
          AND NEW.actor = OLD.actor AND NEW.action = OLD.action AND NEW.subject = OLD.subject
          AND NEW.detail_hash = OLD.detail_hash AND NEW.prev_hash = OLD.prev_hash
          AND NEW.hash = OLD.hash)
BEGIN
    SELECT RAISE(ABORT, 'the audit log is append-only');
END;

CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN
    SELECT RAISE(ABORT, 'the audit log is append-only');
END;

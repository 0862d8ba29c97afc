-- PostgreSQL twin of migrations/0002_live_chat.sql: staff accounts and sessions, chats and
-- their numbered events, tickets, and the append-only, hash-chained audit log.

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
    rowid            BIGINT GENERATED ALWAYS AS IDENTITY UNIQUE,
    id               TEXT PRIMARY KEY,
    site             TEXT NOT NULL,
    conversation_id  TEXT,
    lang             TEXT NOT NULL,
    department       TEXT,
    token_hash       TEXT NOT NULL,
    state            TEXT NOT NULL CHECK (state IN ('waiting', 'active', 'closed')),
    staff_id         TEXT REFERENCES staff (id),
    last_seq         BIGINT NOT NULL DEFAULT 0,
    created_at       TEXT NOT NULL,
    accepted_at      TEXT,
    closed_at        TEXT,
    close_reason     TEXT,
    rating           SMALLINT CHECK (rating BETWEEN 1 AND 5),
    rating_comment   TEXT
);

CREATE INDEX chats_site_state ON chats (site, state, created_at);
CREATE INDEX chats_staff_state ON chats (staff_id, state);

CREATE TABLE chat_events (
    chat_id     TEXT NOT NULL REFERENCES chats (id) ON DELETE CASCADE,
    seq         BIGINT NOT NULL,
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

-- Append-only, as in SQLite. With several replicas writing, appends are serialized by an
-- advisory lock taken in the appending transaction (store/postgres/live.rs), so the chain
-- never forks; the primary key on `seq` refuses a fork even if that lock were bypassed.
CREATE TABLE audit_log (
    seq          BIGINT PRIMARY KEY,
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

CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'UPDATE'
       AND NEW.detail IS NULL
       AND NEW.seq = OLD.seq AND NEW.at = OLD.at AND NEW.site = OLD.site
       AND NEW.actor = OLD.actor AND NEW.action = OLD.action AND NEW.subject = OLD.subject
       AND NEW.detail_hash = OLD.detail_hash AND NEW.prev_hash = OLD.prev_hash
       AND NEW.hash = OLD.hash THEN
        RETURN NEW;
    END IF;
    RAISE EXCEPTION 'the audit log is append-only';
END;
$$;

CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();

CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();

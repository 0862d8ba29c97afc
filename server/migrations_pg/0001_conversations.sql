-- PostgreSQL twin of migrations/0001_conversations.sql (same tables and columns; see
-- store/postgres/mod.rs). Timestamps are RFC 3339 UTC text, as in SQLite, so that both stores
-- compare and return them alike. `rowid` stands in for SQLite's implicit rowid: the order in
-- which rows were inserted, used to break ties between equal timestamps.

CREATE TABLE conversations (
    id          TEXT PRIMARY KEY,
    site        TEXT NOT NULL,
    lang        TEXT NOT NULL,
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL
);

CREATE INDEX conversations_site_updated ON conversations (site, updated_at);

CREATE TABLE messages (
    rowid            BIGINT GENERATED ALWAYS AS IDENTITY UNIQUE,
    id               TEXT PRIMARY KEY,
    conversation_id  TEXT NOT NULL REFERENCES conversations (id) ON DELETE CASCADE,
    role             TEXT NOT NULL CHECK (role IN ('resident', 'bot')),
    text             TEXT NOT NULL,
    lang             TEXT NOT NULL,
    outcome          TEXT CHECK (outcome IN ('answer', 'choices', 'handoff')),
    entry_id         TEXT,
    score            REAL,
    coverage         REAL,
    created_at       TEXT NOT NULL
);

CREATE INDEX messages_conversation ON messages (conversation_id, created_at);

CREATE TABLE feedback (
    rowid            BIGINT GENERATED ALWAYS AS IDENTITY UNIQUE,
    id               TEXT PRIMARY KEY,
    conversation_id  TEXT NOT NULL REFERENCES conversations (id) ON DELETE CASCADE,
    message_id       TEXT NOT NULL REFERENCES messages (id) ON DELETE CASCADE,
    entry_id         TEXT,
    helpful          BOOLEAN NOT NULL,
    comment          TEXT,
    created_at       TEXT NOT NULL
);

CREATE INDEX feedback_entry ON feedback (entry_id);

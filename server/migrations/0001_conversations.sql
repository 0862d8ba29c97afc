-- Conversations, the messages in them and residents' feedback.
-- Resident text is stored only after redaction (see src/redact.rs).

CREATE TABLE conversations (
    id          TEXT PRIMARY KEY,
    site        TEXT NOT NULL,
    lang        TEXT NOT NULL,
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL
);

CREATE INDEX conversations_site_updated ON conversations (site, updated_at);

CREATE TABLE messages (
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
    id               TEXT PRIMARY KEY,
    conversation_id  TEXT NOT NULL REFERENCES conversations (id) ON DELETE CASCADE,
    message_id       TEXT NOT NULL REFERENCES messages (id) ON DELETE CASCADE,
    entry_id         TEXT,
    helpful          INTEGER NOT NULL CHECK (helpful IN (0, 1)),
    comment          TEXT,
    created_at       TEXT NOT NULL
);

CREATE INDEX feedback_entry ON feedback (entry_id);

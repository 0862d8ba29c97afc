-- PostgreSQL twin of migrations/0005_consent.sql: the privacy notice a resident accepted,
-- stored with their conversation when the site requires consent.

ALTER TABLE conversations ADD COLUMN consent_version TEXT;

ALTER TABLE conversations ADD COLUMN consent_at TEXT;

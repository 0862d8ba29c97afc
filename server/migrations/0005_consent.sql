-- The privacy notice a resident accepted, stored with their conversation when the site
-- requires consent ([sites.privacy] require_consent): the notice's version and when it was
-- accepted (RFC 3339 UTC). NULL when the site does not require consent. Accepting a newer
-- version later in the same conversation replaces both. Plain ALTER TABLE ... ADD COLUMN:
-- the same statements work on PostgreSQL.

ALTER TABLE conversations ADD COLUMN consent_version TEXT;

ALTER TABLE conversations ADD COLUMN consent_at TEXT;

-- Announcements end: each has an expiry (0: until cleared) and may be
-- cleared (and brought back) or edited by an organiser. Announcements made
-- before this migration expire an hour after they were made, so last
-- month's banner is not shown today.
ALTER TABLE announcements ADD COLUMN expires_at INTEGER NOT NULL DEFAULT 0;
ALTER TABLE announcements ADD COLUMN cleared_at INTEGER NOT NULL DEFAULT 0;
ALTER TABLE announcements ADD COLUMN edited_at INTEGER NOT NULL DEFAULT 0;
UPDATE announcements SET expires_at = created_at + 3600000;

-- A note its author marked private is kept out of the export.
ALTER TABLE notes ADD COLUMN private INTEGER NOT NULL DEFAULT 0;

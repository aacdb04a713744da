-- A speaker's edit to an approved talk sends it back to review. What the
-- organisers approved is kept here (JSON, schedule.ApprovedVersion) until
-- they approve the talk again, so they can see what changed.
ALTER TABLE talks ADD COLUMN approved_version TEXT NOT NULL DEFAULT '';

-- People's own items, for the People view's "joined recently and only voted".
CREATE INDEX topics_leader ON topics(leader_id);
CREATE INDEX notes_author ON notes(author_id);
CREATE INDEX reports_author ON reports(author_id);

-- An attendee links their key to their Eventbrite registration: they ask with
-- `link EMAIL`, get a one-time code, and an organiser confirms the code.
CREATE TABLE link_requests (
    code         TEXT PRIMARY KEY,
    event_id     INTEGER NOT NULL REFERENCES events(id),
    person_id    INTEGER NOT NULL REFERENCES people(id),
    email        TEXT NOT NULL,
    created_at   INTEGER NOT NULL,
    confirmed_at INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX link_requests_person ON link_requests(person_id);

-- The camp's memory. Instants are INTEGER milliseconds since the Unix epoch
-- (UTC); 0 means "not yet". Lists of tags are newline-joined TEXT: sanitised
-- single-line text never contains a newline, and this reads faster than JSON.

CREATE TABLE events (
    id          INTEGER PRIMARY KEY,
    slug        TEXT NOT NULL UNIQUE,
    name        TEXT NOT NULL,
    series      TEXT NOT NULL,
    schedule    TEXT NOT NULL DEFAULT '',  -- the schedule file, so --event SLUG can reopen an earlier camp
    created_at  INTEGER NOT NULL
);

CREATE TABLE people (
    id              INTEGER PRIMARY KEY,
    fingerprint     TEXT NOT NULL UNIQUE,
    name            TEXT NOT NULL DEFAULT '',
    name_key        TEXT UNIQUE,               -- NULL until named; unique after NFKC + case fold
    tz              TEXT NOT NULL DEFAULT '',
    role            TEXT NOT NULL,
    accepted_coc_at INTEGER NOT NULL DEFAULT 0,
    muted           INTEGER NOT NULL DEFAULT 0,
    banned          INTEGER NOT NULL DEFAULT 0,
    email           TEXT NOT NULL DEFAULT '',
    created_at      INTEGER NOT NULL,
    last_seen_at    INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE talks (
    id          INTEGER PRIMARY KEY,
    event_id    INTEGER NOT NULL REFERENCES events(id),
    speaker_id  INTEGER NOT NULL REFERENCES people(id),
    title       TEXT NOT NULL,
    abstract    TEXT NOT NULL DEFAULT '',
    minutes     INTEGER NOT NULL,
    links       TEXT NOT NULL DEFAULT '',
    tools       TEXT NOT NULL DEFAULT '',
    tags        TEXT NOT NULL DEFAULT '',
    can_make    TEXT NOT NULL DEFAULT '',
    block       TEXT NOT NULL DEFAULT '',
    position    INTEGER NOT NULL DEFAULT 0,
    status      TEXT NOT NULL,
    started_at  INTEGER NOT NULL DEFAULT 0,
    finished_at INTEGER NOT NULL DEFAULT 0,
    created_at  INTEGER NOT NULL,
    updated_at  INTEGER NOT NULL
);
CREATE INDEX talks_event ON talks(event_id, block, position);
CREATE INDEX talks_speaker ON talks(speaker_id);

CREATE TABLE topics (
    id          INTEGER PRIMARY KEY,
    event_id    INTEGER NOT NULL REFERENCES events(id),
    leader_id   INTEGER NOT NULL REFERENCES people(id),
    title       TEXT NOT NULL,
    description TEXT NOT NULL DEFAULT '',
    tags        TEXT NOT NULL DEFAULT '',
    status      TEXT NOT NULL,
    track       TEXT NOT NULL DEFAULT '',
    slot        TEXT NOT NULL DEFAULT '',
    created_at  INTEGER NOT NULL,
    updated_at  INTEGER NOT NULL
);
CREATE INDEX topics_event ON topics(event_id);
-- The last line of defence against a double-booked cell.
CREATE UNIQUE INDEX topics_cell ON topics(event_id, track, slot) WHERE status = 'placed';

CREATE TABLE votes (
    topic_id   INTEGER NOT NULL REFERENCES topics(id),
    person_id  INTEGER NOT NULL REFERENCES people(id),
    created_at INTEGER NOT NULL,
    PRIMARY KEY (topic_id, person_id)
) WITHOUT ROWID;
CREATE INDEX votes_person ON votes(person_id);

CREATE TABLE notes (
    id          INTEGER PRIMARY KEY,
    event_id    INTEGER NOT NULL REFERENCES events(id),
    target_kind TEXT NOT NULL,
    target_id   INTEGER NOT NULL,
    author_id   INTEGER NOT NULL REFERENCES people(id),
    text        TEXT NOT NULL,
    revision    INTEGER NOT NULL DEFAULT 1,
    hidden      INTEGER NOT NULL DEFAULT 0,
    created_at  INTEGER NOT NULL,
    updated_at  INTEGER NOT NULL
);
CREATE INDEX notes_target ON notes(event_id, target_kind, target_id, id);

-- Every earlier text of a note entry: nothing an editor replaces is lost.
CREATE TABLE note_revisions (
    note_id   INTEGER NOT NULL REFERENCES notes(id),
    revision  INTEGER NOT NULL,
    text      TEXT NOT NULL,
    edited_at INTEGER NOT NULL,
    PRIMARY KEY (note_id, revision)
) WITHOUT ROWID;

CREATE TABLE reports (
    id           INTEGER PRIMARY KEY,
    event_id     INTEGER NOT NULL REFERENCES events(id),
    target_kind  TEXT NOT NULL,
    target_id    INTEGER NOT NULL,
    author_id    INTEGER NOT NULL REFERENCES people(id),
    project      TEXT NOT NULL,
    project_url  TEXT NOT NULL DEFAULT '',
    tool         TEXT NOT NULL,
    tool_version TEXT NOT NULL DEFAULT '',
    outcome      TEXT NOT NULL,
    speedup      REAL NOT NULL DEFAULT 0,
    learnt       TEXT NOT NULL DEFAULT '',
    hidden       INTEGER NOT NULL DEFAULT 0,
    created_at   INTEGER NOT NULL
);
CREATE INDEX reports_target ON reports(event_id, target_kind, target_id, id);

CREATE TABLE timers (
    id              INTEGER PRIMARY KEY,
    event_id        INTEGER NOT NULL REFERENCES events(id),
    kind            TEXT NOT NULL,
    label           TEXT NOT NULL,
    ref             TEXT NOT NULL DEFAULT '',
    started_at      INTEGER NOT NULL,
    duration_ms     INTEGER NOT NULL,
    paused_at       INTEGER NOT NULL DEFAULT 0,
    paused_total_ms INTEGER NOT NULL DEFAULT 0,
    stopped_at      INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX timers_event ON timers(event_id, stopped_at);

CREATE TABLE announcements (
    id         INTEGER PRIMARY KEY,
    event_id   INTEGER NOT NULL REFERENCES events(id),
    author_id  INTEGER NOT NULL REFERENCES people(id),
    text       TEXT NOT NULL,
    created_at INTEGER NOT NULL
);
CREATE INDEX announcements_event ON announcements(event_id, id);

CREATE TABLE registrations (
    event_id    INTEGER NOT NULL REFERENCES events(id),
    ticket_id   TEXT NOT NULL,
    order_id    TEXT NOT NULL DEFAULT '',
    name        TEXT NOT NULL,
    email       TEXT NOT NULL,
    status      TEXT NOT NULL,
    ticket_type TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (event_id, ticket_id)
) WITHOUT ROWID;

-- Who did what, when: every write, so moderation is traceable.
CREATE TABLE audit (
    id        INTEGER PRIMARY KEY,
    at        INTEGER NOT NULL,
    event_id  INTEGER,
    actor_id  INTEGER,
    action    TEXT NOT NULL,
    target    TEXT NOT NULL DEFAULT '',
    detail    TEXT NOT NULL DEFAULT ''
);

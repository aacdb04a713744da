-- Terminal sessions of every process on this database, so that a console
-- and a separate `camp serve` see the same people online. seen_at is the
-- process's last heartbeat (wall clock, ms); a row older than the session
-- timeout belongs to a process that died, and is swept by any live one.
-- Command sessions (ssh HOST talks) are not stored: they are not "online".
CREATE TABLE sessions (
    id         TEXT PRIMARY KEY,
    server     TEXT NOT NULL,
    person_id  INTEGER REFERENCES people(id),
    started_at INTEGER NOT NULL,
    seen_at    INTEGER NOT NULL
);
CREATE INDEX sessions_server ON sessions(server);
CREATE INDEX sessions_person ON sessions(person_id, seen_at);

-- Which breakout room a person said they are in, for the slot under way
-- (until = the slot's end on the camp's clock). One row per person per camp.
CREATE TABLE room_presence (
    event_id  INTEGER NOT NULL REFERENCES events(id),
    person_id INTEGER NOT NULL REFERENCES people(id),
    track     TEXT NOT NULL,
    slot      TEXT NOT NULL,
    since     INTEGER NOT NULL,
    until     INTEGER NOT NULL,
    PRIMARY KEY (event_id, person_id)
);

-- The organisers' private cues to the live speaker.
CREATE TABLE speaker_cues (
    id         INTEGER PRIMARY KEY,
    event_id   INTEGER NOT NULL REFERENCES events(id),
    talk_id    INTEGER NOT NULL REFERENCES talks(id),
    author_id  INTEGER REFERENCES people(id),
    text       TEXT NOT NULL,
    created_at INTEGER NOT NULL
);
CREATE INDEX speaker_cues_talk ON speaker_cues(talk_id, id);

-- Questions from the audience for a live talk; one may be picked to show
-- the speaker. Kept with the talk's notes for the export.
CREATE TABLE questions (
    id         INTEGER PRIMARY KEY,
    event_id   INTEGER NOT NULL REFERENCES events(id),
    talk_id    INTEGER NOT NULL REFERENCES talks(id),
    author_id  INTEGER NOT NULL REFERENCES people(id),
    text       TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    picked_at  INTEGER NOT NULL DEFAULT 0,
    hidden     INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX questions_talk ON questions(talk_id, id);
CREATE INDEX questions_author ON questions(author_id, talk_id);

-- A person's wish for a terminal bell with their speaker and leader cues.
CREATE TABLE cue_prefs (
    person_id INTEGER PRIMARY KEY REFERENCES people(id),
    bell      INTEGER NOT NULL DEFAULT 0
);

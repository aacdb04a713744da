-- Personal agendas: the talks and topics each person starred, per camp.
-- Only the person sees their own; nothing else reads this table.
CREATE TABLE stars (
    event_id    INTEGER NOT NULL REFERENCES events(id),
    person_id   INTEGER NOT NULL REFERENCES people(id),
    target_kind TEXT NOT NULL,
    target_id   INTEGER NOT NULL,
    created_at  INTEGER NOT NULL,
    PRIMARY KEY (event_id, person_id, target_kind, target_id)
);

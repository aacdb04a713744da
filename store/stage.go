package store

import (
	"context"
	"database/sql"
	"errors"
	"strings"

	"github.com/lightningcamp/camp/schedule"
)

// The live talk's back channel: the organisers' private cues to the
// speaker, and the audience's questions, one of which an organiser picks
// to show the speaker. Who sees what is decided here (Stage), once.

// cueMax caps a cue: it is shown in big letters on one screen.
const cueMax = 200

// liveTalk is the talk being given now in this camp.
func (c *Camp) liveTalk(ctx context.Context, q queryer) (id, speaker int64, err error) {
	err = q.QueryRowContext(ctx, `SELECT id, speaker_id FROM talks WHERE event_id = ? AND status = ? ORDER BY started_at DESC, id DESC LIMIT 1`,
		c.eventID, string(schedule.TalkLive)).Scan(&id, &speaker)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, 0, schedule.Errorf(schedule.ECONFLICT, "no talk is live now")
	}
	return id, speaker, err
}

// CueText turns a cue as typed (a word of schedule.CueWords, or free text)
// into what the speaker reads.
func CueText(s string) string {
	if w, ok := schedule.CueWords[strings.ToLower(strings.TrimSpace(s))]; ok {
		return w
	}
	return s
}

// Cue sends the live speaker a private message. Organisers only.
func (c *Camp) Cue(ctx context.Context, a schedule.Actor, text string) (schedule.SpeakerCue, error) {
	clean, err := cleanLine("cue", CueText(text), cueMax, true)
	if err != nil {
		return schedule.SpeakerCue{}, err
	}
	var cue schedule.SpeakerCue
	err = c.write(ctx, a, func(t *tx) error {
		if err := t.authorize(schedule.PermOrganise, 0); err != nil {
			return err
		}
		talk, _, err := c.liveTalk(t.ctx, t)
		if err != nil {
			return err
		}
		res, err := t.exec(`INSERT INTO speaker_cues (event_id, talk_id, author_id, text, created_at) VALUES (?, ?, ?, ?, ?)`,
			c.eventID, talk, t.me.ID, clean, ms(t.now))
		if err != nil {
			return err
		}
		cue.ID, _ = res.LastInsertId()
		cue.TalkID, cue.Text, cue.Created = talk, clean, t.now
		t.changed(schedule.ChangeStage, schedule.StageBackChannel)
		return t.audit("cue", "talk:"+itoa(talk), clean)
	})
	return cue, err
}

const questionColumns = `q.id, q.talk_id, q.author_id, p.name, q.text, q.picked_at, q.hidden, q.created_at`

const questionFrom = ` FROM questions q JOIN people p ON p.id = q.author_id `

func scanQuestion(row interface{ Scan(...any) error }) (schedule.Question, error) {
	var q schedule.Question
	var picked, created int64
	err := row.Scan(&q.ID, &q.TalkID, &q.AuthorID, &q.Author, &q.Text, &picked, &q.Hidden, &created)
	q.Picked, q.Created = fromMS(picked), fromMS(created)
	return q, err
}

func (c *Camp) questions(ctx context.Context, q queryer, where string, args ...any) ([]schedule.Question, error) {
	rows, err := q.QueryContext(ctx, `SELECT `+questionColumns+questionFrom+`WHERE q.event_id = ? `+where+` ORDER BY q.id`, append([]any{c.eventID}, args...)...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var qs []schedule.Question
	for rows.Next() {
		q, err := scanQuestion(rows)
		if err != nil {
			return nil, err
		}
		qs = append(qs, q)
	}
	return qs, rows.Err()
}

// Ask puts a question to the live talk. It is held to the limits of a note
// (Limits.NoteMax, the write rate) and to QuestionsPerTalk per person.
func (c *Camp) Ask(ctx context.Context, a schedule.Actor, text string) (schedule.Question, error) {
	clean, err := cleanText("question", text, c.ev.Limits.NoteMax, true)
	if err != nil {
		return schedule.Question{}, err
	}
	var q schedule.Question
	err = c.write(ctx, a, func(t *tx) error {
		if err := t.authorize(schedule.PermContribute, 0); err != nil {
			return err
		}
		talk, _, err := c.liveTalk(t.ctx, t)
		if err != nil {
			return err
		}
		var asked int
		if err := t.QueryRowContext(t.ctx, `SELECT count(*) FROM questions WHERE author_id = ? AND talk_id = ?`, t.me.ID, talk).Scan(&asked); err != nil {
			return err
		}
		if asked >= schedule.QuestionsPerTalk && t.me.Role != schedule.RoleOrganiser {
			return schedule.Errorf(schedule.ERATELIMIT, "you have asked %d questions of this talk already: that is the most one person may ask", asked)
		}
		res, err := t.exec(`INSERT INTO questions (event_id, talk_id, author_id, text, created_at) VALUES (?, ?, ?, ?, ?)`,
			c.eventID, talk, t.me.ID, clean, ms(t.now))
		if err != nil {
			return err
		}
		id, _ := res.LastInsertId()
		qs, err := c.questions(t.ctx, t, `AND q.id = ?`, id)
		if err != nil || len(qs) == 0 {
			return errors.Join(err, notFound("question", id))
		}
		q = qs[0]
		t.changed(schedule.ChangeStage, schedule.StageBackChannel)
		return t.audit("ask", "question:"+itoa(id), "talk:"+itoa(talk))
	})
	return q, err
}

// PickQuestion shows a question to the speaker. Organisers only.
func (c *Camp) PickQuestion(ctx context.Context, a schedule.Actor, id int64) (schedule.Question, error) {
	var q schedule.Question
	err := c.write(ctx, a, func(t *tx) error {
		if err := t.authorize(schedule.PermOrganise, 0); err != nil {
			return err
		}
		if _, err := t.exec(`UPDATE questions SET picked_at = ? WHERE id = ? AND event_id = ?`, ms(t.now), id, c.eventID); err != nil {
			return err
		}
		qs, err := c.questions(t.ctx, t, `AND q.id = ?`, id)
		if err != nil {
			return err
		}
		if len(qs) == 0 {
			return notFound("question", id)
		}
		q = qs[0]
		t.changed(schedule.ChangeStage, schedule.StageBackChannel)
		return t.audit("pick_question", "question:"+itoa(id), "talk:"+itoa(q.TalkID))
	})
	return q, err
}

// Questions lists a talk's questions (talkID 0: the live talk's), oldest
// first. Organisers only: the audience sees a question once it is picked.
func (c *Camp) Questions(ctx context.Context, a schedule.Actor, talkID int64) ([]schedule.Question, error) {
	if a.Role != schedule.RoleOrganiser {
		return nil, schedule.Errorf(schedule.EFORBIDDEN, "only organisers can do that")
	}
	if talkID == 0 {
		var err error
		if talkID, _, err = c.liveTalk(ctx, c.db.reader); err != nil {
			return nil, err
		}
	}
	return c.questions(ctx, c.db.reader, `AND q.talk_id = ?`, talkID)
}

// AllQuestions lists every question of the camp that is not hidden, for
// the export: they are kept with the talk's notes.
func (c *Camp) AllQuestions(ctx context.Context) ([]schedule.Question, error) {
	return c.questions(ctx, c.db.reader, `AND q.hidden = 0`)
}

// Stage is what the viewer may see of the live talk's back channel: the
// latest cue only if they are its speaker, the picked question if they are
// its speaker or an organiser, every question if they are an organiser.
func (c *Camp) Stage(ctx context.Context, a schedule.Actor) (schedule.Stage, error) {
	var st schedule.Stage
	if a.PersonID != 0 {
		var bell int
		err := c.db.reader.QueryRowContext(ctx, `SELECT bell FROM cue_prefs WHERE person_id = ?`, a.PersonID).Scan(&bell)
		if err != nil && !errors.Is(err, sql.ErrNoRows) {
			return st, err
		}
		st.Bell = bell == 1
	}
	talk, speaker, err := c.liveTalk(ctx, c.db.reader)
	if schedule.ErrorCode(err) == schedule.ECONFLICT {
		return st, nil
	} else if err != nil {
		return st, err
	}
	st.TalkID = talk
	isSpeaker := a.PersonID != 0 && a.PersonID == speaker
	organiser := a.Role == schedule.RoleOrganiser
	if isSpeaker {
		var cue schedule.SpeakerCue
		var created int64
		err := c.db.reader.QueryRowContext(ctx, `SELECT id, talk_id, text, created_at FROM speaker_cues WHERE talk_id = ? ORDER BY id DESC LIMIT 1`, talk).
			Scan(&cue.ID, &cue.TalkID, &cue.Text, &created)
		if err == nil {
			cue.Created = fromMS(created)
			st.Cue = &cue
		} else if !errors.Is(err, sql.ErrNoRows) {
			return st, err
		}
	}
	if !isSpeaker && !organiser {
		return st, nil
	}
	qs, err := c.questions(ctx, c.db.reader, `AND q.talk_id = ? AND q.hidden = 0`, talk)
	if err != nil {
		return st, err
	}
	for i := range qs {
		if !qs[i].Picked.IsZero() && (st.Picked == nil || !qs[i].Picked.Before(st.Picked.Picked)) {
			st.Picked = &qs[i]
		}
	}
	if organiser {
		st.Questions = qs
	}
	return st, nil
}

// SetCueBell says whether the actor's terminal rings with their cues.
func (c *Camp) SetCueBell(ctx context.Context, a schedule.Actor, on bool) error {
	return c.write(ctx, a, func(t *tx) error {
		if err := t.authorize(schedule.PermContribute, 0); err != nil {
			return err
		}
		if _, err := t.exec(`INSERT INTO cue_prefs (person_id, bell) VALUES (?, ?) ON CONFLICT (person_id) DO UPDATE SET bell = excluded.bell`,
			t.me.ID, boolInt(on)); err != nil {
			return err
		}
		t.changed(schedule.ChangeStage, t.me.ID)
		return t.audit("cue_bell", "person:"+itoa(t.me.ID), map[bool]string{true: "on", false: "off"}[on])
	})
}

var _ schedule.StageService = (*Camp)(nil)

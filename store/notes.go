package store

import (
	"context"
	"math"

	"github.com/lightningcamp/camp/schedule"
)

const noteColumns = `n.id, n.target_kind, n.target_id, n.author_id, p.name, n.text, n.revision, n.hidden, n.private, n.created_at, n.updated_at`

const noteFrom = ` FROM notes n JOIN people p ON p.id = n.author_id `

func scanNote(row interface{ Scan(...any) error }) (schedule.NoteEntry, error) {
	var n schedule.NoteEntry
	var created, updated int64
	err := row.Scan(&n.ID, &n.Target.Kind, &n.Target.ID, &n.AuthorID, &n.Author, &n.Text, &n.Revision, &n.Hidden, &n.Private, &created, &updated)
	n.CreatedAt, n.UpdatedAt = fromMS(created), fromMS(updated)
	return n, err
}

func (c *Camp) note(ctx context.Context, q queryer, id int64) (schedule.NoteEntry, error) {
	n, err := scanNote(q.QueryRowContext(ctx, `SELECT `+noteColumns+noteFrom+`WHERE n.id = ? AND n.event_id = ?`, id, c.eventID))
	return n, noRows(err, "note", id)
}

// checkTarget makes sure a note's talk or topic exists in this camp and
// that the writer sees it (schedule.Viewer): nobody writes on what they
// cannot read.
func (t *tx) checkTarget(target schedule.Target) error {
	v := schedule.Viewer{PersonID: t.me.ID, Organiser: t.actor.Role == schedule.RoleOrganiser}
	switch target.Kind {
	case "talk":
		talk, err := t.camp.talk(t.ctx, t.Tx, target.ID)
		if err == nil && !v.SeesTalk(talk) {
			err = notFound("talk", target.ID)
		}
		return err
	case "topic":
		topic, err := t.camp.topic(t.ctx, t.Tx, target.ID)
		if err == nil && !v.SeesTopic(topic) {
			err = notFound("topic", target.ID)
		}
		return err
	}
	return schedule.Errorf(schedule.EINVALID, "notes belong to a talk or a topic, not %q", target.Kind)
}

// AddNote appends an entry to the notes of a talk or topic.
func (c *Camp) AddNote(ctx context.Context, a schedule.Actor, target schedule.Target, text string) (schedule.NoteEntry, error) {
	clean, err := cleanText("note", text, c.ev.Limits.NoteMax, true)
	if err != nil {
		return schedule.NoteEntry{}, err
	}
	var note schedule.NoteEntry
	err = c.write(ctx, a, func(t *tx) error {
		if err := t.authorize(schedule.PermContribute, 0); err != nil {
			return err
		}
		if err := t.checkTarget(target); err != nil {
			return err
		}
		now := t.now.UnixMilli()
		res, err := t.exec(`INSERT INTO notes (event_id, target_kind, target_id, author_id, text, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)`,
			c.eventID, target.Kind, target.ID, t.me.ID, clean, now, now)
		if err != nil {
			return err
		}
		id, _ := res.LastInsertId()
		return t.finishNote(&note, id, "add_note", targetString(target))
	})
	return note, err
}

func (t *tx) finishNote(out *schedule.NoteEntry, id int64, action, detail string) error {
	var err error
	if *out, err = t.camp.note(t.ctx, t, id); err != nil {
		return err
	}
	t.changed(schedule.ChangeNotes, id)
	return t.audit(action, "note:"+itoa(id), detail)
}

// lastEditorOf is who last wrote note id (its author until someone edits
// it), from the audit, or 0 when that cannot be read.
func (t *tx) lastEditorOf(id int64) int64 {
	var actor int64
	err := t.QueryRowContext(t.ctx, `SELECT COALESCE(actor_id, 0) FROM audit WHERE target = ? AND action IN ('add_note', 'edit_note')
		ORDER BY id DESC LIMIT 1`, "note:"+itoa(id)).Scan(&actor)
	if err != nil {
		return 0
	}
	return actor
}

// EditNote replaces an entry's text if nobody changed it since base; the
// old text is kept in the entry's history.
func (c *Camp) EditNote(ctx context.Context, a schedule.Actor, id int64, base int, text string) (schedule.NoteEntry, error) {
	clean, err := cleanText("note", text, c.ev.Limits.NoteMax, true)
	if err != nil {
		return schedule.NoteEntry{}, err
	}
	var note schedule.NoteEntry
	err = c.write(ctx, a, func(t *tx) error {
		cur, err := c.note(t.ctx, t, id)
		if err != nil {
			return err
		}
		if err := t.authorize(schedule.PermEditOwn, cur.AuthorID); err != nil {
			return err
		}
		if cur.Revision != base {
			return &schedule.StaleEdit{Base: base, Current: cur, ByYou: t.lastEditorOf(id) == t.me.ID}
		}
		if _, err := t.exec(`INSERT INTO note_revisions (note_id, revision, text, edited_at) VALUES (?, ?, ?, ?)`,
			id, cur.Revision, cur.Text, t.now.UnixMilli()); err != nil {
			return err
		}
		if _, err := t.exec(`UPDATE notes SET text = ?, revision = revision + 1, updated_at = ? WHERE id = ?`, clean, t.now.UnixMilli(), id); err != nil {
			return err
		}
		return t.finishNote(&note, id, "edit_note", "revision "+itoa(int64(base+1)))
	})
	return note, err
}

// HideNote hides or shows an entry. Organisers only; nothing is deleted.
func (c *Camp) HideNote(ctx context.Context, a schedule.Actor, id int64, hidden bool) (schedule.NoteEntry, error) {
	var note schedule.NoteEntry
	err := c.write(ctx, a, func(t *tx) error {
		if err := t.authorize(schedule.PermOrganise, 0); err != nil {
			return err
		}
		if _, err := c.note(t.ctx, t, id); err != nil {
			return err
		}
		if _, err := t.exec(`UPDATE notes SET hidden = ? WHERE id = ?`, boolInt(hidden), id); err != nil {
			return err
		}
		return t.finishNote(&note, id, map[bool]string{true: "hide_note", false: "show_note"}[hidden], "")
	})
	return note, err
}

// Notes lists the visible entries of a target in the order they were added;
// the zero Target lists every visible entry of the camp.
func (c *Camp) Notes(ctx context.Context, target schedule.Target) ([]schedule.NoteEntry, error) {
	q := `SELECT ` + noteColumns + noteFrom + `WHERE n.event_id = ? AND n.hidden = 0`
	args := []any{c.eventID}
	if target != (schedule.Target{}) {
		q += ` AND n.target_kind = ? AND n.target_id = ?`
		args = append(args, target.Kind, target.ID)
	}
	rows, err := c.db.reader.QueryContext(ctx, q+` ORDER BY n.id`, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var notes []schedule.NoteEntry
	for rows.Next() {
		n, err := scanNote(rows)
		if err != nil {
			return nil, err
		}
		notes = append(notes, n)
	}
	return notes, rows.Err()
}

// NoteHistory lists an entry's earlier texts, oldest first.
func (c *Camp) NoteHistory(ctx context.Context, id int64) ([]schedule.NoteRevision, error) {
	rows, err := c.db.reader.QueryContext(ctx, `SELECT r.revision, r.text, r.edited_at FROM note_revisions r JOIN notes n ON n.id = r.note_id
		WHERE r.note_id = ? AND n.event_id = ? ORDER BY r.revision`, id, c.eventID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var revs []schedule.NoteRevision
	for rows.Next() {
		var r schedule.NoteRevision
		var at int64
		if err := rows.Scan(&r.Revision, &r.Text, &at); err != nil {
			return nil, err
		}
		r.EditedAt = fromMS(at)
		revs = append(revs, r)
	}
	return revs, rows.Err()
}

const reportColumns = `r.id, r.target_kind, r.target_id, r.author_id, p.name, r.project, r.project_url, r.tool, r.tool_version, r.outcome, r.speedup, r.learnt, r.hidden, r.created_at`

func scanReport(row interface{ Scan(...any) error }) (schedule.Report, error) {
	var r schedule.Report
	var outcome string
	var created int64
	err := row.Scan(&r.ID, &r.Target.Kind, &r.Target.ID, &r.AuthorID, &r.Author, &r.Project, &r.ProjectURL, &r.Tool, &r.ToolVersion, &outcome, &r.Speedup, &r.Learnt, &r.Hidden, &created)
	r.Outcome, r.CreatedAt = schedule.Outcome(outcome), fromMS(created)
	return r, err
}

func (c *Camp) cleanReport(r schedule.ReportInput) (schedule.ReportInput, error) {
	l := c.ev.Limits
	var out schedule.ReportInput
	var err error
	if out.Project, err = cleanLine("project", r.Project, l.TitleMax, true); err != nil {
		return out, err
	}
	if out.ProjectURL, err = cleanLine("project URL", r.ProjectURL, l.URLMax, false); err != nil {
		return out, err
	}
	if out.ProjectURL != "" {
		if err := checkURL(out.ProjectURL); err != nil {
			return out, err
		}
	}
	tools, err := c.cleanTools([]string{r.Tool})
	if err != nil {
		return out, err
	}
	if len(tools) == 0 {
		return out, schedule.Errorf(schedule.EINVALID, "which compiler tool? use one of the known tools")
	}
	out.Tool = tools[0]
	if out.ToolVersion, err = cleanLine("tool version", r.ToolVersion, 40, false); err != nil {
		return out, err
	}
	if out.Outcome, err = schedule.ParseOutcome(string(r.Outcome)); err != nil {
		return out, err
	}
	if math.IsNaN(r.Speedup) || r.Speedup < 0 || r.Speedup > 1e6 {
		return out, schedule.Errorf(schedule.EINVALID, "speed-up %v: give a factor such as 3.5, or leave it out", r.Speedup)
	}
	out.Speedup = r.Speedup
	out.Learnt, err = cleanText("what you learnt", r.Learnt, l.NoteMax, false)
	return out, err
}

// AddReport adds an experience report to a talk or topic.
func (c *Camp) AddReport(ctx context.Context, a schedule.Actor, target schedule.Target, in schedule.ReportInput) (schedule.Report, error) {
	r, err := c.cleanReport(in)
	if err != nil {
		return schedule.Report{}, err
	}
	var report schedule.Report
	err = c.write(ctx, a, func(t *tx) error {
		if err := t.authorize(schedule.PermContribute, 0); err != nil {
			return err
		}
		if err := t.checkTarget(target); err != nil {
			return err
		}
		res, err := t.exec(`INSERT INTO reports (event_id, target_kind, target_id, author_id, project, project_url, tool, tool_version, outcome, speedup, learnt, created_at)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
			c.eventID, target.Kind, target.ID, t.me.ID, r.Project, r.ProjectURL, r.Tool, r.ToolVersion, r.Outcome, r.Speedup, r.Learnt, t.now.UnixMilli())
		if err != nil {
			return err
		}
		id, _ := res.LastInsertId()
		if report, err = scanReport(t.QueryRowContext(t.ctx, `SELECT `+reportColumns+` FROM reports r JOIN people p ON p.id = r.author_id WHERE r.id = ?`, id)); err != nil {
			return err
		}
		t.changed(schedule.ChangeNotes, id)
		return t.audit("add_report", "report:"+itoa(id), targetString(target))
	})
	return report, err
}

// Reports lists the visible reports of a target, or of the whole camp for
// the zero Target.
func (c *Camp) Reports(ctx context.Context, target schedule.Target) ([]schedule.Report, error) {
	q := `SELECT ` + reportColumns + ` FROM reports r JOIN people p ON p.id = r.author_id WHERE r.event_id = ? AND r.hidden = 0`
	args := []any{c.eventID}
	if target != (schedule.Target{}) {
		q += ` AND r.target_kind = ? AND r.target_id = ?`
		args = append(args, target.Kind, target.ID)
	}
	rows, err := c.db.reader.QueryContext(ctx, q+` ORDER BY r.id`, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var reports []schedule.Report
	for rows.Next() {
		r, err := scanReport(rows)
		if err != nil {
			return nil, err
		}
		reports = append(reports, r)
	}
	return reports, rows.Err()
}

package tuitest

import (
	"cmp"
	"context"
	"strings"

	"github.com/lightningcamp/camp/schedule"
)

// AddNote adds an entry to a talk's or topic's notes.
func (f *Fake) AddNote(_ context.Context, a schedule.Actor, t schedule.Target, text string) (schedule.NoteEntry, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	who, err := f.authorize(a, schedule.PermContribute, 0)
	if err != nil {
		return schedule.NoteEntry{}, err
	}
	if strings.TrimSpace(text) == "" {
		return schedule.NoteEntry{}, schedule.Errorf(schedule.EINVALID, "a note needs some text")
	}
	n := &schedule.NoteEntry{ID: f.id(), Target: t, AuthorID: who.ID, Author: who.Name, Text: text, Revision: 1, CreatedAt: f.now(), UpdatedAt: f.now()}
	f.notes[n.ID] = n
	f.hub.publish(schedule.ChangeNotes, n.ID)
	return *n, nil
}

// EditNote replaces a note's text, unless it moved on since revision base:
// then nothing is written and the *schedule.StaleEdit carries the current
// entry.
func (f *Fake) EditNote(_ context.Context, a schedule.Actor, id int64, base int, text string) (schedule.NoteEntry, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	n, ok := f.notes[id]
	if !ok {
		return schedule.NoteEntry{}, notFound("note", id)
	}
	if _, err := f.authorize(a, schedule.PermEditOwn, n.AuthorID); err != nil {
		return schedule.NoteEntry{}, err
	}
	if base != n.Revision {
		return schedule.NoteEntry{}, &schedule.StaleEdit{Base: base, Current: *n}
	}
	n.Text, n.Revision, n.UpdatedAt = text, n.Revision+1, f.now()
	f.hub.publish(schedule.ChangeNotes, id)
	return *n, nil
}

// HideNote hides or shows a note (moderation).
func (f *Fake) HideNote(_ context.Context, a schedule.Actor, id int64, hidden bool) (schedule.NoteEntry, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if _, err := f.authorize(a, schedule.PermOrganise, 0); err != nil {
		return schedule.NoteEntry{}, err
	}
	n, ok := f.notes[id]
	if !ok {
		return schedule.NoteEntry{}, notFound("note", id)
	}
	n.Hidden = hidden
	f.hub.publish(schedule.ChangeNotes, id)
	return *n, nil
}

// Notes lists a target's entries, oldest first, hidden ones included.
func (f *Fake) Notes(_ context.Context, t schedule.Target) ([]schedule.NoteEntry, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	return sorted(f.notes, func(n schedule.NoteEntry) bool { return n.Target == t },
		func(a, b schedule.NoteEntry) int { return cmp.Compare(a.ID, b.ID) }), nil
}

// AddReport adds an experience report.
func (f *Fake) AddReport(_ context.Context, a schedule.Actor, t schedule.Target, in schedule.ReportInput) (schedule.Report, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	who, err := f.authorize(a, schedule.PermContribute, 0)
	if err != nil {
		return schedule.Report{}, err
	}
	if _, err := schedule.ParseOutcome(string(in.Outcome)); err != nil {
		return schedule.Report{}, err
	}
	if !f.ev.HasTool(in.Tool) {
		return schedule.Report{}, schedule.Errorf(schedule.EINVALID, "unknown compiler tool %q", in.Tool)
	}
	r := &schedule.Report{ID: f.id(), Target: t, AuthorID: who.ID, Author: who.Name, Project: in.Project, ProjectURL: in.ProjectURL,
		Tool: in.Tool, ToolVersion: in.ToolVersion, Outcome: in.Outcome, Speedup: in.Speedup, Learnt: in.Learnt, CreatedAt: f.now()}
	f.reports[r.ID] = r
	f.hub.publish(schedule.ChangeNotes, r.ID)
	return *r, nil
}

// Reports lists a target's experience reports, oldest first.
func (f *Fake) Reports(_ context.Context, t schedule.Target) ([]schedule.Report, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	return sorted(f.reports, func(r schedule.Report) bool { return r.Target == t },
		func(a, b schedule.Report) int { return cmp.Compare(a.ID, b.ID) }), nil
}

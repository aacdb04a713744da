package tui

import (
	"errors"
	"strings"
	"testing"
	"time"

	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/lightningcamp/camp/schedule"
)

// stub satisfies every dependency; its methods panic if called, which the
// tests here never do. (The aliases give the embedded fields names other
// than the methods they carry, which would otherwise shadow them.)
type (
	peopleSvc   = People
	talksSvc    = Talks
	topicsSvc   = Topics
	notesSvc    = Notes
	timersSvc   = Timers
	announceSvc = Announcements
	feedSvc     = schedule.Feed
	stub        struct {
		peopleSvc
		talksSvc
		topicsSvc
		notesSvc
		timersSvc
		announceSvc
		feedSvc
	}
)

var t0 = time.Date(2026, 3, 28, 10, 2, 0, 0, time.UTC)

func stubModel(t *testing.T) *Model {
	t.Helper()
	ev, err := schedule.Parse(schedule.ExampleName, schedule.Example())
	if err != nil {
		t.Fatal(err)
	}
	s := stub{}
	return New(Deps{Event: ev, Clock: schedule.NewManualClock(t0), People: s, Talks: s, Topics: s, Notes: s, Timers: s,
		Announcements: s, Feed: s}, schedule.Actor{PersonID: 1, Role: schedule.RoleOrganiser}, Options{})
}

func TestTickOnlyWhenSomethingCountsDown(t *testing.T) {
	m := stubModel(t)
	m.current = viewTalks
	if m.keepTicking() != nil {
		t.Error("an idle Talks view ticks")
	}
	m.data.Timers = []schedule.Timer{{ID: 1, StartedAt: t0.Add(-time.Minute), Duration: 5 * time.Minute}}
	if m.keepTicking() == nil {
		t.Error("a running timer shown in the header does not tick")
	}
	if m.keepTicking() != nil {
		t.Error("a second tick was scheduled while one is pending")
	}
	m.ticking = false
	m.data.Timers[0].PausedAt = t0
	if m.keepTicking() != nil {
		t.Error("a paused timer ticks")
	}
	m.current = viewNow
	if m.keepTicking() == nil {
		t.Error("the Now view's clocks do not tick")
	}
}

func TestCountdownFormat(t *testing.T) {
	for _, c := range []struct {
		d    time.Duration
		want string
	}{
		{3 * time.Minute, "3:00"},
		{59*time.Second + 400*time.Millisecond, "1:00"}, // rounds up while time is left
		{400 * time.Millisecond, "0:01"},
		{0, "0:00"},
		{-12*time.Second - 300*time.Millisecond, "-0:12"},
		{time.Hour + 2*time.Minute + 5*time.Second, "1:02:05"},
	} {
		if got := countdown(c.d); got != c.want {
			t.Errorf("countdown(%s) = %q, want %q", c.d, got, c.want)
		}
	}
}

func TestCountdownStagesChangeWords(t *testing.T) {
	timer := schedule.Timer{StartedAt: t0, Duration: 5 * time.Minute}
	for _, c := range []struct {
		at        time.Duration
		stage     stage
		wantLabel string
	}{
		{2 * time.Minute, stageCalm, "3:00 left of 5:00"},
		{4 * time.Minute, stageLastMinute, "LAST MINUTE · 1:00 left"},
		{4*time.Minute + 31*time.Second, stageWrapUp, "WRAP UP NOW · 0:29 left"},
		{5*time.Minute + 12*time.Second, stageOverrun, "OVER TIME by 0:12"},
	} {
		now := t0.Add(c.at)
		if got := stageOf(timer, now); got != c.stage {
			t.Errorf("at +%s the stage is %d, want %d", c.at, got, c.stage)
		}
		if got := timerLabel(timer, now); got != c.wantLabel {
			t.Errorf("at +%s the label is %q, want %q", c.at, got, c.wantLabel)
		}
	}
	paused := timer
	paused.PausedAt = t0.Add(time.Minute)
	if got := timerLabel(paused, t0.Add(3*time.Minute)); got != "PAUSED · 4:00 left" {
		t.Errorf("paused label %q", got)
	}
	// Stages differ in their frame, not only in colour.
	st := newStyles(true)
	if st.timerBox(stageCalm).GetBorderStyle() == st.timerBox(stageLastMinute).GetBorderStyle() ||
		st.timerBox(stageLastMinute).GetBorderStyle() == st.timerBox(stageWrapUp).GetBorderStyle() {
		t.Error("countdown stages share a border")
	}
}

func TestPickerKeepsTheItemNotTheRow(t *testing.T) {
	var p picker
	p.sync([]int64{10, 20, 30})
	p.move([]int64{10, 20, 30}, 1)
	if p.id != 20 {
		t.Fatalf("cursor on %d, want 20", p.id)
	}
	p.sync([]int64{5, 30, 20, 10}) // something inserted, order changed
	if p.id != 20 || p.index != 2 {
		t.Errorf("after a reorder the cursor is on %d at %d, want 20 at 2", p.id, p.index)
	}
	p.sync([]int64{5, 30, 10}) // the item went: same row, next item
	if p.id != 10 || p.index != 2 {
		t.Errorf("after a removal the cursor is on %d at %d, want 10 at 2", p.id, p.index)
	}
	p.await([]int64{5, 30, 10}, 20) // an undo will bring 20 back
	p.sync([]int64{5, 20, 30, 10})
	if p.id != 20 {
		t.Errorf("the awaited item was not selected when it came back: %d", p.id)
	}
	p.sync(nil)
	if p.id != 0 || p.index != 0 {
		t.Errorf("empty list leaves %d at %d", p.id, p.index)
	}
}

func TestWindowKeepsTheCursorVisible(t *testing.T) {
	for _, c := range []struct{ total, cursor, rows, start, end int }{
		{5, 0, 10, 0, 5}, {100, 0, 10, 0, 10}, {100, 50, 10, 45, 55}, {100, 99, 10, 90, 100}, {0, 0, 10, 0, 0},
	} {
		start, end := window(c.total, c.cursor, c.rows)
		if start != c.start || end != c.end || (c.total > 0 && (c.cursor < start || c.cursor >= end)) {
			t.Errorf("window(%d, %d, %d) = %d, %d; want %d, %d", c.total, c.cursor, c.rows, start, end, c.start, c.end)
		}
	}
}

func TestNextQuarter(t *testing.T) {
	for in, want := range map[string]string{"2026-03": "2026-06", "2026-12": "2027-03", "2026-11": "2027-02", "summer": ""} {
		if got := nextQuarter(in); got != want {
			t.Errorf("nextQuarter(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestBigTextScales(t *testing.T) {
	small, big := bigText("-4:59", 1), bigText("-4:59", 2)
	if len(small) != 3 || len(big) != 6 {
		t.Fatalf("rows: %d and %d, want 3 and 6", len(small), len(big))
	}
	if w1, w2 := len([]rune(small[0])), len([]rune(big[0])); w2 != 2*w1 {
		t.Errorf("scaled width %d, want %d", w2, 2*w1)
	}
}

func TestColumnsKeepAGap(t *testing.T) {
	got := columns(30, []string{"Ada Organiser (you)", "organiser", "online"}, []int{10, 10, 10})
	if want := "Ada Orga… organiser online"; got != want {
		t.Errorf("columns = %q, want %q", got, want)
	}
}

func TestMarkdownStyleFollowsTheTerminal(t *testing.T) {
	m := stubModel(t)
	if got := m.markdownStyle(); got != "light" {
		t.Errorf("light background, unknown profile: %q", got)
	}
	m.st = newStyles(true)
	if got := m.markdownStyle(); got != "dark" {
		t.Errorf("dark background: %q", got)
	}
	m.profile = 2 // colorprofile.ASCII, as NO_COLOR gives
	if got := m.markdownStyle(); got != "notty" {
		t.Errorf("NO_COLOR: %q", got)
	}
}

// An error longer than the status line takes a second line instead of
// losing its end, which says why and what was kept; the frame keeps its
// height, the body giving up the line.
func TestALongErrorTakesTwoLines(t *testing.T) {
	m := stubModel(t)
	m.width, m.height = 80, 24
	m.fail(errors.New("you are muted by the organisers and cannot write for now; your draft is kept: it comes back when you open “Add a note to talk:3” again"))
	rows := strings.Split(m.render(), "\n")
	if len(rows) != 24 {
		t.Fatalf("the frame has %d lines; want 24", len(rows))
	}
	status := ansi.Strip(rows[21] + " " + rows[22])
	for _, want := range []string{"✗ error: you are muted", "your draft is kept", "talk:3” again"} {
		if !strings.Contains(status, want) {
			t.Errorf("the status lines %q do not say %q", status, want)
		}
	}
	for i, r := range rows {
		if w := lipgloss.Width(r); w > 80 {
			t.Errorf("line %d is %d cells wide", i+1, w)
		}
	}
	m.tell("ok")
	if rows := strings.Split(m.render(), "\n"); len(rows) != 24 || strings.Contains(rows[21], "✗") {
		t.Errorf("after the error the status is one line again:\n%s", strings.Join(rows, "\n"))
	}
}

// Only the view on screen follows each change (a crowd's sessions paid
// sessions x people for the People view's list on every announcement); a
// view finds its cursor again when it is shown.
func TestAHiddenViewFindsItsCursorWhenShown(t *testing.T) {
	m := stubModel(t)
	m.data.People = []schedule.Person{{ID: 1, Name: "Ada"}, {ID: 2, Name: "Priya"}, {ID: 3, Name: "Mei"}}
	m.show(viewPeople)
	m.peopleView.list.id = 3
	m.show(viewNow)
	m.data.People = m.data.People[:2] // Mei leaves the list while the Now view is shown
	m.syncSelections()
	if m.peopleView.list.id != 3 {
		t.Errorf("a change moved the cursor of the hidden People view to %d", m.peopleView.list.id)
	}
	m.show(viewPeople)
	if id := m.peopleView.list.id; id != 1 && id != 2 {
		t.Errorf("shown again, the People view's cursor is on person %d, who is not in the list", id)
	}
}

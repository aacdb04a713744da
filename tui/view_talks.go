package tui

import (
	"fmt"
	"strings"
	"time"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/lightningcamp/camp/schedule"
	"github.com/lightningcamp/camp/tui/live"
)

// talksView is the queue of one talks block with a detail pane.
type talksView struct {
	block  string
	filter int
	list   picker
	zoom   bool // the detail pane fills the view
	shown  talkRows
	search search // "/": titles and speakers

	talks  Talks  // the services it writes to: the queue and proposals,
	timers Timers // and the live talk's timer
	desk   talksDesk
	stars  Stars // the viewer's agenda (*); nil: no stars
}

// talksDesk is what the Talks view may do beyond its own state: the writes
// every view makes; showing a change ahead of the write that makes it (a
// new status, a swap in the queue), so that three quick presses move a talk
// three places; and an abstract's Markdown, rendered off the event loop by
// the session (plain text until the render arrives).
type talksDesk interface {
	writes
	showAhead(change func(*live.Snapshot)) tea.Cmd
	renderMarkdown(text string, width int) string
}

// talkRows keeps the rows last worked out, with what they were worked out
// from: the talks (by the snapshot's version of them), the block and the
// filter. A frame asks for the rows several times, and copying hundreds of
// talks each time was most of the cost of drawing the view.
type talkRows struct {
	version uint64
	block   string
	filter  int
	query   string
	rows    []schedule.Talk
}

// talkFilter is one of the list's filters, cycled with '/'.
type talkFilter struct {
	name string
	keep func(l *look, t schedule.Talk) bool
}

func statusIn(ss ...schedule.TalkStatus) func(*look, schedule.Talk) bool {
	return func(_ *look, t schedule.Talk) bool {
		for _, s := range ss {
			if t.Status == s {
				return true
			}
		}
		return false
	}
}

func (l *look) mine(t schedule.Talk) bool {
	return l.actor.PersonID != 0 && t.SpeakerID == l.actor.PersonID
}

var (
	inQueue = statusIn(schedule.TalkProposed, schedule.TalkApproved, schedule.TalkLive, schedule.TalkDone, schedule.TalkSkipped)
	public  = statusIn(schedule.TalkApproved, schedule.TalkLive, schedule.TalkDone, schedule.TalkSkipped)

	organiserFilters = []talkFilter{
		{"queue", inQueue},
		{"proposed", statusIn(schedule.TalkProposed)},
		{"approved", statusIn(schedule.TalkApproved, schedule.TalkLive)},
		{"done", statusIn(schedule.TalkDone, schedule.TalkSkipped)},
		{"all", func(*look, schedule.Talk) bool { return true }},
	}
	// Attendees see the public queue and their own proposals, whatever
	// became of them.
	attendeeFilters = []talkFilter{
		{"queue", func(l *look, t schedule.Talk) bool { return public(l, t) || l.mine(t) }},
		{"mine", func(l *look, t schedule.Talk) bool { return l.mine(t) }},
	}
)

func (v *talksView) filters(l *look) []talkFilter {
	if l.isOrganiser() {
		return organiserFilters
	}
	return attendeeFilters
}

// rows are the talks of the selected block that pass the filter. The list
// is shared: callers read it and never change it.
func (v *talksView) rows(l *look) []schedule.Talk {
	version := l.data.Version(live.Talks)
	c := &v.shown
	if c.version == version && c.block == v.block && c.filter == v.filter && c.query == v.search.query && version != 0 {
		return c.rows
	}
	f := v.filters(l)[v.filter%len(v.filters(l))]
	var out []schedule.Talk
	for _, t := range l.data.Talks {
		if t.Block == v.block && f.keep(l, t) && v.search.matches(t.Title, t.Speaker) {
			out = append(out, t)
		}
	}
	*c = talkRows{version: version, block: v.block, filter: v.filter, query: v.search.query, rows: out}
	return out
}

// shownBlock is the talks block the view shows.
func (v *talksView) shownBlock() string { return v.block }

func talkIDs(ts []schedule.Talk) []int64 {
	ids := make([]int64, len(ts))
	for i, t := range ts {
		ids[i] = t.ID
	}
	return ids
}

func (v *talksView) selected(l *look) (schedule.Talk, bool) {
	return l.data.Talk(v.list.id)
}

func (*talksView) title() string { return "Talks" }

// sync keeps the cursor on its talk. Before the first choice it starts on
// the live talk, else the first approved one: what the organiser acts on next.
func (v *talksView) sync(l *look) tea.Cmd {
	rows := v.rows(l)
	if v.list.id == 0 {
		v.list.id = firstWith(rows, schedule.TalkLive, schedule.TalkApproved)
	}
	v.list.sync(talkIDs(rows))
	return nil
}

// firstWith returns the first talk with the first of statuses that any has.
func firstWith(rows []schedule.Talk, statuses ...schedule.TalkStatus) int64 {
	for _, st := range statuses {
		for _, t := range rows {
			if t.Status == st {
				return t.ID
			}
		}
	}
	return 0
}

func (v *talksView) shortKeys(l *look) []key.Binding { return v.keysForCursor(l) }

func (v *talksView) fullKeys(l *look) [][]key.Binding {
	k := l.keys
	return [][]key.Binding{
		{k.Up, k.Down, k.Select, k.Search, k.Filter, k.PrevBlock, k.NextBlock},
		{k.Approve, withHelp(k.Approve, "a", "(skipped) back in queue"), k.ApproveAll, k.Reject, k.Undo, k.MoveUp, k.MoveDown},
		{k.Start, k.Finish, k.Skip, k.Extend, k.Pause, k.Later, k.NextCamp},
		{k.New, k.Edit, k.Withdraw, k.Star},
	}
}

func (v *talksView) render(l *look, w, h int) string {
	rows := v.rows(l)
	head := v.header(l, rows, w)
	bodyH := h - height(head)
	if v.zoom {
		return stack(head, v.detail(l, w, bodyH))
	}
	if w >= 120 {
		listW := w / 2
		return stack(head, sideBySide(v.listPane(l, rows, listW, bodyH), listW, v.detail(l, w-listW-2, bodyH), 2))
	}
	listH := min(max(len(rows), 1), max(bodyH/2, 3))
	return stack(head, v.listPane(l, rows, w, listH), v.detail(l, w, bodyH-listH))
}

// header names the block and filter, and for organisers how full the block is.
func (v *talksView) header(l *look, rows []schedule.Talk, w int) string {
	b, _ := l.ev.Block(v.block)
	f := v.filters(l)[v.filter%len(v.filters(l))]
	head := l.heading(fmt.Sprintf("%s · %s · filter: %s · %s", b.Title, spanIn(b.Start, b.End, l.zone), f.name, plural(len(rows), "talk")), w)
	head = stack(head, v.search.line(l, w))
	if !l.isOrganiser() {
		return head
	}
	n, planned := 0, time.Duration(0)
	for t := range l.data.Queue(v.block) {
		if t.Status == schedule.TalkApproved || t.Status == schedule.TalkLive || t.Status == schedule.TalkDone {
			n++
			planned += time.Duration(l.talkMinutes(t.Minutes))*time.Minute + l.ev.Talks.Changeover
		}
	}
	fill := fmt.Sprintf("%s planned: %s of %s", plural(n, "talk"), minutes(planned), minutes(b.Duration()))
	if planned > b.Duration() {
		fill += " · OVER by " + minutes(planned-b.Duration())
	}
	return head + "\n" + l.st.faint.Render(truncate(fill, w))
}

func (v *talksView) listPane(l *look, rows []schedule.Talk, w, h int) string {
	if len(rows) == 0 {
		return l.st.faint.Render(fmt.Sprintf("no talks here; %s changes the filter, %s searches, [ ] the block", l.keys.Filter.Help().Key, l.keys.Search.Help().Key))
	}
	return l.renderList(len(rows), v.list.index, h, w, true, func(i, width int) string {
		return v.talkRow(l, rows[i], width)
	})
}

func (v *talksView) talkRow(l *look, t schedule.Talk, w int) string {
	who := t.Speaker
	if l.mine(t) {
		who += " (you)"
	}
	title := l.starPrefix(schedule.Target{Kind: "talk", ID: t.ID}) + t.Title
	return columns(w, []string{queueNumber(t), statusWord(t.Status), fmt.Sprintf("%dm", l.talkMinutes(t.Minutes)), who, title},
		[]int{4, 11, 4, 18, w})
}

// queueNumber is the talk's place in its block's queue; a store may leave
// talks outside the queue (proposals) unnumbered.
func queueNumber(t schedule.Talk) string {
	if t.Position <= 0 {
		return "·"
	}
	return fmt.Sprintf("#%d", t.Position)
}

// statusWord says a talk's state in words, with a marker for the states
// that matter on the day.
func statusWord(s schedule.TalkStatus) string {
	switch s {
	case schedule.TalkLive:
		return "▶ LIVE"
	case schedule.TalkDone:
		return "✓ done"
	case schedule.TalkSkipped:
		return "↷ skipped"
	case schedule.TalkRejected:
		return "✗ rejected"
	}
	return string(s)
}

// detail shows everything about the selected talk, the abstract as Markdown.
func (v *talksView) detail(l *look, w, h int) string {
	t, ok := v.selected(l)
	if !ok || h <= 0 {
		return ""
	}
	facts := []string{
		l.heading(t.Title, w),
		fmt.Sprintf("%s · %d min · %s%s", t.Speaker, l.talkMinutes(t.Minutes), statusWord(t.Status), v.queuePlace(l, t)),
	}
	if a := t.EditedAfterApproval; a != nil {
		facts = append(facts, fmt.Sprintf("Edited after approval (%s): approved as “%s”, %d min; approve again to accept",
			strings.Join(a.Changed, ", "), a.Title, l.talkMinutes(a.Minutes)))
	}
	if len(t.CanMake) > 0 {
		facts = append(facts, "Can make: "+v.blockTitles(l, t.CanMake))
	}
	for _, f := range []struct {
		label string
		xs    []string
	}{{"Tools", t.Tools}, {"Links", t.Links}, {"Tags", t.Tags}} {
		if len(f.xs) > 0 {
			facts = append(facts, f.label+": "+strings.Join(f.xs, ", "))
		}
	}
	for i, f := range facts {
		facts[i] = truncate(f, w)
	}
	text := stack(strings.Join(facts, "\n"), v.desk.renderMarkdown(t.Abstract, w))
	return crop(text, h)
}

// queuePlace says where an approved talk stands, by the same number as the
// list ("#4"), whether it is next, and when it should start.
func (v *talksView) queuePlace(l *look, t schedule.Talk) string {
	if t.Status != schedule.TalkApproved {
		return ""
	}
	place := " · " + queueNumber(t) + " in the queue"
	for q := range l.data.Queue(t.Block) {
		if q.Status == schedule.TalkApproved {
			if q.ID == t.ID {
				place += ", next"
			}
			break
		}
	}
	if at, ok := l.expectedStarts(t.Block)[t.ID]; ok {
		place += " · ~" + at.In(l.zone).Format("15:04")
	}
	return place
}

func (v *talksView) blockTitles(l *look, ids []string) string {
	titles := make([]string, 0, len(ids))
	for _, id := range ids {
		if b, ok := l.ev.Block(id); ok {
			titles = append(titles, b.Title)
		}
	}
	return strings.Join(titles, ", ")
}

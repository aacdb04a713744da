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

// nowView is the wall display: clocks, the current and next block, the live
// talk's countdown, who is next, the open-space rooms and who is here. It
// has no cursor.
type nowView struct{}

func (*nowView) title() string       { return "Now" }
func (*nowView) sync(*Model) tea.Cmd { return nil }

// The Now view is a display; the organiser watching the countdown can give
// the speaker another minute or end the talk without leaving it.
func (*nowView) handleKey(m *Model, k tea.KeyPressMsg) (tea.Cmd, bool) {
	switch {
	case key.Matches(k, m.keys.Extend):
		return m.extendLiveTalk(), true
	case key.Matches(k, m.keys.Finish):
		return m.talksView.finish(m), true
	}
	return nil, false
}

func (*nowView) shortKeys(m *Model) []key.Binding { return []key.Binding{m.keys.Extend, m.keys.Finish} }

func (v *nowView) fullKeys(m *Model) [][]key.Binding { return [][]key.Binding{v.shortKeys(m)} }

// render stacks the sections on small screens and uses two columns on wide
// ones. When the height runs out, the least essential sections go first.
func (*nowView) render(m *Model, w, h int) string {
	if w >= 120 {
		return m.nowWide(w, h)
	}
	// The sections are joined once, at the end: this is the frame every
	// attendee draws every second.
	var parts []string
	used := 0
	add := func(b string) {
		if b != "" {
			parts = append(parts, b)
			used += height(b)
		}
	}
	for _, b := range []string{m.clocks(w), m.blocksNowNext(w), m.livePanel(w, 1), m.upNext(w, 2)} {
		add(b)
	}
	rooms := len(m.deps.Event.Tracks)
	room := h - used - 1 // keep a line for who is here
	add(m.openSpaceNow(w, room >= rooms+1, false))
	if used < h {
		add(m.connected(w, false))
	}
	return strings.Join(parts, "\n")
}

// nowWide fills a large screen: the countdown doubles in size, and the rest
// of the day, the rooms, the people here and the announcements get room.
func (m *Model) nowWide(w, h int) string {
	leftW := w * 11 / 20
	rightW := w - leftW - 2
	scale := 1
	if h >= 36 {
		scale = 2
	}
	left := paragraphs(m.clocks(leftW)+"\n"+m.blocksNowNext(leftW), m.livePanel(leftW, scale), m.upNext(leftW, 4))
	left = paragraphs(left, m.dayAhead(leftW, h-height(left)-2))
	right := paragraphs(m.openSpaceNow(rightW, true, true), m.connected(rightW, true))
	right = paragraphs(right, m.recentAnnouncements(rightW, h-height(right)-1))
	return sideBySide(left, leftW, right, 2)
}

// dayAhead lists the blocks still to start today, each in every display
// zone, so the three regions read their own times.
func (m *Model) dayAhead(w, n int) string {
	if n < 2 {
		return ""
	}
	rows := []string{m.heading("Later today", w)}
	for _, b := range m.deps.Event.Blocks {
		if !b.Start.After(m.now) {
			continue
		}
		if len(rows) >= n {
			break
		}
		var times []string
		for _, z := range m.deps.Event.DisplayZones {
			times = append(times, clockIn(b.Start, z))
		}
		rows = append(rows, truncate(strings.Join(times, " · ")+"  "+b.Title, w))
	}
	if len(rows) == 1 {
		return ""
	}
	return strings.Join(rows, "\n")
}

// clocks shows the time in every display zone, and the viewer's own zone
// (marked "you") whether or not it is one of them.
func (m *Model) clocks(w int) string {
	var parts []string
	mine := false
	for _, z := range m.deps.Event.DisplayZones {
		s := zoneCity(z) + " " + clockIn(m.now, z)
		if z.String() == m.zone.String() {
			s, mine = s+" (you)", true
		}
		parts = append(parts, s)
	}
	if !mine {
		parts = append(parts, "you: "+zoneCity(m.zone)+" "+clockIn(m.now, m.zone))
	}
	return wrap(m.st.bold.Render(strings.Join(parts, " · ")), w)
}

// blocksNowNext names the block(s) under way and the next one with a
// countdown to its start.
func (m *Model) blocksNowNext(w int) string {
	var rows []string
	for _, b := range m.deps.Event.Current(m.now) {
		rows = append(rows, truncate(fmt.Sprintf("%s %s · %s%s · ends in %s",
			m.st.section.Render("Now "), b.Title, spanIn(b.Start, b.End, m.zone), m.roomSuffix(b), countdown(b.End.Sub(m.now))), w))
	}
	if len(rows) == 0 {
		rows = append(rows, m.st.section.Render("Now ")+" "+m.st.faint.Render("nothing scheduled"))
	}
	if b, ok := m.deps.Event.Next(m.now); ok {
		rows = append(rows, truncate(fmt.Sprintf("%s %s · %s%s · in %s",
			m.st.section.Render("Next"), b.Title, clockIn(b.Start, m.zone), m.roomSuffix(b), countdown(b.Start.Sub(m.now))), w))
	} else {
		rows = append(rows, m.st.section.Render("Next")+" "+m.st.faint.Render("the camp is over for today"))
	}
	return strings.Join(rows, "\n")
}

func (m *Model) roomSuffix(b schedule.Block) string {
	if r, ok := m.deps.Event.Room(b.Room); ok {
		return " · " + r.Name
	}
	return ""
}

// mainTimer is the countdown the whole camp watches: the live talk's, or
// else the newest running timer (a slot or a break).
func (m *Model) mainTimer() (schedule.Timer, string, bool) {
	if t, ok := m.data.LiveTalk(); ok {
		if tm, ok := m.data.TimerFor(live.TalkRef(t.ID)); ok {
			return tm, "LIVE", true
		}
	}
	for _, t := range m.data.Timers {
		if t.StoppedAt.IsZero() {
			return t, cmpOr(line(t.Label), string(t.Kind)), true
		}
	}
	return schedule.Timer{}, "", false
}

// livePanel is the speaker and title over the big countdown.
func (m *Model) livePanel(w, scale int) string {
	talk, live := m.data.LiveTalk()
	t, label, ok := m.mainTimer()
	switch {
	case live && ok:
		return m.timerPanel("▶ LIVE  "+talk.Speaker+" — "+talk.Title, t, w, scale)
	case live:
		return m.st.live.Render("▶ LIVE  ") + truncate(talk.Speaker+" — "+talk.Title, w-8)
	case ok:
		return m.timerPanel("⏱ "+label, t, w, scale)
	}
	return m.st.faint.Render("No talk is live.")
}

// upNext lists the next n approved talks with when they should start.
func (m *Model) upNext(w, n int) string {
	blockID := m.talksView.block
	if talk, ok := m.data.LiveTalk(); ok {
		blockID = talk.Block
	}
	starts := m.expectedStarts(blockID)
	rows := []string{m.heading("Up next", w)}
	for t := range m.data.Queue(blockID) {
		if t.Status != schedule.TalkApproved {
			continue
		}
		if len(rows) > n {
			break
		}
		rows = append(rows, truncate(fmt.Sprintf("~%s  %s — %s (%d min)", starts[t.ID].In(m.zone).Format("15:04"), t.Speaker, t.Title, m.talkMinutes(t.Minutes)), w))
	}
	if len(rows) == 1 {
		rows = append(rows, m.st.faint.Render("no approved talks waiting"))
	}
	return strings.Join(rows, "\n")
}

// talkMinutes is a talk's length: its own, or the event's default.
func (m *Model) talkMinutes(minutes int) int {
	if minutes > 0 {
		return minutes
	}
	return int(m.deps.Event.Talks.Length / time.Minute)
}

// connected says how many people are here now and, on large screens, who.
func (m *Model) connected(w int, names bool) string {
	attendees, organisers := 0, 0
	var who []string
	for _, p := range m.data.People {
		if !m.data.Online[p.ID] {
			continue
		}
		if p.Role == schedule.RoleOrganiser {
			organisers++
		} else {
			attendees++
		}
		if names {
			who = append(who, cmpOr(p.Name, "(no name yet)"))
		}
	}
	head := fmt.Sprintf("%s %s and %s connected", m.st.section.Render("Here"), plural(attendees, "attendee"), plural(organisers, "organiser"))
	if !names || len(who) == 0 {
		return truncate(head, w)
	}
	return stack(truncate(head, w), wrap(strings.Join(who, ", "), w))
}

// recentAnnouncements lists the latest announcements in full, newest first.
func (m *Model) recentAnnouncements(w, h int) string {
	rows := []string{m.heading("Announcements", w)}
	for _, a := range m.data.Announcements {
		entry := m.st.faint.Render(a.CreatedAt.In(m.zone).Format("15:04")+" "+a.Author+":") + " " + a.Text
		rows = append(rows, wrap(entry, w))
		if height(strings.Join(rows, "\n")) >= h {
			break
		}
	}
	if len(rows) == 1 {
		rows = append(rows, m.st.faint.Render("none yet"))
	}
	return strings.Join(rows, "\n")
}

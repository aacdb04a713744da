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
type nowView struct {
	rooms   lastDraw      // the open-space rooms, kept between frames
	talks   talkDesk      // the live talk's controls, and which block is shown
	timers  timerControls // pause, resume, extend and stop the countdown shown
	speaker speakerView   // the speaker view, S (view_speaker.go)
	join    lastDraw      // the join line, styled
	queue   lastDraw      // the talks up next
}

// talkDesk is what the Now view asks of the talks beyond the snapshot: the
// writes its keys make (the organiser watching the countdown gives the
// speaker another minute or ends the talk), and which talks block the Talks
// view shows, for "up next" when no talk is live.
type talkDesk interface {
	extendLiveTalk(l *look) tea.Cmd
	finish(l *look) tea.Cmd
	startNext(l *look) tea.Cmd
	shownBlock() string
}

func (*nowView) title() string          { return "Now" }
func (v *nowView) sync(l *look) tea.Cmd { v.speaker.sync(l); return nil }

// The Now view is a display; the organiser watching the countdown can give
// the speaker another minute, pause it, end the talk, stop a slot timer or
// start the next talk without leaving it. S opens the speaker view, a asks
// the live speaker a question.
func (v *nowView) handleKey(l *look, w writes, k tea.KeyPressMsg) (tea.Cmd, bool) {
	if v.speaker.on {
		if cmd, used := v.speaker.handleKey(l, k); used {
			return cmd, true
		}
	}
	_, live := l.data.LiveTalk()
	switch {
	case key.Matches(k, l.keys.Speaker):
		v.speaker.on = true
		v.speaker.sync(l)
		return nil, true
	case key.Matches(k, l.keys.Ask):
		return v.speaker.askForm(l), true
	case key.Matches(k, l.keys.Extend) && live:
		return v.talks.extendLiveTalk(l), true
	case key.Matches(k, l.keys.Extend):
		return v.timers.extend(l, w), true
	case key.Matches(k, l.keys.Finish, l.keys.StopTimer) && live:
		return v.talks.finish(l), true
	case key.Matches(k, l.keys.Finish, l.keys.StopTimer):
		return v.timers.stop(l, w), true // a slot or break timer
	case key.Matches(k, l.keys.Pause):
		return v.timers.pauseOrResume(l, w), true
	case key.Matches(k, l.keys.StartNext):
		return v.talks.startNext(l), true
	}
	return nil, false
}

// shortKeys are the keys for what is on: the live talk's, a running
// timer's, or else starting the next talk; and the speaker view.
func (v *nowView) shortKeys(l *look) []key.Binding {
	k := l.keys
	if v.speaker.on {
		return append(v.speaker.keys(l), k.Extend, k.Finish)
	}
	if !l.isOrganiser() {
		return []key.Binding{k.Speaker, k.Ask}
	}
	if _, live := l.data.LiveTalk(); live {
		return []key.Binding{k.Extend, k.Pause, k.Finish, k.Speaker} // a (ask) is under ?
	}
	if _, _, ok := l.mainTimer(); ok {
		return []key.Binding{k.Extend, k.Pause, k.StopTimer}
	}
	return []key.Binding{k.StartNext}
}

func (v *nowView) fullKeys(l *look) [][]key.Binding {
	k := l.keys
	if v.speaker.on {
		return [][]key.Binding{v.shortKeys(l)}
	}
	return [][]key.Binding{{k.StartNext, k.Extend, k.Pause, k.Finish, k.StopTimer}, {k.Speaker, k.Ask}}
}

// render stacks the sections on small screens and uses two columns on wide
// ones. When the height runs out, the least essential sections go first.
func (v *nowView) render(l *look, w, h int) string {
	return strings.Join(v.renderParts(l, w, h), "\n")
}

// renderParts is render's sections, each a block of lines, not yet joined:
// this is the frame every attendee draws every second, and the model puts
// the parts straight into its frame (Model.render) rather than join them
// here and split them there.
func (v *nowView) renderParts(l *look, w, h int) []string {
	if v.speaker.on {
		return []string{v.speaker.render(l, w, h)}
	}
	if w >= 120 {
		return []string{v.nowWide(l, w, h)}
	}
	parts := make([]string, 0, 8)
	used := 0
	add := func(b string) {
		if b != "" {
			parts = append(parts, b)
			used += height(b)
		}
	}
	for _, b := range []string{v.clocks(l, w), v.blocksNowNext(l, w), v.livePanel(l, w, 1), v.upNext(l, w, 2)} {
		add(b)
	}
	rooms := len(l.ev.Tracks)
	room := h - used - 1 // keep a line for who is here
	add(v.openSpaceNow(l, w, room >= rooms+2, false))
	if used < h {
		add(v.joinLine(l, w))
	}
	if used < h {
		add(v.connected(l, w, false))
	}
	return parts
}

// nowWide fills a large screen: the countdown doubles in size, and the rest
// of the day, the rooms, the people here and the announcements get room.
func (v *nowView) nowWide(l *look, w, h int) string {
	leftW := w * 11 / 20
	rightW := w - leftW - 2
	scale := 1
	if h >= 36 {
		scale = 2
	}
	left := paragraphs(v.clocks(l, leftW)+"\n"+v.blocksNowNext(l, leftW), v.livePanel(l, leftW, scale), v.upNext(l, leftW, 4))
	left = paragraphs(left, v.dayAhead(l, leftW, h-height(left)-2))
	right := paragraphs(stack(v.openSpaceNow(l, rightW, true, true), v.joinLine(l, rightW)), v.connected(l, rightW, true))
	right = paragraphs(right, v.recentAnnouncements(l, rightW, h-height(right)-1))
	return sideBySide(left, leftW, right, 2)
}

// dayAhead lists the blocks still to start today, each in every display
// zone, so the three regions read their own times.
func (v *nowView) dayAhead(l *look, w, n int) string {
	if n < 2 {
		return ""
	}
	rows := []string{l.heading("Later today", w)}
	for _, b := range l.ev.Blocks {
		if !b.Start.After(l.now) {
			continue
		}
		if len(rows) >= n {
			break
		}
		var times []string
		for _, z := range l.ev.DisplayZones {
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
// (marked "you") whether or not it is one of them, on one line: a zone of
// the viewer's own comes first, and display zones that do not fit the
// width are left out rather than wrapped (a Tokyo attendee at 80 columns).
//
// Every session in one zone shows the same line for a minute: one draws it,
// the others copy it (nowParts).
func (v *nowView) clocks(l *look, w int) string {
	key := fmt.Sprintf("clocks\x00%p %s %d %d %t", l.ev, l.zone, l.now.Unix()/60, w, l.st.dark)
	return nowParts.get(key, func() string { return v.drawClocks(l, w) })
}

func (v *nowView) drawClocks(l *look, w int) string {
	var parts []string
	mine := false
	for _, z := range l.ev.DisplayZones {
		s := zoneCity(z) + " " + clockIn(l.now, z)
		if z.String() == l.zone.String() {
			s, mine = s+" (you)", true
		}
		parts = append(parts, s)
	}
	if !mine {
		parts = append([]string{zoneCity(l.zone) + " " + clockIn(l.now, l.zone) + " (you)"}, parts...)
	}
	line := parts[0]
	for _, p := range parts[1:] {
		if cellWidth(line+" · "+p) > w {
			break
		}
		line += " · " + p
	}
	return truncate(l.st.bold.Render(line), w)
}

// blocksNowNext names the block(s) under way and the next one with a
// countdown to its start. It changes every second, alike for every session
// in one zone (block times are whole seconds, so any moment of a second
// reads the same countdowns).
func (v *nowView) blocksNowNext(l *look, w int) string {
	key := fmt.Sprintf("blocks\x00%p %s %d %d %t", l.ev, l.zone, l.now.Unix(), w, l.st.dark)
	return nowParts.get(key, func() string { return v.drawBlocksNowNext(l, w) })
}

func (v *nowView) drawBlocksNowNext(l *look, w int) string {
	var rows []string
	for _, b := range l.ev.Current(l.now) {
		rows = append(rows, truncate(fmt.Sprintf("%s %s · %s%s · ends in %s",
			l.st.section.Render("Now "), b.Title, spanIn(b.Start, b.End, l.zone), v.roomSuffix(l, b), countdown(b.End.Sub(l.now))), w))
	}
	if len(rows) == 0 {
		rows = append(rows, l.st.section.Render("Now ")+" "+l.st.faint.Render("nothing scheduled"))
	}
	if b, ok := l.ev.Next(l.now); ok && b.Start.Sub(l.now) >= 12*time.Hour { // days ahead: a date, not 191:30:00
		rows = append(rows, truncate(fmt.Sprintf("%s %s · %s %s%s",
			l.st.section.Render("Next"), b.Title, b.Start.In(l.zone).Format("Mon 2 Jan"), clockIn(b.Start, l.zone), v.roomSuffix(l, b)), w))
	} else if ok {
		rows = append(rows, truncate(fmt.Sprintf("%s %s · %s%s · in %s",
			l.st.section.Render("Next"), b.Title, clockIn(b.Start, l.zone), v.roomSuffix(l, b), countdown(b.Start.Sub(l.now))), w))
	} else {
		rows = append(rows, l.st.section.Render("Next")+" "+l.st.faint.Render("the camp of "+l.ev.Start().In(l.zone).Format("Monday 2 January")+" is over"))
	}
	return strings.Join(rows, "\n")
}

func (v *nowView) roomSuffix(l *look, b schedule.Block) string {
	if r, ok := l.ev.Room(b.Room); ok {
		return " · " + r.Name
	}
	return ""
}

// livePanel is the speaker and title over the big countdown.
func (v *nowView) livePanel(l *look, w, scale int) string {
	talk, live := l.data.LiveTalk()
	t, label, ok := l.mainTimer()
	switch {
	case live && ok:
		return l.timerPanel("▶ LIVE  "+l.talkStar(talk.ID)+talk.Speaker+" — "+talk.Title, t, w, scale)
	case live:
		return l.st.live.Render("▶ LIVE  ") + truncate(l.talkStar(talk.ID)+talk.Speaker+" — "+talk.Title, w-8)
	case ok:
		return l.timerPanel("⏱ "+label, t, w, scale)
	}
	return l.st.faint.Render("No talk is live.")
}

// upNext lists the next n approved talks with when they should start:
// talks left over from earlier blocks first (marked, so they are neither
// forgotten nor mistaken for the block's own), then the block's queue.
// The block is the live talk's, else the talks block under way or next.
//
// It is kept between frames while what it shows cannot have changed: the
// talks, stars and timers (shared reads, replaced on a change), and the
// minute (blocks and expected starts move by whole minutes while the live
// talk's timer runs; while it is paused they move every second).
func (v *nowView) upNext(l *look, w, n int) string {
	moment := l.now.Unix() / 60
	if t, ok := l.liveTalkTimer(); ok && t.State(l.now) == schedule.TimerPaused {
		moment = l.now.Unix()
	}
	key := fmt.Sprintf("%p %d %p %p %d %d %d %d %s %t", l.data.Talks, len(l.data.Talks), l.data.MyStars,
		l.data.Timers, len(l.data.Timers), moment, w, n, l.zone, l.st.dark)
	return v.queue.get(key, func() string { return v.drawUpNext(l, w, n) })
}

func (v *nowView) drawUpNext(l *look, w, n int) string {
	blockID := l.defaultTalksBlock()
	if talk, ok := l.data.LiveTalk(); ok {
		blockID = talk.Block
	}
	rows := []string{l.heading("Up next", w)}
	for _, t := range l.leftOver(blockID) {
		if len(rows) > n {
			break
		}
		b, _ := l.ev.Block(t.Block)
		rows = append(rows, truncate(fmt.Sprintf("left   %s — %s (%d min) · left over from %s", t.Speaker, t.Title, l.talkMinutes(t.Minutes), b.Title), w))
	}
	starts := l.expectedStarts(blockID)
	for t := range l.data.Queue(blockID) {
		if t.Status != schedule.TalkApproved {
			continue
		}
		if len(rows) > n {
			break
		}
		rows = append(rows, truncate(fmt.Sprintf("~%s  %s%s — %s (%d min)", starts[t.ID].In(l.zone).Format("15:04"), l.talkStar(t.ID), t.Speaker, t.Title, l.talkMinutes(t.Minutes)), w))
	}
	if len(rows) == 1 {
		rows = append(rows, l.st.faint.Render("no approved talks waiting"))
	}
	return strings.Join(rows, "\n")
}

// connected says how many people are here now and, on large screens, who.
// Every session counts the same people (the list and who is online are
// shared reads, replaced on a change, never changed in place), so the
// count is made once per change, not once per session per second.
func (v *nowView) connected(l *look, w int, names bool) string {
	if names {
		return v.drawConnected(l, w, true)
	}
	key := fmt.Sprintf("here\x00%p %d %p %d %t", l.data.People, len(l.data.People), l.data.Online, w, l.st.dark)
	return nowParts.get(key, func() string { return v.drawConnected(l, w, false) })
}

func (v *nowView) drawConnected(l *look, w int, names bool) string {
	attendees, organisers := 0, 0
	var who []string
	for _, p := range l.data.People {
		if !l.data.Online[p.ID] {
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
	head := fmt.Sprintf("%s %s and %s connected", l.st.section.Render("Here"), plural(attendees, "attendee"), plural(organisers, "organiser"))
	if !names || len(who) == 0 {
		return truncate(head, w)
	}
	return stack(truncate(head, w), wrap(strings.Join(who, ", "), w))
}

// recentAnnouncements lists the latest announcements in full, newest first.
func (v *nowView) recentAnnouncements(l *look, w, h int) string {
	rows := []string{l.heading("Announcements", w)}
	for _, a := range l.data.Announcements {
		entry := l.st.faint.Render(a.CreatedAt.In(l.zone).Format("15:04")+" "+a.Author+":") + " " + a.Text
		rows = append(rows, wrap(entry, w))
		if height(strings.Join(rows, "\n")) >= h {
			break
		}
	}
	if len(rows) == 1 {
		rows = append(rows, l.st.faint.Render("none yet"))
	}
	return strings.Join(rows, "\n")
}

// openSpaceNow shows the slot in progress (or the next one) room by room,
// so everyone sees which Zoom breakout room holds which topic. detailed
// false gives a one-line summary for small screens; roomy gives each room
// two lines so long titles are not cut.
//
// The rooms change when the topics, the slot or the viewer's votes do, not
// every second: they are kept between frames (the board and the votes are
// replaced, never changed in place, and carry versions).
func (v *nowView) openSpaceNow(l *look, w int, detailed, roomy bool) string {
	b, s, running, ok := l.slotNow()
	if !ok {
		return l.heading("Open space", w) + "\n" + l.st.faint.Render("no more open-space slots today")
	}
	when := "in " + countdown(s.Start.Sub(l.now))
	title := "Open space next"
	if running {
		when, title = "ends in "+countdown(s.End.Sub(l.now)), "Open space now"
	}
	head := truncate(l.heading(fmt.Sprintf("%s · %s slot %d · %s · %s", title, b.Title, s.Index, spanIn(s.Start, s.End, l.zone), when), w), w)
	if !detailed {
		return head + "\n" + l.st.faint.Render(fmt.Sprintf("%d of %d rooms have a topic%s · press 3 for the board", l.placedIn(s), len(l.ev.Tracks), l.headsSummary(s)))
	}
	key := fmt.Sprintf("%s %d %t %t %d %d %d", s.ID(), w, roomy, l.st.dark, l.data.Version(live.Topics), l.data.VotesVersion(), l.data.Version(live.Presence))
	return head + "\n" + v.rooms.get(key, func() string {
		rows := make([]string, 0, len(l.ev.Tracks))
		for _, tr := range l.ev.Tracks {
			rows = append(rows, l.roomRow(tr, s, w, roomy))
		}
		return strings.Join(rows, "\n")
	})
}

// joinLine says where to go for the open-space slot shown: an attendee is
// sent to the room of the topic they lead (else one they voted for), with
// its link; the organiser sees the link(s) to paste into the chat.
func (v *nowView) joinLine(l *look, w int) string {
	_, s, _, ok := l.slotNow()
	if !ok {
		return ""
	}
	if !l.isOrganiser() {
		tr, t, ok := l.roomToJoin(s)
		if !ok {
			return ""
		}
		why := "you voted"
		if t.LeaderID == l.actor.PersonID {
			why = "you lead"
		}
		text := fmt.Sprintf("★ Join: %s (%s)", l.roomName(tr), why)
		if link := l.ev.JoinLink(tr.Room); link != "" {
			text += " · " + link
		}
		key := fmt.Sprintf("%s\x00%d %t", text, w, l.st.dark)
		return v.join.get(key, func() string { return l.st.mine.Render(truncate(text, w)) })
	}
	var links []string
	seen := map[string]bool{}
	for _, tr := range l.ev.Tracks {
		if link := l.ev.JoinLink(tr.Room); link != "" && !seen[link] {
			seen[link] = true
			links = append(links, link)
		}
	}
	switch {
	case len(links) == 0:
		return ""
	case len(links) == 1:
		return truncate("Join link (every room): "+links[0], w)
	}
	var parts []string
	for _, tr := range l.ev.Tracks {
		parts = append(parts, l.roomName(tr)+" "+l.ev.JoinLink(tr.Room))
	}
	return wrap("Join links: "+strings.Join(parts, " · "), w)
}

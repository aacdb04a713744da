package commands

import (
	"fmt"
	"io"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/spf13/cobra"

	"github.com/lightningcamp/camp/schedule"
	"github.com/lightningcamp/camp/tui/linemode"
)

// Paste-ready text: `now --plain`, `rooms --plain` and `queue --plain` print
// short lines the organiser pastes into Zoom chat. No box drawing and no
// columns (chat is not in a monospace font), every time in each of the
// event's display zones, and the whole message within ZoomChatLimit.

// ZoomChatLimit is the most characters one paste-ready message has. Zoom's
// developer documentation says it truncates chat messages over 10,000 bytes
// and recommends at most 1,000 characters per message; we keep to the
// recommendation, for the whole message and so for every line in it.
const ZoomChatLimit = 1000

func addPlainFlag(cmd *cobra.Command) {
	cmd.Flags().Bool("plain", false, "short lines to paste into Zoom chat (under 1,000 characters in all)")
}

func (c *call) wantsPlain() bool {
	p, err := c.cmd.Flags().GetBool("plain")
	return err == nil && p
}

// printChat prints lines as one chat message, cut to fit ZoomChatLimit
// with a last line saying how many lines were left out and where to see them.
func (c *call) printChat(lines []string, more string) error {
	return c.print(strings.Join(FitChat(lines, ZoomChatLimit, more), "\n"))
}

// FitChat keeps as many whole lines as fit in limit characters (with the
// newlines between them); if some do not, the last kept line says how many
// more there are and where: "... and 3 more: " + where.
func FitChat(lines []string, limit int, where string) []string {
	total := 0
	for i, l := range lines {
		l = cutRunes(l, limit)
		lines[i] = l
		total += utf8.RuneCountInString(l) + 1
	}
	if total-1 <= limit {
		return lines
	}
	for keep := len(lines) - 1; keep >= 0; keep-- {
		tail := fmt.Sprintf("... and %d more: %s", len(lines)-keep, where)
		n := utf8.RuneCountInString(tail)
		for _, l := range lines[:keep] {
			n += utf8.RuneCountInString(l) + 1
		}
		if n <= limit {
			return append(lines[:keep:keep], tail)
		}
	}
	return nil
}

func cutRunes(s string, most int) string {
	if utf8.RuneCountInString(s) <= most {
		return s
	}
	r := []rune(s)
	return string(r[:most-3]) + "..."
}

// zonesTimes is one instant in every display zone: "10:45 GMT / 06:45 EDT / 03:45 PDT".
func zonesTimes(ev *schedule.Event, t time.Time) string {
	parts := make([]string, len(ev.DisplayZones))
	for i, z := range ev.DisplayZones {
		parts[i] = t.In(z).Format("15:04") + " " + schedule.ZoneAbbrev(t, z)
	}
	return strings.Join(parts, " / ")
}

// zonesSpan is a stretch of time in every display zone: "11:00-11:45 GMT / ...".
func zonesSpan(ev *schedule.Event, from, to time.Time) string {
	parts := make([]string, len(ev.DisplayZones))
	for i, z := range ev.DisplayZones {
		parts[i] = from.In(z).Format("15:04") + "-" + to.In(z).Format("15:04") + " " + schedule.ZoneAbbrev(to, z)
	}
	return strings.Join(parts, " / ")
}

func chatTalk(t schedule.Talk) string {
	return fmt.Sprintf("%s, %s (%d min)", line(t.Speaker), quoted(t.Title), t.Minutes)
}

// nowChat is `now --plain`.
func (c *call) nowChat() error {
	ev, at := c.event(), c.now()
	out := []string{"Now, " + zonesTimes(ev, at) + ":"}
	current := ev.Current(at)
	if len(current) == 0 {
		out = append(out, "Nothing is on.")
	}
	for _, b := range current {
		out = append(out, fmt.Sprintf("%s, until %s.", line(b.Title), zonesTimes(ev, b.End)))
	}
	talks, err := c.backend().Talks(c.ctx, schedule.TalkFilter{Status: []schedule.TalkStatus{schedule.TalkLive, schedule.TalkApproved}})
	if err != nil {
		return err
	}
	var live, next *schedule.Talk
	for i, t := range talks {
		switch {
		case t.Status == schedule.TalkLive && live == nil:
			live = &talks[i]
		case t.Status == schedule.TalkApproved && next == nil && blockNotOver(ev, t.Block, at):
			next = &talks[i]
		}
	}
	if live != nil {
		out = append(out, "Live: "+chatTalk(*live)+".")
	}
	if next != nil {
		out = append(out, "Up next: "+chatTalk(*next)+".")
	}
	if b, ok := ev.Next(at); ok {
		out = append(out, fmt.Sprintf("Then: %s at %s.", line(b.Title), zonesTimes(ev, b.Start)))
	}
	if z := ev.Links.Zoom; z != "" {
		out = append(out, "Zoom: "+z)
	}
	return c.printChat(out, c.prefix+" now")
}

func (t *tree) roomsCommand() *cobra.Command {
	cmd := &cobra.Command{
		Use:     "rooms",
		Short:   "The open-space slot on now (or next): each breakout room, its topic, leader and link",
		Example: t.examples("rooms", "rooms --plain", "rooms --json"),
		Args:    exactArgs(0),
		RunE: t.run(func(c *call) error {
			v, err := c.roomsView()
			if err != nil {
				return err
			}
			if c.wantsPlain() {
				return c.printChat(v.chat(c.event()), c.prefix+" rooms")
			}
			return c.show(v)
		}),
	}
	addPlainFlag(cmd)
	addJSONFlag(cmd)
	return t.everyone(cmd)
}

// roomsView is `rooms --json`: the slot and its rooms; slot is null when no
// open space is on or to come.
type roomsView struct {
	Now   stamp           `json:"now"`
	Slot  *roomsSlot      `json:"slot"`
	Rooms []linemode.Room `json:"rooms"`

	blockTitle string
	on         bool
}

type roomsSlot struct {
	ID    string `json:"id"`
	Block string `json:"block"`
	Index int    `json:"index"`
	Start stamp  `json:"start"`
	End   stamp  `json:"end"`
	On    bool   `json:"on"` // false: it is the next slot, not on yet
}

// roomsView finds the open-space slot on now, else the next one.
func (c *call) roomsView() (roomsView, error) {
	ev, at := c.event(), c.now()
	v := roomsView{Now: stamp(at), Rooms: []linemode.Room{}}
	slot, block, ok := currentOrNextSlot(ev, at)
	if !ok {
		return v, nil
	}
	topics, err := c.backend().Topics(c.ctx)
	if err != nil {
		return v, err
	}
	on := !at.Before(slot.Start)
	v.Slot = &roomsSlot{ID: slot.ID(), Block: slot.Block, Index: slot.Index, Start: stamp(slot.Start), End: stamp(slot.End), On: on}
	v.Rooms, v.blockTitle, v.on = linemode.SlotRooms(ev, slot, topics), line(block.Title), on
	return v, nil
}

func currentOrNextSlot(ev *schedule.Event, at time.Time) (schedule.Slot, schedule.Block, bool) {
	for _, b := range ev.Blocks { // sorted by start
		for _, s := range b.Slots() {
			if at.Before(s.End) {
				return s, b, true
			}
		}
	}
	return schedule.Slot{}, schedule.Block{}, false
}

func (v roomsView) writeText(w io.Writer) {
	for _, l := range v.chat(nil) {
		fmt.Fprintln(w, l)
	}
}

// chat is the rooms as lines; ev (nil in the terminal's text) adds the
// times in every display zone.
func (v roomsView) chat(ev *schedule.Event) []string {
	if v.Slot == nil {
		return []string{"No open space is on or to come today."}
	}
	s := v.Slot
	when := utcClock(timeOf(s.Start)) + " to " + utcClock(timeOf(s.End))
	if ev != nil {
		when = zonesSpan(ev, timeOf(s.Start), timeOf(s.End))
	}
	head := "Now in the breakout rooms"
	if !s.On {
		head = "Next in the breakout rooms"
	}
	out := []string{fmt.Sprintf("%s: %s, slot %d, %s.", head, v.blockTitle, s.Index, when)}
	links := map[string]bool{}
	for _, r := range v.Rooms {
		links[r.JoinLink] = true
	}
	oneLink := len(links) == 1
	for _, r := range v.Rooms {
		l := r.RoomName + ": "
		if r.TopicID == 0 {
			l += "no topic yet."
		} else {
			l += fmt.Sprintf("%s, led by %s.", quoted(r.Topic), line(r.Leader))
		}
		if r.JoinLink != "" && !oneLink {
			l += " Join: " + r.JoinLink
		}
		out = append(out, l)
	}
	if oneLink {
		for link := range links {
			if link != "" {
				out = append(out, "Join the breakout rooms from the main meeting: "+link)
			}
		}
	}
	return out
}

// queueChat is `queue --plain`: the talks still to come, in queue order,
// for every talks block that has not ended.
func (c *call) queueChat() error {
	ev, at := c.event(), c.now()
	talks, err := c.backend().Talks(c.ctx, schedule.TalkFilter{Status: []schedule.TalkStatus{schedule.TalkLive, schedule.TalkApproved}})
	if err != nil {
		return err
	}
	var out []string
	for _, b := range ev.Blocks {
		if b.Kind != schedule.KindTalks || !b.End.After(at) {
			continue
		}
		var lines []string
		n := 0
		for _, t := range talks {
			if t.Block != b.ID {
				continue
			}
			if t.Status == schedule.TalkLive {
				lines = append(lines, "Live: "+chatTalk(t))
				continue
			}
			n++
			lines = append(lines, fmt.Sprintf("%d. %s", n, chatTalk(t)))
		}
		if len(lines) == 0 {
			continue
		}
		out = append(out, fmt.Sprintf("%s, %s:", line(b.Title), zonesSpan(ev, b.Start, b.End)))
		out = append(out, lines...)
	}
	if len(out) == 0 {
		out = []string{"No lightning talks are queued."}
	}
	return c.printChat(out, c.prefix+" queue")
}

func (t *tree) plainCommand() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "plain",
		Short: "Line mode for screen readers: the day as lines, and a prompt for commands",
		Long: "Line mode speaks the day as lines, in your zone, with no escape sequences and no\n" +
			"redrawing: what is on, talks starting and finishing, countdown milestones,\n" +
			"announcements. Type any command (help, now, vote 3, ...) and press Enter; quit\n" +
			"leaves. A terminal with TERM=dumb gets line mode by itself. See docs/ACCESSIBILITY.md.",
		Args: exactArgs(0),
		RunE: t.run(func(c *call) error {
			return schedule.Errorf(schedule.EINVALID, "you are in line mode already, or this is no SSH session: run %s plain", c.prefix)
		}),
	}
	cmd.Example = "  " + strings.Replace(t.prefix, "ssh ", "ssh -t ", 1) + " plain"
	return t.everyone(cmd)
}

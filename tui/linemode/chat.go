package linemode

import (
	"fmt"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/lightningcamp/camp/schedule"
)

// Paste-ready text: what is on now, the breakout rooms of the open-space
// slot and the talks still to come, as short lines the organiser pastes
// into Zoom chat (`now --plain`, `rooms --plain`, `queue --plain`, and the
// console's chat-text key). No box drawing and no columns (chat is not in a
// monospace font), every time in each of the event's display zones, and
// the whole message within ZoomChatLimit.

// ZoomChatLimit is the most characters one paste-ready message has. Zoom's
// developer documentation says it truncates chat messages over 10,000 bytes
// and recommends at most 1,000 characters per message; we keep to the
// recommendation, for the whole message and so for every line in it.
const ZoomChatLimit = 1000

// FitChat keeps as many whole lines as fit in limit characters (with the
// newlines between them); if some do not, the last kept line says how many
// more there are and where to see them: "... and 3 more: " + where.
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

// ZonesTimes is one instant in every display zone: "10:45 GMT / 06:45 EDT / 03:45 PDT".
func ZonesTimes(ev *schedule.Event, t time.Time) string {
	parts := make([]string, len(ev.DisplayZones))
	for i, z := range ev.DisplayZones {
		parts[i] = t.In(z).Format("15:04") + " " + schedule.ZoneAbbrev(t, z)
	}
	return strings.Join(parts, " / ")
}

// ZonesSpan is a stretch of time in every display zone: "11:00-11:45 GMT / ...".
func ZonesSpan(ev *schedule.Event, from, to time.Time) string {
	parts := make([]string, len(ev.DisplayZones))
	for i, z := range ev.DisplayZones {
		parts[i] = from.In(z).Format("15:04") + "-" + to.In(z).Format("15:04") + " " + schedule.ZoneAbbrev(to, z)
	}
	return strings.Join(parts, " / ")
}

func chatTalk(t schedule.Talk) string {
	return fmt.Sprintf("%s, \"%s\" (%d min)", line(t.Speaker), line(t.Title), t.Minutes)
}

// ChatNow is what is on now: the blocks, the live talk, the next talk, what
// comes next and the Zoom link. talks are in queue order (any statuses).
func ChatNow(ev *schedule.Event, at time.Time, talks []schedule.Talk) []string {
	out := []string{"Now, " + ZonesTimes(ev, at) + ":"}
	current := ev.Current(at)
	if len(current) == 0 {
		out = append(out, "Nothing is on.")
	}
	for _, b := range current {
		out = append(out, fmt.Sprintf("%s, until %s.", line(b.Title), ZonesTimes(ev, b.End)))
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
		out = append(out, fmt.Sprintf("Then: %s at %s.", line(b.Title), ZonesTimes(ev, b.Start)))
	}
	if z := ev.Links.Zoom; z != "" {
		out = append(out, "Zoom: "+z)
	}
	return out
}

func blockNotOver(ev *schedule.Event, id string, at time.Time) bool {
	b, ok := ev.Block(id)
	return ok && b.End.After(at)
}

// CurrentOrNextSlot is the open-space slot on at at, else the next one.
func CurrentOrNextSlot(ev *schedule.Event, at time.Time) (schedule.Slot, schedule.Block, bool) {
	for _, b := range ev.Blocks { // sorted by start
		for _, s := range b.Slots() {
			if at.Before(s.End) {
				return s, b, true
			}
		}
	}
	return schedule.Slot{}, schedule.Block{}, false
}

// ChatRooms is the breakout rooms of the open-space slot on now (or next):
// each room, its topic and leader, and where to join.
func ChatRooms(ev *schedule.Event, at time.Time, topics []schedule.Topic) []string {
	s, b, ok := CurrentOrNextSlot(ev, at)
	if !ok {
		return []string{"No open space is on or to come today."}
	}
	head := "Now in the breakout rooms"
	if at.Before(s.Start) {
		head = "Next in the breakout rooms"
	}
	out := []string{fmt.Sprintf("%s: %s, slot %d, %s.", head, line(b.Title), s.Index, ZonesSpan(ev, s.Start, s.End))}
	rooms := SlotRooms(ev, s, topics)
	links := map[string]bool{}
	for _, r := range rooms {
		links[r.JoinLink] = true
	}
	oneLink := len(links) == 1
	for _, r := range rooms {
		l := r.RoomName + ": "
		if r.TopicID == 0 {
			l += "no topic yet."
		} else {
			l += fmt.Sprintf("\"%s\", led by %s.", r.Topic, r.Leader)
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

// ChatQueue is the talks still to come, in queue order, for every talks
// block that has not ended. talks are in queue order (any statuses).
func ChatQueue(ev *schedule.Event, at time.Time, talks []schedule.Talk) []string {
	var out []string
	for _, b := range ev.Blocks {
		if b.Kind != schedule.KindTalks || !b.End.After(at) {
			continue
		}
		var lines []string
		n := 0
		for _, t := range talks {
			switch {
			case t.Block != b.ID:
			case t.Status == schedule.TalkLive:
				lines = append(lines, "Live: "+chatTalk(t))
			case t.Status == schedule.TalkApproved:
				n++
				lines = append(lines, fmt.Sprintf("%d. %s", n, chatTalk(t)))
			}
		}
		if len(lines) > 0 {
			out = append(out, fmt.Sprintf("%s, %s:", line(b.Title), ZonesSpan(ev, b.Start, b.End)))
			out = append(out, lines...)
		}
	}
	if len(out) == 0 {
		out = []string{"No lightning talks are queued."}
	}
	return out
}

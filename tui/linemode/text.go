package linemode

import (
	"fmt"
	"strings"
	"time"

	"github.com/lightningcamp/camp/schedule"
	"github.com/lightningcamp/camp/schedule/sanitize"
)

// Text says ev as one line for people, in zone, starting with the time:
// `10:02 GMT  Now: Lightning talks I, until 10:45. ...`. Some events have
// nothing worth interrupting a listener for (a vote, a talk's own timer
// starting with the talk): Text returns "" for them. The line holds no
// escape sequence or control character.
func Text(ev Event, zone *time.Location) string {
	body := sentence(ev, zone)
	if body == "" {
		return ""
	}
	at := time.Time(ev.Time)
	return clock(at, zone) + "  " + sanitize.Line(body, 0)
}

// clock is an instant as people read it here: "10:02 GMT".
func clock(t time.Time, zone *time.Location) string {
	return t.In(zone).Format("15:04") + " " + schedule.ZoneAbbrev(t, zone)
}

func hhmm(s Stamp, zone *time.Location) string { return time.Time(s).In(zone).Format("15:04") }

func sentence(ev Event, zone *time.Location) string {
	switch {
	case ev.Now != nil:
		return nowSentence(ev.Now, zone)
	case ev.Block != nil:
		return blockSentence(ev.Type, ev.Block, zone)
	case ev.Slot != nil:
		return slotSentence(ev.Slot, zone)
	case ev.Talk != nil:
		return talkSentence(ev.Type, ev.Talk, ev.Mine)
	case ev.Topic != nil:
		return topicSentence(ev.Type, ev.Topic, ev.Mine, zone)
	case ev.Announcement != nil:
		return fmt.Sprintf("Announcement from %s: %s", ev.Announcement.Author, oneLine(ev.Announcement.Text))
	case ev.Timer != nil:
		return timerSentence(ev.Type, ev.Timer, ev.Mine)
	case ev.Gap != nil:
		return fmt.Sprintf("You missed %s between %s and %s: your connection read too slowly. Type now for the state of the day.",
			plural(ev.Gap.Missed, "event"), hhmm(ev.Gap.From, zone), hhmm(ev.Gap.To, zone))
	}
	return ""
}

func nowSentence(n *Now, zone *time.Location) string {
	var b strings.Builder
	if len(n.Blocks) == 0 {
		b.WriteString("Now: nothing is on.")
	} else {
		parts := make([]string, len(n.Blocks))
		for i, bl := range n.Blocks {
			parts[i] = fmt.Sprintf("%s, until %s", bl.Title, hhmm(bl.End, zone))
		}
		b.WriteString("Now: " + strings.Join(parts, "; ") + ".")
	}
	if t := n.LiveTalk; t != nil {
		fmt.Fprintf(&b, " Live: %s, \"%s\", %s", t.Speaker, t.Title, plural(t.Minutes, "minute"))
		if n.Timer != nil {
			b.WriteString(", " + left(n.Timer.RemainingSeconds))
		}
		b.WriteString(".")
	} else if n.Next != nil {
		fmt.Fprintf(&b, " Next: %s at %s.", n.Next.Title, hhmm(n.Next.Start, zone))
	}
	if a := n.Announcement; a != nil {
		fmt.Fprintf(&b, " Latest announcement, from %s at %s: %s", a.Author, hhmm(a.CreatedAt, zone), oneLine(a.Text))
	}
	return b.String()
}

func blockSentence(typ string, bl *Block, zone *time.Location) string {
	if typ == TypeBlockEnded {
		return fmt.Sprintf("%s has ended.", bl.Title)
	}
	s := fmt.Sprintf("Now: %s, until %s.", bl.Title, hhmm(bl.End, zone))
	if bl.RoomName != "" {
		s += " In " + bl.RoomName + "."
	}
	return s
}

func slotSentence(s *Slot, zone *time.Location) string {
	var rooms []string
	for _, r := range s.Rooms {
		if r.TopicID == 0 {
			continue
		}
		room := fmt.Sprintf("%s: \"%s\" led by %s", r.RoomName, r.Topic, r.Leader)
		if r.JoinLink != "" {
			room += ", join " + r.JoinLink
		}
		rooms = append(rooms, room)
	}
	head := fmt.Sprintf("Open-space slot %d starts, until %s.", s.Index, hhmm(s.End, zone))
	if len(rooms) == 0 {
		return head + " No topics are placed in it yet."
	}
	return head + " " + strings.Join(rooms, "; ") + "."
}

func talkSentence(typ string, t *Talk, mine bool) string {
	who := fmt.Sprintf("%s, \"%s\"", t.Speaker, t.Title)
	var s string
	switch typ {
	case TypeTalkStarted:
		s = fmt.Sprintf("Live: %s, %s.", who, plural(t.Minutes, "minute"))
	case TypeTalkFinished:
		s = fmt.Sprintf("Finished: %s.", who)
	case TypeTalkApproved:
		s = fmt.Sprintf("Approved: %s, number %d in the queue.", who, t.Position)
	case TypeTalkProposed:
		s = fmt.Sprintf("Proposed: %s, talk %d.", who, t.ID)
	case TypeTalkSkipped:
		s = fmt.Sprintf("Skipped: %s.", who)
	case TypeTalkRejected:
		s = fmt.Sprintf("Rejected: %s.", who)
	case TypeTalkWithdrawn:
		s = fmt.Sprintf("Withdrawn: %s.", who)
	case TypeTalkChanged:
		s = fmt.Sprintf("Talk changed: %s, %s, number %d in the queue.", who, plural(t.Minutes, "minute"), t.Position)
	default:
		return ""
	}
	if mine {
		s = "Your talk. " + s
	}
	return s
}

func topicSentence(typ string, t *Topic, mine bool, zone *time.Location) string {
	what := fmt.Sprintf("\"%s\" led by %s", t.Title, t.Leader)
	var s string
	switch typ {
	case TypeTopicPlaced:
		s = fmt.Sprintf("Topic placed: %s, in %s", what, t.RoomName)
		if !time.Time(t.Start).IsZero() {
			s += " at " + hhmm(t.Start, zone)
		}
		s += "."
		if t.JoinLink != "" {
			s += " Join: " + t.JoinLink
		}
	case TypeTopicProposed:
		s = fmt.Sprintf("Topic proposed: %s, topic %d.", what, t.ID)
	case TypeTopicUnplaced:
		s = fmt.Sprintf("Topic taken off the board: %s.", what)
	case TypeTopicWithdrawn:
		s = fmt.Sprintf("Topic withdrawn: %s.", what)
	default:
		return "" // votes come and go all day: not worth interrupting for
	}
	if mine {
		s = "Yours or voted for. " + s
	}
	return s
}

func timerSentence(typ string, t *Timer, mine bool) string {
	isTalk := strings.HasPrefix(t.Ref, "talk:")
	who := t.Label
	if t.Speaker != "" {
		who = t.Speaker
	}
	var s string
	switch typ {
	case TypeHalfTime:
		s = fmt.Sprintf("Half time: %s, %s.", who, left(t.RemainingSeconds))
	case TypeOneMinute:
		s = fmt.Sprintf("1 minute left: %s.", who)
	case TypeThirtySeconds:
		s = fmt.Sprintf("30 seconds left: %s.", who)
	case TypeTimeUp:
		s = fmt.Sprintf("Time is up: %s.", who)
	case TypeOverTime:
		s = fmt.Sprintf("Over time by %s: %s.", duration(-t.RemainingSeconds/60*60), who)
	case TypeTimerStarted:
		if isTalk {
			return "" // the talk's own line says it
		}
		s = fmt.Sprintf("Timer started: %s, %s.", who, duration(t.DurationSeconds))
	case TypeTimerPaused:
		s = fmt.Sprintf("Timer paused: %s, %s.", who, left(t.RemainingSeconds))
	case TypeTimerResumed:
		s = fmt.Sprintf("Timer resumed: %s, %s.", who, left(t.RemainingSeconds))
	case TypeTimerExtended:
		s = fmt.Sprintf("Timer extended: %s, %s.", who, left(t.RemainingSeconds))
	case TypeTimerStopped:
		if isTalk {
			return ""
		}
		s = fmt.Sprintf("Timer stopped: %s.", who)
	default:
		return ""
	}
	if mine {
		s = "Your talk. " + s
	}
	return s
}

// left is a remaining time in words: "3 minutes left", "over time by 20 seconds".
func left(secs int64) string {
	if secs < 0 {
		return "over time by " + duration(-secs)
	}
	return duration(secs) + " left"
}

// duration says a number of seconds in words, as a screen reader reads
// them best: "2 minutes 30 seconds", not "2:30".
func duration(secs int64) string {
	h, m, s := secs/3600, secs/60%60, secs%60
	var parts []string
	if h > 0 {
		parts = append(parts, plural(int(h), "hour"))
	}
	if m > 0 {
		parts = append(parts, plural(int(m), "minute"))
	}
	if s > 0 || len(parts) == 0 {
		parts = append(parts, plural(int(s), "second"))
	}
	return strings.Join(parts, " ")
}

func plural(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return fmt.Sprintf("%d %ss", n, noun)
}

// oneLine joins the lines of a multi-line text with " / ".
func oneLine(s string) string {
	var out []string
	for l := range strings.SplitSeq(s, "\n") {
		if l = strings.TrimSpace(l); l != "" {
			out = append(out, l)
		}
	}
	return strings.Join(out, " / ")
}

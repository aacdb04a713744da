package tui

import (
	"fmt"
	"maps"
	"math"
	"slices"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/lightningcamp/camp/schedule"
	"github.com/lightningcamp/camp/tui/live"
)

// Cues for the people about to be on: the speaker of the next talk when
// the live one has two minutes left, a topic leader five minutes before
// their slot, and the live speaker's private cue from the organisers.
// They show on a line of their own in every view of every session the
// person has open, and ring the terminal's bell if the person asked for it
// (`bell on`).

const (
	nextSpeakerCue = 2 * time.Minute
	leaderCue      = 5 * time.Minute
)

// cue is the line to show the viewer now, if any.
func (l *look) cue() (string, bool) {
	if l.actor.PersonID == 0 {
		return "", false
	}
	if c := l.stageCue(); c != nil {
		return "Cue from the organisers: " + c.Text + " (S: speaker view)", true
	}
	if left, ok := l.nextSpeakerIn(); ok {
		return fmt.Sprintf("You're next: about %s", minutesWord(left)), true
	}
	return l.leaderCue()
}

// stageCue is the organisers' cue for the viewer, the live speaker, if
// the stage read is of the talk live now.
func (l *look) stageCue() *schedule.SpeakerCue {
	t, ok := l.data.LiveTalk()
	if c := l.data.Stage.Cue; c != nil && ok && c.TalkID == t.ID && t.SpeakerID == l.actor.PersonID && l.actor.PersonID != 0 {
		return c
	}
	return nil
}

// stagePicked is the question picked for the talk live now, if any.
func (l *look) stagePicked() *schedule.Question {
	t, ok := l.data.LiveTalk()
	if q := l.data.Stage.Picked; q != nil && ok && q.TalkID == t.ID {
		return q
	}
	return nil
}

func (l *look) isLiveSpeaker() bool {
	t, ok := l.data.LiveTalk()
	return ok && t.SpeakerID == l.actor.PersonID && l.actor.PersonID != 0
}

// nextSpeakerIn is how long the live talk has left, when the viewer gives
// the next talk of its block and that is two minutes or less.
func (l *look) nextSpeakerIn() (time.Duration, bool) {
	talk, ok := l.data.LiveTalk()
	if !ok {
		return 0, false
	}
	tm, ok := l.data.TimerFor(live.TalkRef(talk.ID))
	if !ok {
		return 0, false
	}
	left := tm.Remaining(l.now)
	if left > nextSpeakerCue {
		return 0, false
	}
	for t := range l.data.Queue(talk.Block) {
		if t.Status == schedule.TalkApproved {
			return max(left, 0), t.SpeakerID == l.actor.PersonID
		}
	}
	return 0, false
}

// leaderCue is "Your topic is in Room 2 at 11:00 GMT (in 5 minutes)" with
// the room's join link, from five minutes before the viewer's slot.
func (l *look) leaderCue() (string, bool) {
	t, s, ok := l.ledSoon()
	if !ok {
		return "", false
	}
	tr, _ := l.ev.Track(t.Track)
	text := fmt.Sprintf("Your topic is in %s at %s (in %s)", l.roomName(tr), s.Start.In(l.zone).Format("15:04 MST"), minutesWord(s.Start.Sub(l.now)))
	if link := l.ev.JoinLink(tr.Room); link != "" {
		text += " · join: " + link
	}
	return text, true
}

// ledSoon is the viewer's placed topic whose slot starts within leaderCue.
func (l *look) ledSoon() (schedule.Topic, schedule.Slot, bool) {
	for _, t := range l.data.Topics {
		if t.Status != schedule.TopicPlaced || t.LeaderID != l.actor.PersonID {
			continue
		}
		s, ok := l.ev.Slot(t.Slot)
		if until := s.Start.Sub(l.now); ok && until > 0 && until <= leaderCue {
			return t, s, true
		}
	}
	return schedule.Topic{}, schedule.Slot{}, false
}

// awaitsCue reports a viewer whose leader cue may come within a minute or
// so: their screen must tick even when nothing else counts down.
func (l *look) awaitsCue() bool {
	for _, t := range l.data.Topics {
		if t.Status == schedule.TopicPlaced && t.LeaderID == l.actor.PersonID && l.actor.PersonID != 0 {
			if s, ok := l.ev.Slot(t.Slot); ok && s.Start.After(l.now) && s.Start.Sub(l.now) <= leaderCue+time.Minute {
				return true
			}
		}
	}
	return false
}

// minutesWord is "2 minutes", "1 minute", rounded up.
func minutesWord(d time.Duration) string {
	n := int(math.Ceil(d.Minutes()))
	if n <= 1 {
		return "1 minute"
	}
	return fmt.Sprintf("%d minutes", n)
}

// stageConcerns drops a change to the live talk's back channel that this
// viewer cannot see (an attendee who is not the live speaker), so a question
// asked does not make every session in the camp read the stage again.
func (m *Model) stageConcerns(c schedule.Changes) schedule.Changes {
	ids, ok := c[schedule.ChangeStage]
	_, talks := c[schedule.ChangeTalks] // the live speaker may have just changed: who is concerned is not known yet
	if !ok || talks || len(ids) == 0 || m.isOrganiser() || m.isLiveSpeaker() || (m.actor.PersonID != 0 && slices.Contains(ids, m.actor.PersonID)) {
		return c
	}
	out := maps.Clone(c)
	delete(out, schedule.ChangeStage)
	return out
}

// renderCue is the cue line, on every view but the speaker view, which
// shows the organisers' cue large.
func (m *Model) renderCue(w int) string {
	text, ok := m.cue()
	if !ok || (m.current == viewNow && m.nowView.speaker.on && m.stageCue() != nil) {
		return ""
	}
	return wrap(m.st.warn.Bold(true).Render("» "+text), w) // wrapped, not cut: the join link must show whole
}

// ringForCue rings the terminal's bell once for each new cue, if the
// viewer asked for it (`bell on`).
func (m *Model) ringForCue() tea.Cmd {
	text, ok := m.cue()
	kind := ""
	if ok {
		kind = text[:min(len(text), 12)] // a new kind of cue rings; a countdown ticking down does not
	}
	if c := m.stageCue(); c != nil && ok {
		kind += fmt.Sprint(c.ID)
	}
	rang := m.rangFor
	m.rangFor = kind
	if !ok || kind == rang || !m.data.Stage.Bell {
		return nil
	}
	return tea.Raw("\a")
}

package tui

import (
	"fmt"
	"strings"
	"time"

	tea "charm.land/bubbletea/v2"
	"charm.land/huh/v2"

	"github.com/lightningcamp/camp/schedule"
)

// start starts a talk, asking first when starting it now would surprise
// the room: it is not the next in its queue (s pressed on #3 while #1
// waits), its block has not begun, or it would run past the block's end.
func (v *talksView) start(l *look, t schedule.Talk) tea.Cmd {
	if _, err := schedule.NextTalkStatus(t.Status, schedule.ActStart); err != nil {
		v.desk.fail(err)
		return nil
	}
	if live, ok := l.data.LiveTalk(); ok && live.ID != t.ID {
		v.desk.fail(schedule.Errorf(schedule.ECONFLICT, "“%s” is live: finish (%s) or skip (%s) it first",
			line(live.Title), l.keys.Finish.Help().Key, l.keys.Skip.Help().Key))
		return nil
	}
	doubts := v.startDoubts(l, t)
	if len(doubts) == 0 {
		return v.actOnTalk(l, t, schedule.ActStart, nil)
	}
	yes := false
	f := huh.NewForm(huh.NewGroup(huh.NewConfirm().Title(fmt.Sprintf("Start “%s” now?", line(t.Title))).
		Description(strings.Join(doubts, "\n")).
		Affirmative("Start it").Negative("Not now").Value(&yes)))
	return v.desk.openForm("Start a talk", "", f, func() tea.Cmd {
		if !yes {
			v.desk.tell("not started")
			return nil
		}
		return v.actOnTalk(l, t, schedule.ActStart, nil)
	})
}

// startDoubts are the reasons to ask before starting t now, in words.
func (v *talksView) startDoubts(l *look, t schedule.Talk) []string {
	var doubts []string
	for q := range l.data.Queue(t.Block) {
		if q.Status == schedule.TalkApproved {
			if q.ID != t.ID {
				doubts = append(doubts, fmt.Sprintf("%s %s, “%s”, is next in the queue.", queueNumber(*q), q.Speaker, line(q.Title)))
			}
			break
		}
	}
	b, ok := l.ev.Block(t.Block)
	if !ok {
		return doubts
	}
	end := l.now.Add(time.Duration(l.talkMinutes(t.Minutes)) * time.Minute)
	switch {
	case l.now.Before(b.Start):
		doubts = append(doubts, fmt.Sprintf("%s starts at %s, in %s.", b.Title, clockIn(b.Start, l.zone), countdown(b.Start.Sub(l.now))))
	case !l.now.Before(b.End):
		doubts = append(doubts, fmt.Sprintf("%s ended at %s.", b.Title, clockIn(b.End, l.zone)))
	case end.After(b.End):
		doubts = append(doubts, fmt.Sprintf("It would end at %s, %s after %s ends (%s).",
			clockIn(end, l.zone), minutes(end.Sub(b.End)), b.Title, clockIn(b.End, l.zone)))
	}
	return doubts
}

// startNext starts the first talk of Now's "Up next": one left over from
// an earlier block, else the first approved talk of the block under way or
// next, asking first as start does.
func (v *talksView) startNext(l *look) tea.Cmd {
	block := l.defaultTalksBlock()
	if left := l.leftOver(block); len(left) > 0 {
		return v.start(l, left[0])
	}
	for t := range l.data.Queue(block) {
		if t.Status == schedule.TalkApproved {
			return v.start(l, *t)
		}
	}
	b, _ := l.ev.Block(block)
	v.desk.tell(fmt.Sprintf("no approved talk waiting in %s: approve one in Talks (2)", b.Title))
	return nil
}

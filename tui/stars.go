package tui

import (
	"context"
	"fmt"

	tea "charm.land/bubbletea/v2"

	"github.com/lightningcamp/camp/schedule"
	"github.com/lightningcamp/camp/tui/live"
)

// Starring talks and topics for the viewer's personal agenda (the key * on
// the Talks view and the board). The stars come back with the topics read
// (live.Snapshot.MyStars); the Now view marks starred items with ★.

// starMark is what marks a starred item in a list.
const starMark = "★ "

// starred reports whether the viewer starred t.
func (l *look) starred(t schedule.Target) bool { return l.data.MyStars[t] }

// starPrefix is starMark for a starred item, else "".
func (l *look) starPrefix(t schedule.Target) string {
	if l.starred(t) {
		return starMark
	}
	return ""
}

// talkStar is starMark for a starred talk, else "".
func (l *look) talkStar(id int64) string { return l.starPrefix(schedule.Target{Kind: "talk", ID: id}) }

// toggleStar stars target, or takes the star off, through desk.
func toggleStar(l *look, svc Stars, desk writes, target schedule.Target, title string) tea.Cmd {
	if svc == nil {
		desk.fail(schedule.Errorf(schedule.EINTERNAL, "starring is not available here"))
		return nil
	}
	on := !l.starred(target)
	msg := fmt.Sprintf("★ “%s” is on your agenda (agenda over SSH lists it)", line(title))
	if !on {
		msg = fmt.Sprintf("“%s” is off your agenda", line(title))
	}
	actor := l.actor
	write := desk.write(msg, func(ctx context.Context) error { return svc.Star(ctx, actor, target, on) }, nil)
	if ahead, ok := desk.(showsAhead); ok {
		return tea.Batch(ahead.showAhead(func(s *live.Snapshot) { s.SetStar(target, on) }), write)
	}
	return write
}

// showsAhead is a desk that can show a change before the write that makes
// it is read back (the Model).
type showsAhead interface {
	showAhead(change func(*live.Snapshot)) tea.Cmd
}

// toggleStar stars the selected talk.
func (v *talksView) toggleStar(l *look) tea.Cmd {
	t, ok := v.selected(l)
	if !ok {
		return nil
	}
	return toggleStar(l, v.stars, v.desk, schedule.Target{Kind: "talk", ID: t.ID}, t.Title)
}

// toggleStar stars the selected topic.
func (v *boardView) toggleStar(l *look) tea.Cmd {
	t, ok := v.selectedTopic(l)
	if !ok {
		return nil
	}
	return toggleStar(l, v.stars, v.desk, schedule.Target{Kind: "topic", ID: t.ID}, t.Title)
}

// guideAndStars are d's guide and stars, or those its Notes and Topics
// services provide (the store's camp is all of them).
func guideAndStars(d Deps) (Guide, Stars) {
	guide, stars := d.Guide, d.Stars
	if g, ok := d.Notes.(Guide); ok && guide == nil {
		guide = g
	}
	if s, ok := d.Topics.(Stars); ok && stars == nil {
		stars = s
	}
	return guide, stars
}

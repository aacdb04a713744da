package tui

import (
	"charm.land/bubbles/v2/key"

	"github.com/lightningcamp/camp/schedule"
)

func (v *talksView) typing() bool { return v.search.isTyping() }

// keysForCursor are the Talks view's keys for the talk under the cursor,
// most useful first: what its state allows, then the list's own keys.
// Keys the viewer's role may not use are switched off and not shown.
func (v *talksView) keysForCursor(l *look) []key.Binding {
	k := l.keys
	if v.search.isTyping() {
		return []key.Binding{withHelp(k.Select, "enter", "keep the search"), withHelp(k.Back, "esc", "clear it"), k.Up, k.Down}
	}
	var keys []key.Binding
	if t, ok := v.selected(l); ok {
		keys = append(keys, v.stateKeys(l, t)...)
		if l.mine(t) || l.isOrganiser() {
			keys = append(keys, k.Edit)
		}
		if l.mine(t) {
			keys = append(keys, k.Withdraw)
		}
		keys = append(keys, withHelp(k.Select, "enter", "details"), k.Star)
	}
	if v.search.query != "" {
		keys = append(keys, withHelp(k.Back, "esc", "clear search"))
	}
	return append(keys, k.New, k.Search, k.Filter, k.PrevBlock, k.NextBlock)
}

// stateKeys are the steps the talk's state allows, in the order an
// organiser takes them.
func (v *talksView) stateKeys(l *look, t schedule.Talk) []key.Binding {
	k := l.keys
	switch t.Status {
	case schedule.TalkLive:
		return []key.Binding{k.Finish, k.Pause, k.Extend, k.Skip}
	case schedule.TalkApproved:
		return []key.Binding{k.Start, k.MoveUp, k.MoveDown, k.Skip, k.Later, k.Reject}
	case schedule.TalkProposed:
		return []key.Binding{k.Approve, k.ApproveAll, k.Reject, k.Later}
	case schedule.TalkSkipped:
		// a on a skipped talk puts it back in the queue: say so.
		return []key.Binding{withHelp(k.Approve, "a", "back in the queue"), k.Reject}
	case schedule.TalkDone:
		return []key.Binding{withHelp(k.Start, "s", "reopen")}
	case schedule.TalkRejected:
		return []key.Binding{k.Undo}
	}
	return nil
}

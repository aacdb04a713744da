package schedule

import "slices"

// Visibility is the one rule of who sees which talk, topic, note and
// report, in which state. The store applies it to every read made on
// someone's behalf (store/visibility.go), and the terminal UI's shared
// reads apply the same functions, so the TUI, every command, --json and
// the export agree.
//
//   - Organisers see everything (hidden notes too: they moderate).
//   - Everyone else sees the public queue (approved, live, done and skipped
//     talks), every topic that was not withdrawn, and their own talks and
//     topics in any state. Other people's proposals, rejected and
//     withdrawn talks, and withdrawn topics stay between them and the
//     organisers.
//   - A note or report is seen by whoever sees its talk or topic, unless a
//     moderator hid it.
type Viewer struct {
	PersonID  int64 // 0: a guest, or a key that has not joined
	Organiser bool
}

// ViewerOf is who a is, for the visibility rule. A guest is never an
// organiser, whatever the role says.
func ViewerOf(a Actor) Viewer {
	if a.IsGuest() {
		return Viewer{}
	}
	return Viewer{PersonID: a.PersonID, Organiser: a.Role == RoleOrganiser}
}

func (v Viewer) owns(id int64) bool { return v.PersonID != 0 && id == v.PersonID }

// PublicTalkStatuses are the states of the public queue: a talk in one
// of them is seen by everyone. Queries that apply the rule in SQL (the
// compiler-tool guide) build their lists from it.
var PublicTalkStatuses = []TalkStatus{TalkApproved, TalkLive, TalkDone, TalkSkipped}

// SeesTalk reports whether v may see t.
func (v Viewer) SeesTalk(t Talk) bool {
	return v.Organiser || v.owns(t.SpeakerID) || slices.Contains(PublicTalkStatuses, t.Status)
}

// SeesTopic reports whether v may see t.
func (v Viewer) SeesTopic(t Topic) bool {
	return v.Organiser || v.owns(t.LeaderID) || t.Status != TopicWithdrawn
}

// SeesNote reports whether v may see n, on a talk or topic v sees. A
// note its author marked private is read at the camp like any other; it
// only stays out of every export (schedule/export), including other
// people's `export --mine`.
func (v Viewer) SeesNote(n NoteEntry) bool {
	return v.Organiser || !n.Hidden
}

// SeesReport reports whether v may see r, on a talk or topic v sees.
func (v Viewer) SeesReport(r Report) bool {
	return v.Organiser || !r.Hidden
}

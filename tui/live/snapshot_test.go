package live

import (
	"context"
	"testing"
	"time"

	"github.com/lightningcamp/camp/schedule"
)

// fakeSource answers reads from fixed lists; a test changes them between
// reads.
type fakeSource struct {
	talks []schedule.Talk
	votes []int64
}

func (f *fakeSource) Talks(context.Context, schedule.TalkFilter) ([]schedule.Talk, error) {
	return append([]schedule.Talk(nil), f.talks...), nil
}
func (f *fakeSource) Topics(context.Context) ([]schedule.Topic, error) { return nil, nil }
func (f *fakeSource) VotesOf(context.Context, int64) ([]int64, error) {
	return append([]int64(nil), f.votes...), nil
}
func (f *fakeSource) People(context.Context) ([]schedule.Person, error) { return nil, nil }
func (f *fakeSource) Presence(context.Context) (schedule.Presence, error) {
	return schedule.Presence{}, nil
}
func (f *fakeSource) Stage(context.Context, schedule.Actor) (schedule.Stage, error) {
	return schedule.Stage{}, nil
}
func (f *fakeSource) Timers(context.Context) ([]schedule.Timer, error) { return nil, nil }
func (f *fakeSource) Announcements(context.Context, int) ([]schedule.Announcement, error) {
	return nil, nil
}
func (f *fakeSource) Notes(context.Context, schedule.Target) ([]schedule.NoteEntry, error) {
	return nil, nil
}
func (f *fakeSource) Reports(context.Context, schedule.Target) ([]schedule.Report, error) {
	return nil, nil
}

// A snapshot tells by version numbers whether a read brought anything new:
// the first read of a part does, a shared read it already has does not, and
// a change to the viewer's own votes does even when the board is the same.
func TestSnapshotVersions(t *testing.T) {
	ev, err := schedule.Parse(schedule.ExampleName, schedule.Example())
	if err != nil {
		t.Fatal(err)
	}
	src := &fakeSource{talks: []schedule.Talk{{ID: 1, Title: "Cython in anger", Block: "eu-talks"}}, votes: []int64{7}}
	r := Reader{Event: ev, Source: src, Shared: NewShared(), Viewer: 1, Sees: schedule.Viewer{PersonID: 1, Organiser: true}}
	var s Snapshot
	changed := time.Now()
	if !s.Apply(r.Read(t.Context(), Talks, changed, schedule.Target{})) {
		t.Error("the first read of the talks brought nothing new")
	}
	if s.Apply(r.Read(t.Context(), Talks, changed, schedule.Target{})) {
		t.Error("the same shared read counted as new")
	}
	s.SetTalkStatus(1, schedule.TalkLive)
	if s.Apply(r.Read(t.Context(), Talks, changed, schedule.Target{})); s.Talks[0].Status == schedule.TalkLive {
		t.Error("a read after a change made ahead of its write did not bring the store's list back")
	}

	if !s.Apply(r.Read(t.Context(), Topics, changed, schedule.Target{})) {
		t.Error("the first read of the topics brought nothing new")
	}
	if s.Apply(r.Read(t.Context(), Topics, changed, schedule.Target{})) {
		t.Error("the same board and the same votes counted as new")
	}
	src.votes = []int64{7, 8}
	if !s.Apply(r.Read(t.Context(), Topics, changed, schedule.Target{})) || !s.MyVotes[8] {
		t.Error("a new vote of the viewer's did not count as new")
	}
}

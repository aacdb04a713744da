package live

import (
	"context"
	"maps"
	"slices"
	"time"

	"github.com/lightningcamp/camp/schedule"
)

// Source is what a snapshot is read from: the camp's read services.
type Source interface {
	Talks(ctx context.Context, f schedule.TalkFilter) ([]schedule.Talk, error)
	Topics(ctx context.Context) ([]schedule.Topic, error)
	VotesOf(ctx context.Context, personID int64) ([]int64, error)
	People(ctx context.Context) ([]schedule.Person, error)
	Presence(ctx context.Context) (schedule.Presence, error)
	Stage(ctx context.Context, a schedule.Actor) (schedule.Stage, error)
	Timers(ctx context.Context) ([]schedule.Timer, error)
	Announcements(ctx context.Context, limit int) ([]schedule.Announcement, error)
	Notes(ctx context.Context, t schedule.Target) ([]schedule.NoteEntry, error)
	Reports(ctx context.Context, t schedule.Target) ([]schedule.Report, error)
}

// StarSource is a Source that also knows each person's starred talks and
// topics (their personal agenda). A Source without it has no stars.
type StarSource interface {
	StarsOf(ctx context.Context, personID int64) ([]schedule.Target, error)
}

// Reader reads the parts of one session's snapshot. Every part but the
// viewer's own votes and the notes is the same for every session, so those
// reads go through Shared and come back cleaned, sorted and shared.
type Reader struct {
	Event  *schedule.Event
	Source Source
	Shared *Shared // nil: every read is the session's own
	Viewer int64   // the viewer's person ID (0: a guest, who has no votes)
	Role   schedule.Role
	// Sees is who the viewer is for the visibility rule: a shared read
	// holds what organisers see, and each session keeps what its viewer
	// may see (the zero Viewer sees what a guest sees).
	Sees schedule.Viewer
}

// Load is one read of one part, to Apply to a snapshot.
type Load struct {
	Part   Part
	Target schedule.Target // whose notes a read of Notes is
	Seq    uint64          // the read's number, in the order reads start (Pacer.NextRead)
	Err    error
	apply  func(*Snapshot)
}

// Read reads part, taking a shared read that started at notBefore or later.
// target is whose notes a read of Notes is for. It runs the read: call it
// inside a command.
func (r Reader) Read(ctx context.Context, part Part, notBefore time.Time, target schedule.Target) Load {
	l := Load{Part: part, Target: target}
	l.apply, l.Err = r.read(ctx, part, notBefore, target)
	if part == Topics && l.Err == nil {
		l.apply, l.Err = r.withStars(ctx, l.apply)
	}
	return l
}

// withStars adds the viewer's stars to a read of the topics: they are the
// viewer's own, like their votes, and change with them (ChangeStars).
func (r Reader) withStars(ctx context.Context, apply func(*Snapshot)) (func(*Snapshot), error) {
	ss, ok := r.Source.(StarSource)
	if !ok || r.Viewer == 0 {
		return apply, nil
	}
	stars, err := ss.StarsOf(ctx, r.Viewer)
	return func(s *Snapshot) { apply(s); s.setStars(stars) }, err
}

func (r Reader) read(ctx context.Context, part Part, since time.Time, target schedule.Target) (func(*Snapshot), error) {
	src, sh, ev := r.Source, r.Shared, r.Event
	switch part {
	case Talks:
		ts, err := Read(ctx, sh, part, since, func(ctx context.Context) ([]schedule.Talk, error) {
			ts, err := src.Talks(ctx, schedule.TalkFilter{})
			return prepareTalks(ev, ts), err
		}, nil)
		talks := visibleOnly(ts.Value, r.Sees.SeesTalk)
		return func(s *Snapshot) { s.Talks, s.versions[Talks] = talks, ts.Version }, err
	case Topics:
		board, err := Read(ctx, sh, part, since, func(ctx context.Context) (*topicBoard, error) {
			ts, err := src.Topics(ctx)
			return prepareTopics(ts), err
		}, nil)
		var votes []int64
		if err == nil && r.Viewer != 0 {
			votes, err = src.VotesOf(ctx, r.Viewer)
		}
		return func(s *Snapshot) { s.setTopics(board, votes, r.Sees) }, err
	case People:
		ps, err := Read(ctx, sh, part, since, func(ctx context.Context) (peopleList, error) {
			ps, err := src.People(ctx)
			return preparePeople(ps), err
		}, func(a, b peopleList) bool { return slices.EqualFunc(a.people, b.people, samePerson) })
		return func(s *Snapshot) { s.setPeople(ps.Value); s.versions[People] = ps.Version }, err
	case Presence:
		here, err := Read(ctx, sh, part, since, func(ctx context.Context) (presence, error) {
			p, err := src.Presence(ctx)
			return preparePresence(p), err
		}, samePresence)
		return func(s *Snapshot) {
			s.Online, s.Rooms, s.versions[Presence] = here.Value.online, here.Value.rooms, here.Version
		}, err
	case Stage:
		st, err := src.Stage(ctx, schedule.Actor{PersonID: r.Viewer, Role: r.Role})
		return func(s *Snapshot) { s.setStage(prepareStage(st)) }, err
	case Timers:
		ts, err := Read(ctx, sh, part, since, src.Timers, nil)
		return func(s *Snapshot) { s.Timers, s.versions[Timers] = ts.Value, ts.Version }, err
	case Announcements:
		as, err := Read(ctx, sh, part, since, func(ctx context.Context) ([]schedule.Announcement, error) {
			as, err := src.Announcements(ctx, AnnouncementsKept)
			return prepareAnnouncements(as), err
		}, nil)
		return func(s *Snapshot) { s.Announcements, s.versions[Announcements] = as.Value, as.Version }, err
	case Notes:
		if target.ID == 0 {
			return func(s *Snapshot) { s.setNotes(NoteSet{}) }, nil
		}
		entries, err := src.Notes(ctx, target)
		var reports []schedule.Report
		if err == nil {
			reports, err = src.Reports(ctx, target)
		}
		entries, reports = visibleOnly(entries, r.Sees.SeesNote), visibleOnly(reports, r.Sees.SeesReport)
		return func(s *Snapshot) { s.setNotes(NoteSet{target, entries, reports}) }, err
	}
	panic("live: unknown part")
}

// visibleOnly is xs without what the viewer may not see: xs itself when
// that is everything (shared reads stay shared), else a copy.
func visibleOnly[T any](xs []T, sees func(T) bool) []T {
	for i, x := range xs {
		if !sees(x) {
			out := slices.Clone(xs[:i])
			for _, y := range xs[i+1:] {
				if sees(y) {
					out = append(out, y)
				}
			}
			return out
		}
	}
	return xs
}

// samePerson compares two people, times by instant.
func samePerson(a, b schedule.Person) bool {
	return a.ID == b.ID && a.Fingerprint == b.Fingerprint && a.Name == b.Name && a.TZ == b.TZ && a.Role == b.Role &&
		a.AcceptedCoC.Equal(b.AcceptedCoC) && a.Muted == b.Muted && a.Banned == b.Banned && a.Email == b.Email &&
		a.CreatedAt.Equal(b.CreatedAt)
}

// Apply puts a read into the snapshot and reports whether it brought
// anything new: a part read for the first time, or a version the snapshot
// did not have.
func (s *Snapshot) Apply(l Load) bool {
	before, votes := s.versions[l.Part], s.votesVersion
	l.apply(s)
	first := !s.Loaded[l.Part]
	s.Loaded[l.Part] = true
	return first || s.versions[l.Part] != before || s.votesVersion != votes
}

// Version is the version of what the snapshot holds of part.
func (s *Snapshot) Version(p Part) uint64 { return s.versions[p] }

// VotesVersion is the version of the viewer's own votes (MyVotes).
func (s *Snapshot) VotesVersion() uint64 { return s.votesVersion }

// presence is who is online and who is in which room.
type presence struct {
	online map[int64]bool
	rooms  []schedule.Here
}

func samePresence(a, b presence) bool {
	return maps.Equal(a.online, b.online) && slices.EqualFunc(a.rooms, b.rooms, func(x, y schedule.Here) bool {
		return x.PersonID == y.PersonID && x.Name == y.Name && x.Track == y.Track && x.Slot == y.Slot && x.Until.Equal(y.Until)
	})
}

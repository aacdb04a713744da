package tuitest

import (
	"fmt"
	"time"

	"github.com/lightningcamp/camp/schedule"
	"github.com/lightningcamp/camp/tui"
)

// Seeding puts rows in as they are, bypassing authorisation and rules, the
// way a database fixture would; IDs are assigned when zero.

// SeedPerson adds a person.
func (f *Fake) SeedPerson(p schedule.Person) schedule.Person {
	f.mu.Lock()
	defer f.mu.Unlock()
	if p.ID == 0 {
		p.ID = f.id()
	}
	f.people[p.ID] = &p
	return p
}

// SeedTalk adds a talk, filling Speaker from SpeakerID.
func (f *Fake) SeedTalk(t schedule.Talk) schedule.Talk {
	f.mu.Lock()
	defer f.mu.Unlock()
	t.ID, t.Event = f.id(), f.ev.Slug
	if p, ok := f.people[t.SpeakerID]; ok {
		t.Speaker = p.Name
	}
	f.talks[t.ID] = &t
	return t
}

// SeedTopic adds a topic, filling Leader from LeaderID.
func (f *Fake) SeedTopic(t schedule.Topic) schedule.Topic {
	f.mu.Lock()
	defer f.mu.Unlock()
	t.ID, t.Event = f.id(), f.ev.Slug
	if p, ok := f.people[t.LeaderID]; ok {
		t.Leader = p.Name
	}
	f.topics[t.ID] = &t
	return t
}

// SeedVote records person's dot on topic (Votes counts are seeded as given).
func (f *Fake) SeedVote(person, topic int64) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.votes[person] == nil {
		f.votes[person] = map[int64]bool{}
	}
	f.votes[person][topic] = true
}

// SeedNote adds a note entry, filling Author from AuthorID.
func (f *Fake) SeedNote(n schedule.NoteEntry) schedule.NoteEntry {
	f.mu.Lock()
	defer f.mu.Unlock()
	n.ID = f.id()
	if p, ok := f.people[n.AuthorID]; ok {
		n.Author = p.Name
	}
	f.notes[n.ID] = &n
	return n
}

// SeedReport adds an experience report, filling Author from AuthorID.
func (f *Fake) SeedReport(r schedule.Report) schedule.Report {
	f.mu.Lock()
	defer f.mu.Unlock()
	r.ID = f.id()
	if p, ok := f.people[r.AuthorID]; ok {
		r.Author = p.Name
	}
	f.reports[r.ID] = &r
	return r
}

// SeedTimer adds a timer.
func (f *Fake) SeedTimer(t schedule.Timer) schedule.Timer {
	f.mu.Lock()
	defer f.mu.Unlock()
	t.ID, t.Event = f.id(), f.ev.Slug
	f.timers[t.ID] = &t
	return t
}

// SeedAnnouncement adds an announcement.
func (f *Fake) SeedAnnouncement(a schedule.Announcement) schedule.Announcement {
	f.mu.Lock()
	defer f.mu.Unlock()
	a.ID, a.Event = f.id(), f.ev.Slug
	f.announcements = append(f.announcements, a)
	return a
}

// Now is when the seeded camp stands still: 10:02 GMT on 28 March 2026,
// during "Lightning talks I", two minutes into a five-minute talk.
var Now = time.Date(2026, 3, 28, 10, 2, 0, 0, time.UTC)

// Camp is the seeded example camp with the people and items tests need by name.
type Camp struct {
	Event *schedule.Event
	Clock *schedule.ManualClock
	Fake  *Fake

	Organiser, Attendee schedule.Actor

	LiveTalk, NextTalk, ProposedTalk int64 // in Lightning talks I
	UnplacedTopic, CompileTopic      int64 // the most voted unplaced topic; one tagged compilepython
	MeisNote                         int64 // a note on the live talk, at revision 2
}

// Deps wires the camp into tui.Deps.
func (c *Camp) Deps() tui.Deps {
	return tui.Deps{
		Event: c.Event, Clock: c.Clock, Feed: c.Fake, Presence: c.Fake,
		People: c.Fake, Talks: c.Fake, Topics: c.Fake, Notes: c.Fake, Timers: c.Fake, Announcements: c.Fake,
		ConnectHint: "attendees: ssh -p 2222 127.0.0.1",
	}
}

// NewCamp seeds the example schedule with people, talks, topics, notes, a
// running talk timer and an announcement, at Now.
func NewCamp() (*Camp, error) {
	ev, err := schedule.Parse(schedule.ExampleName, schedule.Example())
	if err != nil {
		return nil, fmt.Errorf("the example schedule does not load: %w", err)
	}
	c := &Camp{Event: ev, Clock: schedule.NewManualClock(Now)}
	c.Fake = New(ev, c.Clock)
	people := c.seedPeople()
	c.seedTalks(people)
	c.seedTopics(people)
	c.seedNotes(people)
	f := c.Fake
	f.SeedAnnouncement(schedule.Announcement{Author: "Ada Organiser", CreatedAt: at(9, 50),
		Text: "Welcome! Open space starts at 11:00 GMT in the breakout rooms: vote for topics in view 3."})
	f.SetOnline(people["ada"], people["priya"], people["tomas"], people["mei"], people["amara"])
	return c, nil
}

func at(h, m int) time.Time { return time.Date(2026, 3, 28, h, m, 0, 0, time.UTC) }

func (c *Camp) seedPeople() map[string]int64 {
	joined := at(9, 0)
	ids := map[string]int64{}
	for _, p := range []struct {
		key, name string
		role      schedule.Role
		muted     bool
	}{
		{"ada", "Ada Organiser", schedule.RoleOrganiser, false},
		{"priya", "Priya Raman", schedule.RoleAttendee, false},
		{"tomas", "Tomás Ortega", schedule.RoleAttendee, false},
		{"mei", "Mei Chen", schedule.RoleAttendee, false},
		{"jonas", "Jonas Berg", schedule.RoleAttendee, false},
		{"amara", "Amara Okafor", schedule.RoleAttendee, false},
		{"lena", "Lena Fischer", schedule.RoleAttendee, false},
		{"sam", "Sam Taylor", schedule.RoleAttendee, true},
		{"noor", "Noor Haddad", schedule.RoleAttendee, false},
	} {
		ids[p.key] = c.Fake.SeedPerson(schedule.Person{Name: p.name, Role: p.role, AcceptedCoC: joined, Muted: p.muted, CreatedAt: joined}).ID
	}
	c.Fake.SeedPerson(schedule.Person{Role: schedule.RoleAttendee, CreatedAt: at(9, 58)}) // connected, not joined yet
	c.Organiser = schedule.Actor{PersonID: ids["ada"], Role: schedule.RoleOrganiser}
	c.Attendee = schedule.Actor{PersonID: ids["priya"], Role: schedule.RoleAttendee}
	return ids
}

const liveAbstract = `Cython 3.1 builds extension modules for the **free-threaded** CPython 3.14.

- what changes for ` + "`nogil`" + ` blocks
- the new *critical sections*
- a 3x speedup on a real simulation

Code: https://github.com/example/cython-ft`

func (c *Camp) seedTalks(p map[string]int64) {
	f := c.Fake
	talk := func(block string, pos int, who, title string, min int, st schedule.TalkStatus, tools ...string) schedule.Talk {
		return f.SeedTalk(schedule.Talk{SpeakerID: p[who], Title: title, Minutes: min, Block: block, Position: pos, Status: st,
			Tools: tools, Abstract: "A lightning talk about " + title + ".", CreatedAt: at(9, 0), UpdatedAt: at(9, 0)})
	}
	talk("eu-talks", 1, "priya", "Numba on a shoestring: 40x on a loop-heavy simulation", 5, schedule.TalkDone, "numba")
	talk("eu-talks", 2, "jonas", "mypyc in production: what broke and what flew", 5, schedule.TalkDone, "mypyc")
	live := f.SeedTalk(schedule.Talk{SpeakerID: p["mei"], Title: "Cython 3 and the free-threaded interpreter", Minutes: 5,
		Block: "eu-talks", Position: 3, Status: schedule.TalkLive, Tools: []string{"cython"}, Tags: []string{"free-threading"},
		Links: []string{"https://github.com/example/cython-ft"}, CanMake: []string{"eu-talks"}, Abstract: liveAbstract,
		StartedAt: at(10, 0), CreatedAt: at(9, 0), UpdatedAt: at(9, 0)})
	c.LiveTalk = live.ID
	c.NextTalk = talk("eu-talks", 4, "tomas", "Codon for bioinformatics pipelines", 5, schedule.TalkApproved, "codon").ID
	talk("eu-talks", 5, "amara", "Nuitka: shipping a CLI as one binary", 7, schedule.TalkApproved, "nuitka")
	talk("eu-talks", 6, "lena", "Pythran and NumPy: the short tour", 5, schedule.TalkApproved, "pythran")
	c.ProposedTalk = talk("eu-talks", 7, "noor", "What the CPython JIT does to your loops", 5, schedule.TalkProposed, "cpython-jit").ID
	talk("eu-talks", 8, "sam", "PyPy for web back ends in 2026", 5, schedule.TalkProposed, "pypy")
	talk("eu-talks", 9, "jonas", "Rewrite it all in Rust (a rant)", 5, schedule.TalkRejected)
	talk("am-talks", 1, "priya", "Shed Skin revisited", 5, schedule.TalkApproved, "shedskin")
	talk("am-talks", 2, "mei", "Mojo for Python programmers", 10, schedule.TalkProposed, "mojo")
	f.SeedTimer(schedule.Timer{Kind: schedule.TimerTalk, Label: live.Title, Ref: schedule.Target{Kind: "talk", ID: live.ID}.String(),
		StartedAt: at(10, 0), Duration: 5 * time.Minute})
}

func (c *Camp) seedTopics(p map[string]int64) {
	f := c.Fake
	topic := func(who, title string, votes int, track, slot string, tags ...string) schedule.Topic {
		st := schedule.TopicOpen
		if track != "" {
			st = schedule.TopicPlaced
		}
		return f.SeedTopic(schedule.Topic{LeaderID: p[who], Title: title, Votes: votes, Status: st, Track: track, Slot: slot, Tags: tags,
			Description: "Let's talk about " + title + ".", CreatedAt: at(9, 30), UpdatedAt: at(9, 30)})
	}
	topic("priya", "Which compiler for which workload? Reports for compilepython.com", 9, "a", "eu-openspace-1/1", "compilepython")
	ft := topic("mei", "Free-threading and C extensions", 7, "b", "eu-openspace-1/1")
	topic("tomas", "Packaging compiled wheels", 5, "c", "eu-openspace-1/1")
	topic("jonas", "Benchmarks that do not lie", 4, "b", "eu-openspace-1/2")
	hints := topic("amara", "Type hints as compiler input", 6, "", "")
	c.UnplacedTopic = hints.ID
	c.CompileTopic = topic("priya", "mypyc vs Cython for library authors", 5, "", "", "compilepython").ID
	topic("lena", "Profiling before compiling", 3, "", "")
	topic("noor", "Teaching compiled Python to beginners", 2, "", "")
	topic("sam", "Compiling Django templates?", 1, "", "")
	f.SeedVote(p["priya"], ft.ID)
	f.SeedVote(p["priya"], hints.ID)
}

func (c *Camp) seedNotes(p map[string]int64) {
	f := c.Fake
	live := schedule.Target{Kind: "talk", ID: c.LiveTalk}
	f.SeedNote(schedule.NoteEntry{Target: live, AuthorID: p["tomas"], Revision: 1, CreatedAt: at(10, 1), UpdatedAt: at(10, 1),
		Text: "Slides: https://example.org/cython-ft\nCritical sections replace the GIL for shared state."})
	c.MeisNote = f.SeedNote(schedule.NoteEntry{Target: live, AuthorID: p["mei"], Revision: 2, CreatedAt: at(9, 40), UpdatedAt: at(10, 1),
		Text: "Questions to follow up in the open space:\n- thread-safety of module state\n- wheels for 3.14t"}).ID
	f.SeedReport(schedule.Report{Target: live, AuthorID: p["amara"], Project: "astro-sim", ProjectURL: "https://github.com/example/astro-sim",
		Tool: "cython", ToolVersion: "3.1", Outcome: schedule.OutcomeWorked, Speedup: 3.2, CreatedAt: at(10, 1),
		Learnt: "Typed memoryviews did most of the work; the free-threaded build needed one lock."})
}

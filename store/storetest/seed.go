package storetest

import (
	"context"
	"slices"
	"testing"
	"time"

	"github.com/lightningcamp/camp/schedule"
	"github.com/lightningcamp/camp/store"
)

// Seeded is the example camp at SeedNow (10:02 GMT, two minutes into the
// first live talk), put together through the store's own API, so that every
// row in it obeys the camp's rules: people who joined, a talks queue with
// talks done, live, approved, proposed and rejected, an open-space board
// with dots and placed topics, notes, a report and an announcement.
type Seeded struct {
	Camp  *store.Camp
	Clock *schedule.ManualClock

	Organiser, Attendee schedule.Actor // Ada Organiser; Priya Raman
	People              map[string]schedule.Actor

	LiveTalk, NextTalk, ProposedTalk int64 // in Lightning talks I
	UnplacedTopic, CompileTopic      int64 // the most voted unplaced topic; one tagged compilepython
	MeisNote                         int64 // a note on the live talk, at revision 2
}

func seedAt(h, m int) time.Time { return time.Date(2026, 3, 28, h, m, 0, 0, time.UTC) }

// SeedCamp opens a new camp and seeds it; the clock is left at SeedNow.
func SeedCamp(tb testing.TB) *Seeded {
	tb.Helper()
	clock := schedule.NewManualClock(seedAt(9, 0))
	ev := Example(tb)
	// The seed writes faster than people type, at a few fixed instants;
	// the write limit has tests of its own.
	ev.Limits.WriteBurst = 1000
	s := &Seeded{Camp: MustOpenCamp(tb, ev, clock), Clock: clock, People: map[string]schedule.Actor{}}
	must := func(err error) {
		tb.Helper()
		if err != nil {
			tb.Fatal(err)
		}
	}
	ctx := context.Background()
	c := s.Camp
	for _, p := range []struct {
		key, name string
		organiser bool
	}{
		{"ada", "Ada Organiser", true}, {"priya", "Priya Raman", false}, {"tomas", "Tomás Ortega", false},
		{"mei", "Mei Chen", false}, {"jonas", "Jonas Berg", false}, {"amara", "Amara Okafor", false},
		{"lena", "Lena Fischer", false}, {"sam", "Sam Taylor", false}, {"noor", "Noor Haddad", false},
	} {
		s.People[p.key] = MustJoin(tb, c, p.name, p.organiser)
	}
	s.Organiser, s.Attendee = s.People["ada"], s.People["priya"]
	org := s.Organiser
	clock.Set(seedAt(9, 58))
	_, err := c.Login(ctx, FakeFingerprint("not joined yet"), false) // connected, not joined yet
	must(err)

	// The talks, in queue order.
	clock.Set(seedAt(9, 10))
	talk := func(who, title string, minutes int, tools ...string) schedule.Talk {
		tb.Helper()
		t, err := c.ProposeTalk(ctx, s.People[who], schedule.TalkProposal{Title: title, Minutes: minutes, Tools: tools,
			Abstract: "A lightning talk about " + title + "."})
		must(err)
		return t
	}
	act := func(id int64, acts ...schedule.TalkAction) {
		tb.Helper()
		for _, a := range acts {
			_, err := c.ActOnTalk(ctx, org, id, a)
			must(err)
		}
	}
	first := talk("priya", "Numba on a shoestring: 40x on a loop-heavy simulation", 5, "numba")
	second := talk("jonas", "mypyc in production: what broke and what flew", 5, "mypyc")
	live, err := c.ProposeTalk(ctx, s.People["mei"], schedule.TalkProposal{Title: "Cython 3 and the free-threaded interpreter",
		Minutes: 5, Tools: []string{"cython"}, Tags: []string{"free-threading"}, Links: []string{"https://github.com/example/cython-ft"},
		CanMake: []string{"eu-talks"}, Abstract: liveAbstract})
	must(err)
	next := talk("tomas", "Codon for bioinformatics pipelines", 5, "codon")
	nuitka := talk("amara", "Nuitka: shipping a CLI as one binary", 7, "nuitka")
	pythran := talk("lena", "Pythran and NumPy: the short tour", 5, "pythran")
	proposed := talk("noor", "What the CPython JIT does to your loops", 5)
	talk("sam", "PyPy for web back ends in 2026", 5, "pypy")
	rant := talk("jonas", "Rewrite it all in Rust (a rant)", 5)
	shedskin := talk("priya", "Shed Skin revisited", 5, "shedskin")
	mojo := talk("mei", "Mojo for Python programmers", 10, "mojo")
	for _, t := range []schedule.Talk{shedskin, mojo} {
		_, err := c.RescheduleTalk(ctx, org, t.ID, "am-talks")
		must(err)
	}
	act(rant.ID, schedule.ActReject)
	for _, t := range []schedule.Talk{first, second, live, next, nuitka, pythran, shedskin} {
		act(t.ID, schedule.ActApprove)
	}
	clock.Set(seedAt(9, 50))
	_, err = c.Announce(ctx, org, "Welcome! Open space starts at 11:00 GMT in the breakout rooms: vote for topics in view 3.")
	must(err)
	clock.Set(seedAt(10, 0))
	act(first.ID, schedule.ActStart, schedule.ActFinish)
	act(second.ID, schedule.ActStart, schedule.ActFinish)
	act(live.ID, schedule.ActStart)
	s.LiveTalk, s.NextTalk, s.ProposedTalk = live.ID, next.ID, proposed.ID

	// The topics, with their dots: each needs so many from people other
	// than Priya, who has put hers on two topics (and has three left).
	clock.Set(seedAt(9, 30))
	type seedTopic struct {
		who, title string
		dots       int
		track      string
		slot       string
		tags       []string
		id         int64
	}
	topics := []*seedTopic{
		{who: "priya", title: "Which compiler for which workload? Reports for compilepython.com", dots: 8, track: "a", slot: "eu-openspace-1/1", tags: []string{"compilepython"}},
		{who: "mei", title: "Free-threading and C extensions", dots: 6, track: "b", slot: "eu-openspace-1/1"},
		{who: "tomas", title: "Packaging compiled wheels", dots: 5, track: "c", slot: "eu-openspace-1/1"},
		{who: "jonas", title: "Benchmarks that do not lie", dots: 4, track: "b", slot: "eu-openspace-1/2"},
		{who: "amara", title: "Type hints as compiler input", dots: 5},
		{who: "priya", title: "mypyc vs Cython for library authors", dots: 5, tags: []string{"compilepython"}},
		{who: "lena", title: "Profiling before compiling", dots: 3},
		{who: "noor", title: "Teaching compiled Python to beginners", dots: 2},
		{who: "sam", title: "Compiling Django templates?", dots: 1},
	}
	for _, t := range topics {
		tp, err := c.ProposeTopic(ctx, s.People[t.who], schedule.TopicProposal{Title: t.title, Tags: t.tags,
			Description: "Let's talk about " + t.title + "."})
		must(err)
		t.id = tp.ID
	}
	voters := []string{"ada", "tomas", "mei", "jonas", "amara", "lena", "sam", "noor"}
	left := map[string]int{}
	for _, v := range voters {
		left[v] = s.Camp.Event().OpenSpace.DotsPerPerson
	}
	for _, t := range topics {
		byDotsLeft := slices.Clone(voters)
		slices.SortStableFunc(byDotsLeft, func(a, b string) int { return left[b] - left[a] })
		for _, v := range byDotsLeft[:t.dots] {
			_, err := c.Vote(ctx, s.People[v], t.id, true)
			must(err)
			left[v]--
		}
	}
	for _, i := range []int{1, 4} { // Priya's own dots: free-threading, type hints
		_, err := c.Vote(ctx, s.Attendee, topics[i].id, true)
		must(err)
	}
	for _, t := range topics {
		if t.track != "" {
			_, err := c.PlaceTopic(ctx, org, t.id, t.track, t.slot)
			must(err)
		}
	}
	s.UnplacedTopic, s.CompileTopic = topics[4].id, topics[5].id
	_, err = c.Moderate(ctx, org, s.People["sam"].PersonID, schedule.Moderation{Muted: ptr(true)})
	must(err)

	// Notes and a report on the live talk.
	target := schedule.Target{Kind: "talk", ID: live.ID}
	clock.Set(seedAt(9, 40))
	mei, err := c.AddNote(ctx, s.People["mei"], target, "Questions to follow up in the open space:\n- thread-safety of module state")
	must(err)
	clock.Set(seedAt(10, 1))
	_, err = c.AddNote(ctx, s.People["tomas"], target, "Slides: https://example.org/cython-ft\nCritical sections replace the GIL for shared state.")
	must(err)
	mei, err = c.EditNote(ctx, s.People["mei"], mei.ID, mei.Revision, "Questions to follow up in the open space:\n- thread-safety of module state\n- wheels for 3.14t")
	must(err)
	s.MeisNote = mei.ID
	_, err = c.AddReport(ctx, s.People["amara"], target, schedule.ReportInput{Project: "astro-sim",
		ProjectURL: "https://github.com/example/astro-sim", Tool: "cython", ToolVersion: "3.1", Outcome: schedule.OutcomeWorked,
		Speedup: 3.2, Learnt: "Typed memoryviews did most of the work; the free-threaded build needed one lock."})
	must(err)
	clock.Set(SeedNow)
	return s
}

func ptr[T any](v T) *T { return &v }

const liveAbstract = `Cython 3.1 builds extension modules for the **free-threaded** CPython 3.14.

- what changes for ` + "`nogil`" + ` blocks
- the new *critical sections*
- a 3x speedup on a real simulation

Code: https://github.com/example/cython-ft`

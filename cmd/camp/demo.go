package main

import (
	"context"
	"crypto/sha256"
	"encoding/base64"
	"errors"
	"fmt"
	"path/filepath"
	"slices"
	"time"

	"github.com/spf13/cobra"

	"github.com/lightningcamp/camp/schedule"
	"github.com/lightningcamp/camp/store"
)

// demoCommand is `camp demo`: the console on a made-up day of the built-in
// example, two minutes into the first lightning talk, so a newcomer sees
// the product working in one command. It is a rehearsal on a database of
// its own (demo.db in the data directory, made anew each time): the real
// day is never touched.
func (c *config) demoCommand() *cobra.Command {
	var server serverFlags
	cmd := &cobra.Command{
		Use:   "demo",
		Short: "Open the console on a made-up day (a rehearsal that never touches the real database)",
		Long: "demo opens the console on the built-in example day at 10:02 GMT, with talks done, live,\n" +
			"approved and proposed, a board with placed topics, notes, a report and people in several\n" +
			"zones. It uses demo.db in the data directory, made anew each time; --now and --speed\n" +
			"move its clock as in any rehearsal. Attendees can join it over SSH as usual.",
		Args: noArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			path := filepath.Join(c.dataDir(), "demo.db")
			if err := seedDemo(cmd.Context(), path); err != nil {
				return fmt.Errorf("cannot make the demo day: %w", err)
			}
			c.rehearsal.demo, c.exampleOnly = path, true
			if c.now == "" {
				c.now = demoNow.Format(time.RFC3339)
			}
			return c.runConsole(cmd, &server)
		},
	}
	server.bind(cmd)
	c.bindZoneFlag(cmd)
	return cmd
}

// demoNow is when the demo day opens: the first lightning talk is two
// minutes in.
var demoNow = time.Date(2026, 3, 28, 10, 2, 0, 0, time.UTC)

func demoAt(h, m int) time.Time { return time.Date(2026, 3, 28, h, m, 0, 0, time.UTC) }

// seedDemo makes the demo's database anew and fills it through the
// store's own API, so every row obeys the camp's rules.
func seedDemo(ctx context.Context, path string) error {
	if err := removeDatabase(path); err != nil {
		return err
	}
	ev, err := schedule.Parse(schedule.ExampleName, schedule.Example())
	if err != nil {
		return err
	}
	ev.Limits.WriteBurst = 1000 // the seed writes faster than people type
	clock := schedule.NewManualClock(demoAt(9, 0))
	db, err := store.Open(path, store.Options{Clock: clock})
	if err != nil {
		return err
	}
	defer db.Close()
	camp, err := db.Camp(ctx, ev)
	if err != nil {
		return err
	}
	d := &demo{ctx: ctx, c: camp, clock: clock, people: map[string]schedule.Actor{}}
	d.joinPeople()
	d.talks()
	d.topics()
	d.notes()
	return d.err
}

// demo seeds one camp, keeping the first error: each step after it does
// nothing.
type demo struct {
	ctx    context.Context
	c      *store.Camp
	clock  *schedule.ManualClock
	people map[string]schedule.Actor
	live   int64
	err    error
}

func (d *demo) check(err error) {
	if d.err == nil && err != nil {
		d.err = err
	}
}

func (d *demo) joinPeople() {
	d.clock.Set(demoAt(9, 0))
	for _, p := range []struct {
		key, name, zone string
		organiser       bool
	}{
		{"ada", "Ada Organiser", "Europe/London", true}, {"priya", "Priya Raman", "Asia/Kolkata", false},
		{"tomas", "Tomás Ortega", "Europe/Madrid", false}, {"mei", "Mei Chen", "America/Los_Angeles", false},
		{"jonas", "Jonas Berg", "Europe/Berlin", false}, {"amara", "Amara Okafor", "Africa/Lagos", false},
		{"lena", "Lena Fischer", "Europe/Vienna", false}, {"sam", "Sam Taylor", "America/New_York", false},
		{"noor", "Noor Haddad", "Asia/Dubai", false},
	} {
		if d.err != nil {
			return
		}
		person, err := d.c.Login(d.ctx, demoFingerprint(p.key), p.organiser)
		d.check(err)
		if d.err == nil {
			person, err = d.c.Join(d.ctx, person.Actor(), schedule.JoinRequest{Name: p.name, TZ: p.zone, AcceptCoC: true})
			d.check(err)
		}
		d.people[p.key] = person.Actor()
	}
}

// demoFingerprint is a made-up key fingerprint: nobody holds these keys.
func demoFingerprint(who string) string {
	sum := sha256.Sum256([]byte("camp demo " + who))
	return "SHA256:" + base64.RawStdEncoding.EncodeToString(sum[:])
}

func (d *demo) talk(who, title string, minutes int, tools ...string) schedule.Talk {
	if d.err != nil {
		return schedule.Talk{}
	}
	t, err := d.c.ProposeTalk(d.ctx, d.people[who], schedule.TalkProposal{Title: title, Minutes: minutes, Tools: tools,
		Abstract: "A lightning talk about " + title + "."})
	d.check(err)
	return t
}

func (d *demo) act(id int64, acts ...schedule.TalkAction) {
	for _, a := range acts {
		if d.err != nil {
			return
		}
		_, err := d.c.ActOnTalk(d.ctx, d.people["ada"], id, a)
		d.check(err)
	}
}

// talks: a queue with talks done, one live, approved ones waiting, a
// proposal, a rejection and talks for the Americas block.
func (d *demo) talks() {
	d.clock.Set(demoAt(9, 10))
	first := d.talk("priya", "Numba on a shoestring: 40x on a loop-heavy simulation", 5, "numba")
	second := d.talk("jonas", "mypyc in production: what broke and what flew", 5, "mypyc")
	live := d.talk("mei", "Cython 3 and the free-threaded interpreter", 5, "cython")
	next := d.talk("tomas", "Codon for bioinformatics pipelines", 5, "codon")
	nuitka := d.talk("amara", "Nuitka: shipping a CLI as one binary", 7, "nuitka")
	pythran := d.talk("lena", "Pythran and NumPy: the short tour", 5, "pythran")
	d.talk("noor", "What the CPython JIT does to your loops", 5)
	d.talk("sam", "PyPy for web back ends in 2026", 5, "pypy")
	rant := d.talk("jonas", "Rewrite it all in Rust (a rant)", 5)
	shedskin := d.talk("priya", "Shed Skin revisited", 5, "shedskin")
	mojo := d.talk("mei", "Mojo for Python programmers", 10, "mojo")
	for _, t := range []schedule.Talk{shedskin, mojo} {
		if d.err == nil {
			_, err := d.c.RescheduleTalk(d.ctx, d.people["ada"], t.ID, "am-talks")
			d.check(err)
		}
	}
	d.act(rant.ID, schedule.ActReject)
	for _, t := range []schedule.Talk{first, second, live, next, nuitka, pythran, shedskin} {
		d.act(t.ID, schedule.ActApprove)
	}
	d.clock.Set(demoAt(9, 50))
	if d.err == nil {
		_, err := d.c.Announce(d.ctx, d.people["ada"], "Welcome! Open space starts at 11:00 GMT in the breakout rooms: vote for topics in view 3.")
		d.check(err)
	}
	d.clock.Set(demoAt(10, 0))
	d.act(first.ID, schedule.ActStart, schedule.ActFinish)
	d.act(second.ID, schedule.ActStart, schedule.ActFinish)
	d.act(live.ID, schedule.ActStart)
	d.live = live.ID
}

// topics: proposals with dots, three placed on the board for the first
// slot and one for the second.
func (d *demo) topics() {
	d.clock.Set(demoAt(9, 30))
	topics := []struct {
		who, title  string
		dots        int
		track, slot string
		tags        []string
		id          int64
	}{
		{who: "priya", title: "Which compiler for which workload? Reports for compilepython.com", dots: 8, track: "a", slot: "eu-openspace-1/1", tags: []string{"compilepython"}},
		{who: "mei", title: "Free-threading and C extensions", dots: 6, track: "b", slot: "eu-openspace-1/1"},
		{who: "tomas", title: "Packaging compiled wheels", dots: 5, track: "c", slot: "eu-openspace-1/1"},
		{who: "jonas", title: "Benchmarks that do not lie", dots: 4, track: "b", slot: "eu-openspace-1/2"},
		{who: "amara", title: "Type hints as compiler input", dots: 5},
		{who: "lena", title: "Profiling before compiling", dots: 3},
		{who: "noor", title: "Teaching compiled Python to beginners", dots: 2},
	}
	voters := []string{"ada", "tomas", "mei", "jonas", "amara", "lena", "sam", "noor"}
	left := map[string]int{}
	for _, v := range voters {
		left[v] = d.c.Event().OpenSpace.DotsPerPerson
	}
	for i := range topics {
		t := &topics[i]
		if d.err != nil {
			return
		}
		tp, err := d.c.ProposeTopic(d.ctx, d.people[t.who], schedule.TopicProposal{Title: t.title, Tags: t.tags,
			Description: "Let's talk about " + t.title + "."})
		d.check(err)
		t.id = tp.ID
		byDotsLeft := slices.Clone(voters)
		slices.SortStableFunc(byDotsLeft, func(a, b string) int { return left[b] - left[a] })
		for _, v := range byDotsLeft[:t.dots] {
			if d.err == nil {
				_, err := d.c.Vote(d.ctx, d.people[v], t.id, true)
				d.check(err)
				left[v]--
			}
		}
		if t.track != "" && d.err == nil {
			_, err := d.c.PlaceTopic(d.ctx, d.people["ada"], t.id, t.track, t.slot)
			d.check(err)
		}
	}
}

// notes: notes and an experience report on the live talk.
func (d *demo) notes() {
	if d.err != nil {
		return
	}
	target := schedule.Target{Kind: "talk", ID: d.live}
	d.clock.Set(demoAt(10, 1))
	_, err := d.c.AddNote(d.ctx, d.people["tomas"], target, "Slides: https://example.org/cython-ft\nCritical sections replace the GIL for shared state.")
	d.check(err)
	if d.err == nil {
		_, err = d.c.AddReport(d.ctx, d.people["amara"], target, schedule.ReportInput{Project: "astro-sim",
			ProjectURL: "https://github.com/example/astro-sim", Tool: "cython", ToolVersion: "3.1", Outcome: schedule.OutcomeWorked,
			Speedup: 3.2, Learnt: "Typed memoryviews did most of the work; the free-threaded build needed one lock."})
		d.check(err)
	}
	if d.err == nil && d.live == 0 {
		d.err = errors.New("the demo has no live talk")
	}
}

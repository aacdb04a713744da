package commands_test

import (
	"bytes"
	"context"
	"encoding/json"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/x/exp/golden"
	"github.com/emersion/go-ical"
	"github.com/spf13/cobra"

	"github.com/lightningcamp/camp/schedule"
	"github.com/lightningcamp/camp/schedule/export"
	"github.com/lightningcamp/camp/store/storetest"
	"github.com/lightningcamp/camp/tui/commands"
)

func seriesEnv(t *testing.T) (*storetest.Series, *commands.Env) {
	t.Helper()
	s := storetest.SeriesCamps(t)
	return s, &commands.Env{Backend: s.Camps[2], Actor: s.Author, Clock: s.Clock, Fingerprint: storetest.FakeFingerprint("Priya Raman"), SSHCommand: sshCommand}
}

// TestGuideGolden: the guide over three camps of a series, every figure
// with its n: cython's median of three (odd n), mypyc's of two (even n),
// and the report without a measured speed-up counted, not averaged.
func TestGuideGolden(t *testing.T) {
	_, env := seriesEnv(t)
	for name, args := range map[string][]string{"all": {"guide"}, "cython": {"guide", "--tool", "cython"}} {
		t.Run(name, func(t *testing.T) {
			r := mustRun(t, env, args...)
			golden.RequireEqual(t, []byte(r.stdout))
		})
	}
}

func TestGuideJSON(t *testing.T) {
	_, env := seriesEnv(t)
	var doc struct {
		Series  string
		Reports int
		Camps   int
		Tools   []struct {
			Tool     string
			Reports  int
			Outcomes schedule.OutcomeCounts
			Speedup  schedule.SpeedupStats
			Camps    []string
			Projects []struct{ Project, Camp, ProjectURL string }
		}
	}
	r := mustRun(t, env, "guide", "--json")
	if err := json.Unmarshal([]byte(r.stdout), &doc); err != nil {
		t.Fatal(err)
	}
	if doc.Reports != 8 || doc.Camps != 3 || len(doc.Tools) != 3 {
		t.Fatalf("guide --json: %d reports from %d camps, %d tools; want 8, 3, 3:\n%s", doc.Reports, doc.Camps, len(doc.Tools), r.stdout)
	}
	mypyc := doc.Tools[1]
	if mypyc.Tool != "mypyc" || mypyc.Speedup != (schedule.SpeedupStats{N: 2, Median: 4, Min: 3, Max: 5}) || len(mypyc.Projects) != 3 {
		t.Errorf("mypyc = %+v", mypyc)
	}
	if got := decode(t, r); !slices.Equal(keys(got), sorted("series", "reports", "camps", "tools")) {
		t.Errorf("keys %v", keys(got))
	}
}

func TestGuideUnknownToolSaysWhichToolsHaveReports(t *testing.T) {
	_, env := seriesEnv(t)
	wantFailure(t, run(t, env, "guide", "--tool", "codon"), 1, `no experience reports on "codon": reports are on cython, mypyc, numba`)
}

func TestGuideForGuestsAndTheLocalCLI(t *testing.T) {
	_, env := seriesEnv(t)
	guest := *env
	guest.Actor = schedule.Guest
	if r := mustRun(t, &guest, "guide"); !strings.Contains(r.stdout, "cython: 4 reports from 3 camps") {
		t.Errorf("a guest's guide:\n%s", r)
	}
	// The local CLI mounts the same command.
	var names []string
	for _, cmd := range commands.Commands(func(*cobra.Command) (*commands.Env, error) { return env, nil }) {
		names = append(names, cmd.Name())
	}
	if !slices.Contains(names, "guide") {
		t.Errorf("the local CLI has no guide: %v", names)
	}
}

// placedTopic is a topic on the board of the seeded camp.
func placedTopic(t *testing.T, c *camp) schedule.Topic {
	t.Helper()
	topics, err := c.store.Topics(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	for _, tp := range topics {
		if tp.Status == schedule.TopicPlaced {
			return tp
		}
	}
	t.Fatal("no placed topic")
	return schedule.Topic{}
}

func TestStarAndAgenda(t *testing.T) {
	s := storetest.SeedCamp(t)
	c := &camp{t: t, store: s.Camp, clock: s.Clock}
	priya := c.env(s.Attendee, storetest.FakeFingerprint("priya"))
	topic := placedTopic(t, c)
	live := "talk:" + itoa(s.LiveTalk)
	if r := mustRun(t, priya, "star", live); !strings.Contains(r.stdout, "Starred "+live) {
		t.Errorf("star:\n%s", r)
	}
	mustRun(t, priya, "star", "topic:"+itoa(topic.ID))
	mustRun(t, priya, "star", "talk:"+itoa(s.NextTalk))
	mustRun(t, priya, "unstar", "talk:"+itoa(s.NextTalk))
	mustRun(t, priya, "star", "--remove", "talk:"+itoa(s.NextTalk))

	r := mustRun(t, priya, "agenda", "--tz", "America/New_York")
	for _, want := range []string{"My agenda (times in America/New_York)", live, "topic:" + itoa(topic.ID), "EDT", "https://"} {
		if !strings.Contains(r.stdout, want) {
			t.Errorf("agenda should show %q:\n%s", want, r)
		}
	}
	if strings.Contains(r.stdout, "talk:"+itoa(s.NextTalk)+" ") {
		t.Errorf("the unstarred talk is still on the agenda:\n%s", r)
	}
	doc := decode(t, mustRun(t, priya, "agenda", "--json"))
	items := doc["items"].([]any)
	if len(items) != 2 {
		t.Fatalf("agenda --json has %d items, want 2:\n%v", len(items), doc)
	}
	first := items[0].(map[string]any)
	if !slices.Equal(keys(first), sorted("target", "title", "who", "status", "start", "end", "room", "join_link", "uid")) {
		t.Errorf("agenda item keys %v", keys(first))
	}
	if other := c.attendee("Someone Else"); !strings.Contains(mustRun(t, other, "agenda").stdout, "Nothing starred yet") {
		t.Error("another person sees Priya's agenda")
	}
	wantFailure(t, run(t, c.guest(), "agenda"), 1, "guests have no agenda")
	wantFailure(t, run(t, c.guest(), "star", live), 1, "guests can only look")
	wantFailure(t, run(t, priya, "star", "talk"), 2, "is not a note target")
}

// TestAgendaICSHasTheExportsUIDs: agenda --ics parses with go-ical, is in
// UTC, and gives each item the UID the camp's schedule.ics gives it.
func TestAgendaICSHasTheExportsUIDs(t *testing.T) {
	s := storetest.SeedCamp(t)
	c := &camp{t: t, store: s.Camp, clock: s.Clock}
	priya := c.env(s.Attendee, storetest.FakeFingerprint("priya"))
	topic := placedTopic(t, c)
	mustRun(t, priya, "star", "talk:"+itoa(s.LiveTalk))
	mustRun(t, priya, "star", "topic:"+itoa(topic.ID))
	mine := icsEvents(t, []byte(mustRun(t, priya, "agenda", "--ics").stdout))

	ctx := context.Background()
	all := export.Camp{Event: s.Camp.Event(), GeneratedAt: s.Clock.Now()}
	all.Talks, _ = s.Camp.Talks(ctx, schedule.TalkFilter{})
	all.Topics, _ = s.Camp.Topics(ctx)
	var buf bytes.Buffer
	if err := export.WriteICS(&buf, all); err != nil {
		t.Fatal(err)
	}
	exported := icsEvents(t, buf.Bytes())
	if len(mine) != 2 {
		t.Fatalf("agenda --ics has %d events, want 2: %v", len(mine), mine)
	}
	for uid, when := range mine {
		if exported[uid] != when {
			t.Errorf("%s: agenda %v, schedule.ics %v: want the same UID and times", uid, when, exported[uid])
		}
	}
}

func icsEvents(t *testing.T, data []byte) map[string][2]time.Time {
	t.Helper()
	cal, err := ical.NewDecoder(bytes.NewReader(data)).Decode()
	if err != nil {
		t.Fatalf("not iCalendar: %v\n%s", err, data)
	}
	out := map[string][2]time.Time{}
	for _, e := range cal.Events() {
		uid, _ := e.Props.Text(ical.PropUID)
		start, err1 := e.DateTimeStart(time.UTC)
		end, err2 := e.DateTimeEnd(time.UTC)
		if err1 != nil || err2 != nil || !strings.HasSuffix(e.Props.Get(ical.PropDateTimeStart).Value, "Z") {
			t.Errorf("%s: times not in UTC: %v %v", uid, err1, err2)
		}
		out[uid] = [2]time.Time{start, end}
	}
	return out
}

// TestAgendaDropsWhatTheViewerMayNoLongerSee: a starred talk that is
// rejected afterwards leaves the agenda, as it leaves the talks list.
func TestAgendaDropsWhatTheViewerMayNoLongerSee(t *testing.T) {
	s := storetest.SeedCamp(t)
	c := &camp{t: t, store: s.Camp, clock: s.Clock}
	priya := c.env(s.Attendee, storetest.FakeFingerprint("priya"))
	next := "talk:" + itoa(s.NextTalk)
	mustRun(t, priya, "star", next)
	if _, err := s.Camp.ActOnTalk(context.Background(), s.Organiser, s.NextTalk, schedule.ActReject); err != nil {
		t.Fatal(err)
	}
	if r := mustRun(t, priya, "agenda"); strings.Contains(r.stdout, next) {
		t.Errorf("a rejected talk of someone else is still on the agenda:\n%s", r)
	}
}

package main

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/lightningcamp/camp/schedule"
	"github.com/lightningcamp/camp/store"
	"github.com/lightningcamp/camp/store/storetest"
)

// proposeOnTheRealDay has an attendee propose a talk in the real database.
func proposeOnTheRealDay(t *testing.T, path, title string) {
	t.Helper()
	db, err := store.Open(path, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	ev, err := schedule.Parse(schedule.ExampleName, schedule.Example())
	if err != nil {
		t.Fatal(err)
	}
	camp, err := db.Camp(context.Background(), ev)
	if err != nil {
		t.Fatal(err)
	}
	storetest.MustProposeTalk(t, camp, storetest.MustJoin(t, camp, "Priya", false), title)
}

func checksum(t *testing.T, path string) string {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	sum := sha256.Sum256(data)
	return hex.EncodeToString(sum[:])
}

// A rehearsal that approves, starts, finishes and announces leaves the real
// database byte for byte as it was: it works on a copy of its own.
func TestRehearsalLeavesTheRealDatabaseAlone(t *testing.T) {
	data := t.TempDir()
	env := map[string]string{"CAMP_DATA": data}
	mustRun := func(args ...string) string {
		t.Helper()
		code, out, errOut := run(t, env, args...)
		if code != 0 {
			t.Fatalf("camp %s: exit %d\n%s%s", strings.Join(args, " "), code, out, errOut)
		}
		return out + errOut
	}
	real := filepath.Join(data, "camp.db")
	proposeOnTheRealDay(t, real, "Cython in anger")
	mustRun("announce", "The real day")
	before := checksum(t, real)

	out := mustRun("--now", "10:00", "--rehearse-from", "real", "queue", "approve", "1")
	if !strings.Contains(out, "REHEARSAL") {
		t.Errorf("a rehearsal's command does not say it is one:\n%s", out)
	}
	mustRun("--now", "10:00", "queue", "start", "1")
	mustRun("--now", "10:06", "queue", "finish", "1")
	mustRun("--now", "10:07", "announce", "Rehearsal only")
	if out := mustRun("--now", "10:08", "talks", "--json"); !strings.Contains(out, `"done"`) {
		t.Errorf("the rehearsal lost its own work (the talk should be done):\n%s", out)
	}

	if after := checksum(t, real); after != before {
		t.Fatal("the rehearsal changed the real database")
	}
	if out := mustRun("now", "--json"); strings.Contains(out, "Rehearsal only") {
		t.Errorf("the rehearsal's announcement is on the real day:\n%s", out)
	}
	if out := mustRun("talks", "--json"); strings.Contains(out, `"done"`) || strings.Contains(out, `"approved"`) {
		t.Errorf("the rehearsal's steps are on the real day:\n%s", out)
	}
}

// The organiser can still rehearse on the real database, but only by
// saying so.
func TestRehearsalOnTheRealDatabaseIsExplicit(t *testing.T) {
	data := t.TempDir()
	env := map[string]string{"CAMP_DATA": data}
	if code, _, errOut := run(t, env, "--now", "10:00", "--rehearse-on-real-db", "announce", "On the real day"); code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	if _, out, _ := run(t, env, "now", "--json"); !strings.Contains(out, "On the real day") {
		t.Errorf("--rehearse-on-real-db did not write the real database:\n%s", out)
	}
	for _, args := range [][]string{
		{"--rehearse-from", "real", "talks"},
		{"--now", "10:00", "--rehearse-from", "yesterday", "talks"},
		{"--now", "10:00", "--rehearse-from", "real", "--rehearse-on-real-db", "talks"},
	} {
		if code, _, errOut := run(t, env, args...); code != exitUsage {
			t.Errorf("camp %s: exit %d, want %d (%s)", strings.Join(args, " "), code, exitUsage, errOut)
		}
	}
}

// `camp demo` shows a live day in one command, on a database of its own:
// talks in every state, a board, notes, a report, people in several zones.
func TestDemoShowsALiveDayWithoutTouchingTheRealDatabase(t *testing.T) {
	data := t.TempDir()
	code, out, errOut := run(t, map[string]string{"CAMP_DATA": data}, "demo")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	for _, want := range []string{"DEMO", "Now:  Lightning talks I"} {
		if !strings.Contains(out, want) {
			t.Errorf("camp demo does not say %q:\n%s", want, out)
		}
	}
	if _, err := os.Stat(filepath.Join(data, "camp.db")); !os.IsNotExist(err) {
		t.Errorf("camp demo made or touched the real database (%v)", err)
	}
	db, err := store.Open(filepath.Join(data, "demo.db"), store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	ev, _ := schedule.Parse(schedule.ExampleName, schedule.Example())
	camp, err := db.Camp(context.Background(), ev)
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	talks, _ := camp.Talks(ctx, schedule.TalkFilter{})
	states := map[schedule.TalkStatus]bool{}
	for _, tk := range talks {
		states[tk.Status] = true
	}
	for _, s := range []schedule.TalkStatus{schedule.TalkDone, schedule.TalkLive, schedule.TalkApproved, schedule.TalkProposed, schedule.TalkRejected} {
		if !states[s] {
			t.Errorf("the demo has no %s talk", s)
		}
	}
	topics, _ := camp.Topics(ctx)
	placed := 0
	for _, tp := range topics {
		if tp.Status == schedule.TopicPlaced {
			placed++
		}
	}
	people, _ := camp.People(ctx)
	zones := map[string]bool{}
	for _, p := range people {
		zones[p.TZ] = true
	}
	live := talks[slices.IndexFunc(talks, func(tk schedule.Talk) bool { return tk.Status == schedule.TalkLive })]
	notes, _ := camp.Notes(ctx, schedule.Target{Kind: "talk", ID: live.ID})
	reports, _ := camp.Reports(ctx, schedule.Target{Kind: "talk", ID: live.ID})
	if placed < 3 || len(zones) < 4 || len(notes) == 0 || len(reports) == 0 {
		t.Errorf("the demo day is thin: %d topics placed, %d zones, %d notes, %d reports", placed, len(zones), len(notes), len(reports))
	}
}

// The console's own zone: --tz, else the zone the organiser chose, else
// TZ, else the event's; shown beside the event's zones.
func TestConsoleZoneFromTZAndFlag(t *testing.T) {
	_, out, _ := run(t, map[string]string{"TZ": "America/Chicago"}, "--now", "10:02")
	if !strings.Contains(out, "Chicago 05:02 CDT") || !strings.Contains(out, "CDT") {
		t.Errorf("TZ=America/Chicago: the console does not show Chicago time:\n%s", out)
	}
	_, out, _ = run(t, map[string]string{"TZ": "America/Chicago"}, "--now", "10:02", "--tz", "Asia/Tokyo")
	if !strings.Contains(out, "Tokyo 19:02 JST") || strings.Contains(out, "CDT  ") {
		t.Errorf("--tz Asia/Tokyo should win over TZ:\n%s", out)
	}
	if code, _, errOut := run(t, nil, "--tz", "Mars/Olympus"); code != exitUsage || !strings.Contains(errOut, "--tz") {
		t.Errorf("a bad --tz: exit %d, %s", code, errOut)
	}
}

// Polish: before the day `camp now` gives a date, not "in 191h30m"; after
// it, the date of the camp that is over; one problem is "1 problem found".
func TestNowBeforeAndAfterTheDaySaysTheDate(t *testing.T) {
	_, out, _ := run(t, nil, "--now", "2026-03-20T10:00:00Z")
	if !strings.Contains(out, "it starts on Saturday 28 March 2026") || !strings.Contains(out, "Next: Opening (Europe) (opening) on Saturday 28 March 2026") || strings.Contains(out, "h30m") {
		t.Errorf("before the day:\n%s", out)
	}
	_, out, _ = run(t, nil, "--now", "2026-03-29T10:00:00Z")
	if !strings.Contains(out, "the camp of Saturday 28 March 2026 is over") {
		t.Errorf("after the day:\n%s", out)
	}
	if got := schedule.ErrorsReport(schedule.Problems{{Msg: "x"}}); !strings.HasSuffix(got, "\n1 problem found") {
		t.Errorf("one problem: %q", got)
	}
	if _, _, errOut := run(t, nil, "--now", "10:00", "--speed", "0"); !strings.Contains(errOut, "--speed 0: the clock must move forward") {
		t.Errorf("--speed 0: %s", errOut)
	}
}

// camp --help pads no line with trailing spaces.
func TestHelpHasNoTrailingSpaces(t *testing.T) {
	_, out, _ := run(t, nil, "--help")
	for i, line := range strings.Split(out, "\n") {
		if strings.HasSuffix(line, " ") {
			t.Errorf("line %d ends in spaces: %q", i+1, line)
		}
	}
	if !strings.Contains(out, "--rehearse-on-real-db") {
		t.Errorf("help lacks the rehearsal flags:\n%s", out)
	}
}

func TestTrimmedLinesKeepsColourCodesAndInnerSpaces(t *testing.T) {
	var b strings.Builder
	w := &trimmedLines{w: &b}
	for _, part := range []string{"a  b  ", "\x1b[97mtext   \x1b[m  ", "\n", "  x \n"} {
		w.Write([]byte(part))
	}
	if want := "a  b  \x1b[97mtext\x1b[m\n  x\n"; b.String() != want {
		t.Errorf("got %q, want %q", b.String(), want)
	}
}

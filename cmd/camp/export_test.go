package main

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/lightningcamp/camp/schedule"
	"github.com/lightningcamp/camp/store"
	"github.com/lightningcamp/camp/store/storetest"
)

// seedCamp writes a little of a camp's day into the database in dataDir.
func seedCamp(t *testing.T, dataDir string) {
	t.Helper()
	db, err := store.Open(filepath.Join(dataDir, "camp.db"), store.Options{Clock: schedule.NewManualClock(storetest.SeedNow)})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	ctx := context.Background()
	ev := storetest.Example(t)
	ev.Limits.WriteBurst = 10 // Ada's five writes come at one instant of the manual clock
	camp, err := db.Camp(ctx, ev)
	if err != nil {
		t.Fatal(err)
	}
	org := storetest.MustJoin(t, camp, "Olive", true)
	ada := storetest.MustJoin(t, camp, "Ada", false)
	tk := storetest.MustProposeTalk(t, camp, ada, `Cython: "fast" --- # @home`)
	for _, act := range []schedule.TalkAction{schedule.ActApprove, schedule.ActStart, schedule.ActFinish} {
		if _, err := camp.ActOnTalk(ctx, org, tk.ID, act); err != nil {
			t.Fatal(err)
		}
	}
	tp, _ := camp.ProposeTopic(ctx, ada, schedule.TopicProposal{Title: "mypyc war stories"})
	if _, err := camp.PlaceTopic(ctx, org, tp.ID, "b", "eu-openspace-1/1"); err != nil {
		t.Fatal(err)
	}
	camp.AddNote(ctx, ada, schedule.Target{Kind: "topic", ID: tp.ID}, "We compiled a 20k-line codebase.")
	camp.AddReport(ctx, ada, schedule.Target{Kind: "talk", ID: tk.ID}, schedule.ReportInput{Project: "pyflakes", Tool: "mypyc", Outcome: "worked", Speedup: 2.5})
}

func TestExportIsDeterministicAndComplete(t *testing.T) {
	dir := t.TempDir()
	seedCamp(t, dir)
	out1, out2 := filepath.Join(dir, "bundle1"), filepath.Join(dir, "bundle2")
	for _, out := range []string{out1, out2} {
		if code, stdout, stderr := runBinary(t, dir, "export", "--out", out); code != 0 {
			t.Fatalf("export: exit %d\n%s%s", code, stdout, stderr)
		}
	}
	for _, name := range []string{"event.json", "schedule.ics", "schedule.json", "zoom-breakout-rooms.csv", "index.html"} {
		a, err1 := os.ReadFile(filepath.Join(out1, name))
		b, err2 := os.ReadFile(filepath.Join(out2, name))
		if err1 != nil || err2 != nil {
			t.Fatalf("%s missing: %v %v", name, err1, err2)
		}
		if string(a) != string(b) {
			t.Errorf("%s differs between two exports of the same database", name)
		}
	}
	event, _ := os.ReadFile(filepath.Join(out1, "event.json"))
	for _, want := range []string{`Cython: \"fast\" --- # @home`, "mypyc war stories", "pyflakes"} {
		if !strings.Contains(string(event), want) {
			t.Errorf("event.json lacks %q", want)
		}
	}
	if code, _, stderr := runBinary(t, dir, "export"); code != exitUsage || !strings.Contains(stderr, "--out DIR") {
		t.Errorf("export without --out: exit %d, %s", code, stderr)
	}
}

func TestImportEventbriteIsIdempotent(t *testing.T) {
	dir := t.TempDir()
	file := "../../schedule/eventbrite/testdata/attendees.csv"
	code, first, stderr := runBinary(t, dir, "import", "eventbrite", file)
	if code != exitFailure || !strings.Contains(stderr, "attendees.csv:line ") {
		t.Fatalf("the test file has broken rows: want them reported by line and exit 1; got %d\n%s%s", code, first, stderr)
	}
	_, second, _ := runBinary(t, dir, "import", "eventbrite", file)
	if !strings.Contains(first, " new,") || !strings.Contains(second, "(0 new, 0 updated,") {
		t.Errorf("importing twice should change nothing the second time:\n%s\n%s", first, second)
	}
}

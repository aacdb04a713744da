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

// TestExportTakesOnlyGlobalFlagsFromEnvironment: CAMP_INCLUDE_PRIVATE=true
// used to turn on --include-private and put fingerprints into a public
// bundle. Only CAMP_DB, CAMP_SCHEDULE, CAMP_EVENT, CAMP_NOW and CAMP_SPEED
// are read; and an empty --only (an empty shell variable) is a usage
// error, not "everything".
func TestExportTakesOnlyGlobalFlagsFromEnvironment(t *testing.T) {
	dir := t.TempDir()
	seedCamp(t, dir)
	out := filepath.Join(dir, "bundle")
	code, stdout, stderr := runBinaryEnv(t, dir, []string{"CAMP_INCLUDE_PRIVATE=true", "CAMP_ONLY=zoom-breakout-rooms.csv", "CAMP_OUT=/tmp/x"},
		"export", "--out", out)
	if code != 0 {
		t.Fatalf("export: exit %d\n%s%s", code, stdout, stderr)
	}
	event, err := os.ReadFile(filepath.Join(out, "event.json"))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(event), `"private": false`) || strings.Contains(string(event), "fingerprint") || strings.Contains(string(event), "SHA256:") {
		t.Errorf("CAMP_INCLUDE_PRIVATE=true put private data into event.json:\n%.400s", event)
	}
	for _, only := range []string{"", ","} {
		code, _, stderr := runBinary(t, dir, "export", "--out", filepath.Join(dir, "b2"), "--only", only)
		if code != exitUsage || !strings.Contains(stderr, "--only") {
			t.Errorf("--only %q: exit %d, want %d naming --only:\n%s", only, code, exitUsage, stderr)
		}
	}
	if _, err := os.Stat(filepath.Join(dir, "b2")); err == nil {
		t.Error("--only \"\" wrote a bundle")
	}
}

// TestExportSaysWhoIsLeftOut: people with a topic or votes and no linked
// registration are listed on stderr and in zoom-unassigned.txt, with the
// command that links them; the summary counts published items only.
func TestExportSaysWhoIsLeftOut(t *testing.T) {
	dir := t.TempDir()
	seedCamp(t, dir)
	out := filepath.Join(dir, "bundle")
	code, stdout, stderr := runBinary(t, dir, "export", "--out", out)
	if code != 0 {
		t.Fatalf("export: exit %d\n%s%s", code, stdout, stderr)
	}
	if !strings.Contains(stderr, "- Ada (person ") || !strings.Contains(stderr, "camp link confirm CODE") {
		t.Errorf("stderr does not say Ada (topic leader, no registration) is left out:\n%s", stderr)
	}
	text, err := os.ReadFile(filepath.Join(out, "zoom-unassigned.txt"))
	if err != nil || string(text) != stderr {
		t.Errorf("zoom-unassigned.txt (%v) differs from stderr:\n%s\n---\n%s", err, text, stderr)
	}
	if !strings.Contains(stdout, "(1 talk, 1 topic, 1 note, 1 report published)") {
		t.Errorf("summary: %s", stdout)
	}
}

// linkAda links Ada's key to the registration with her email, through the
// link flow: she asks, an organiser confirms.
func linkAda(t *testing.T, dataDir, email string) {
	t.Helper()
	db, err := store.Open(filepath.Join(dataDir, "camp.db"), store.Options{Clock: schedule.NewManualClock(storetest.SeedNow)})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	ctx := context.Background()
	camp, err := db.Camp(ctx, storetest.Example(t))
	if err != nil {
		t.Fatal(err)
	}
	actor := func(name string, organiser bool) schedule.Actor {
		p, err := camp.Login(ctx, storetest.FakeFingerprint(name), organiser)
		if err != nil {
			t.Fatal(err)
		}
		return schedule.Actor{PersonID: p.ID, Role: p.Role}
	}
	code, err := camp.RequestLink(ctx, actor("Ada", false), email)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := camp.ConfirmLink(ctx, actor("Olive", true), code); err != nil {
		t.Fatal(err)
	}
}

// TestReimportRefundLeavesZoomFile is the case end to end: Ada,
// linked and leading a topic, is in the Zoom CSV; the organiser
// re-imports the report with her row changed to Refunded; the import says
// what changed, and the next export leaves her out, saying why.
func TestReimportRefundLeavesZoomFile(t *testing.T) {
	dir := t.TempDir()
	seedCamp(t, dir)
	report := filepath.Join(dir, "attendees.csv")
	write := func(status string) {
		data := "Attendee #,Name,Email,Attendee Status\n" +
			"1,Ada Lovelace,ada@example.org," + status + "\n" +
			"2,Grace Hopper,grace@example.net,Attending\n"
		if err := os.WriteFile(report, []byte(data), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	write("Attending")
	if code, stdout, stderr := runBinary(t, dir, "import", "eventbrite", report); code != 0 {
		t.Fatalf("import: exit %d\n%s%s", code, stdout, stderr)
	}
	linkAda(t, dir, "ada@example.org")
	csvOf := func(out string) string {
		if code, stdout, stderr := runBinary(t, dir, "export", "--out", out); code != 0 {
			t.Fatalf("export: exit %d\n%s%s", code, stdout, stderr)
		}
		data, err := os.ReadFile(filepath.Join(out, "zoom-breakout-rooms.csv"))
		if err != nil {
			t.Fatal(err)
		}
		return string(data)
	}
	if got := csvOf(filepath.Join(dir, "before")); !strings.Contains(got, ",ada@example.org") {
		t.Fatalf("Ada, linked and attending, is not in the CSV:\n%s", got)
	}
	write("Refunded")
	code, stdout, stderr := runBinary(t, dir, "import", "eventbrite", report)
	if code != 0 || !strings.Contains(stdout, "(0 new, 1 updated, 1 unchanged), 1 without a ticket (1 Refunded)") ||
		!strings.Contains(stdout, `updated attendee # 1 (Ada Lovelace): status "Attending" → "Refunded"`) {
		t.Errorf("re-import with a refund: exit %d\n%s%s", code, stdout, stderr)
	}
	after := filepath.Join(dir, "after")
	if got := csvOf(after); strings.Contains(got, "ada@example.org") {
		t.Errorf("Ada's refund did not take her out of the CSV:\n%s", got)
	}
	leftOut, _ := os.ReadFile(filepath.Join(after, "zoom-unassigned.txt"))
	if !strings.Contains(string(leftOut), "- Ada (person ") || !strings.Contains(string(leftOut), "their registration is Refunded") {
		t.Errorf("zoom-unassigned.txt does not say why Ada is left out:\n%s", leftOut)
	}
}

// Issue 13 item 8: the console could not tag a topic compilepython, so an
// untagged topic could never go into the reserved room. `camp edit topic`
// does what `e` on the board does.
func TestLocalEditTopicTagsItForTheReservedRoom(t *testing.T) {
	dir := t.TempDir()
	seedCamp(t, dir)
	if code, _, stderr := runBinary(t, dir, "assign", "1", "a", "eu-openspace-1/1"); code == 0 || !strings.Contains(stderr, "compilepython") {
		t.Fatalf("an untagged topic went into the reserved track: exit %d %s", code, stderr)
	}
	code, stdout, stderr := runBinary(t, dir, "edit", "topic", "1", "--tag", "compilepython", "--json")
	if code != 0 || !strings.Contains(stdout, `"compilepython"`) {
		t.Fatalf("edit topic: exit %d\n%s%s", code, stdout, stderr)
	}
	if code, stdout, stderr := runBinary(t, dir, "assign", "1", "a", "eu-openspace-1/1"); code != 0 {
		t.Fatalf("the tagged topic was refused the reserved track: exit %d\n%s%s", code, stdout, stderr)
	}
}

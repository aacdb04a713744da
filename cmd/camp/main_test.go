package main

import (
	"bytes"
	"context"
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/lightningcamp/camp/schedule"
)

// run executes camp in-process with args and returns its exit code and output.
func run(t *testing.T, env map[string]string, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errOut bytes.Buffer
	dataDir := t.TempDir()
	m := &Main{
		Stdin: strings.NewReader(""), Stdout: &out, Stderr: &errOut,
		Getenv: func(k string) string {
			if k == "CAMP_DATA" && env[k] == "" {
				return dataDir // never the real home directory
			}
			return env[k]
		},
		Clock: schedule.NewManualClock(time.Date(2026, 3, 28, 9, 31, 0, 0, time.UTC)),
	}
	code = m.Run(context.Background(), args)
	return code, out.String(), errOut.String()
}

func TestScheduleJSONOfTheExample(t *testing.T) {
	code, out, errOut := run(t, nil, "schedule", "--json")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	var doc struct {
		Event struct {
			Slug, Name, Date string
			Zones            []string
		}
		Blocks []struct{ ID, Title, Kind, Start, End, Room string }
		Tracks []map[string]any
		Rooms  []map[string]any
	}
	if err := json.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatal(err)
	}
	if doc.Event.Slug != "2026-03" || doc.Event.Date != "2026-03-28" || len(doc.Event.Zones) != 3 {
		t.Errorf("event header: %+v", doc.Event)
	}
	first, last := doc.Blocks[0], doc.Blocks[len(doc.Blocks)-1]
	if first.Start != "2026-03-28T09:30:00Z" {
		t.Errorf("first block starts %s, want 2026-03-28T09:30:00Z", first.Start)
	}
	if last.End != "2026-03-28T23:00:00Z" {
		t.Errorf("day ends %s, want 2026-03-28T23:00:00Z", last.End)
	}
	var americas string
	for _, b := range doc.Blocks {
		if b.ID == "am-opening" {
			americas = b.Start
		}
	}
	if americas != "2026-03-28T16:30:00Z" {
		t.Errorf("Americas opening starts %q, want 2026-03-28T16:30:00Z", americas)
	}
	if len(doc.Tracks) != 3 || len(doc.Rooms) != 4 {
		t.Errorf("%d tracks and %d rooms, want 3 and 4", len(doc.Tracks), len(doc.Rooms))
	}
}

func TestScheduleWithViewerZone(t *testing.T) {
	code, out, _ := run(t, nil, "schedule", "--tz", "Asia/Tokyo")
	if code != 0 || !strings.Contains(out, "Tokyo") || !strings.Contains(out, "18:30-18:45") {
		t.Fatalf("exit %d, want the opening at 18:30 JST in a Tokyo column:\n%s", code, out)
	}
	code, _, errOut := run(t, nil, "schedule", "--tz", "Asia/Tokio")
	if code != exitUsage || !strings.Contains(errOut, `unknown time zone "Asia/Tokio"`) {
		t.Fatalf("exit %d, stderr %q", code, errOut)
	}
}

func TestCheckTimelineShowsEveryZone(t *testing.T) {
	code, out, _ := run(t, nil, "check", "../../schedule.example.toml")
	if code != 0 {
		t.Fatalf("exit %d", code)
	}
	for _, want := range []string{"GMT", "EDT", "PDT", "16:30-17:00  12:30-13:00  09:30-10:00  Opening (Americas)", "../../schedule.example.toml: ok"} {
		if !strings.Contains(out, want) {
			t.Errorf("timeline lacks %q:\n%s", want, out)
		}
	}
}

func TestConsolePrintsNowAndNext(t *testing.T) {
	code, out, _ := run(t, nil, "--now", "2026-03-28T09:31:00Z")
	if code != 0 || !strings.Contains(out, "Now:  Opening (Europe)") || !strings.Contains(out, "Next: Lightning talks I") {
		t.Fatalf("exit %d:\n%s", code, out)
	}
	_, out, _ = run(t, map[string]string{"CAMP_NOW": "17:20"}) // HH:MM on the event day, from the environment
	if !strings.Contains(out, "Now:  Lightning talks II (Americas)") {
		t.Fatalf("CAMP_NOW=17:20 should be during the Americas talks:\n%s", out)
	}
}

func TestUsageErrorsExitTwo(t *testing.T) {
	for _, args := range [][]string{{"--bogus"}, {"schedule", "extra"}, {"check", "a", "b"}, {"--speed", "5"}, {"--now", "yesterday"}} {
		code, _, errOut := run(t, nil, args...)
		if code != exitUsage {
			t.Errorf("camp %s: exit %d, want %d (%s)", strings.Join(args, " "), code, exitUsage, errOut)
		}
	}
	code, _, errOut := run(t, nil, "check", "no-such-file.toml")
	if code != exitFailure || !strings.Contains(errOut, "no-such-file.toml") {
		t.Errorf("missing file: exit %d, stderr %q", code, errOut)
	}
}

// TestCheckBrokenFileWithTheRealBinary runs camp as an organiser would, on
// a file with many problems.
func TestCheckBrokenFileWithTheRealBinary(t *testing.T) {
	code, _, stderr := runBinary(t, t.TempDir(), "check", "../../testdata/broken-schedule.toml")
	if code != 2 {
		t.Fatalf("want exit status 2, got %d\n%s", code, stderr)
	}
	wants := []string{
		`broken-schedule.toml:5:1: event.zone: unknown time zone "Europe/Londn"`,
		`broken-schedule.toml:6:35: event.display_zones[1]: unknown time zone "Mars/Olympus"`,
		`broken-schedule.toml:7:1: event.colour: unknown key "colour"`,
		`broken-schedule.toml:14:1: rooms[1].id: duplicate room id "main"`,
		`broken-schedule.toml:19:1: tracks[0].room: track "a" is bound to room "nowhere"`,
		`broken-schedule.toml:38:1: blocks[1].strt: unknown key "strt"`,
	}
	for _, want := range wants {
		if !strings.Contains(stderr, want) {
			t.Errorf("stderr lacks %q:\n%s", want, stderr)
		}
	}
	if strings.Contains(stderr, "goroutine") || strings.Contains(stderr, "panic") {
		t.Errorf("stack trace in output:\n%s", stderr)
	}
}

func TestOrganiserDataCommandsAtTheConsole(t *testing.T) {
	env := map[string]string{"CAMP_DATA": t.TempDir()}
	if code, _, errOut := run(t, env, "announce", "Open space starts at 11:00"); code != 0 {
		t.Fatalf("announce: exit %d: %s", code, errOut)
	}
	code, out, _ := run(t, env, "now", "--json")
	if code != 0 || !strings.Contains(out, "Open space starts at 11:00") {
		t.Fatalf("now --json after an announcement: exit %d\n%s", code, out)
	}
	if code, _, _ := run(t, env, "queue", "approve"); code != exitUsage {
		t.Errorf("queue approve without an id: exit %d, want %d", code, exitUsage)
	}
	if code, _, errOut := run(t, env, "queue", "approve", "99"); code != exitFailure || !strings.Contains(errOut, "no talk with id 99") {
		t.Errorf("queue approve 99: exit %d, %s", code, errOut)
	}
}

func TestGuideAtTheConsole(t *testing.T) {
	env := map[string]string{"CAMP_DATA": t.TempDir()}
	code, out, errOut := run(t, env, "guide")
	if code != 0 || !strings.Contains(out, "Compiler-tool guide: Lightning Camp series, 0 experience reports") {
		t.Fatalf("camp guide: exit %d\n%s%s", code, out, errOut)
	}
	if code, out, _ := run(t, env, "guide", "--json"); code != 0 || !strings.Contains(out, `"tools": []`) {
		t.Errorf("camp guide --json: exit %d\n%s", code, out)
	}
	if code, _, errOut := run(t, env, "guide", "--tool", "cython"); code != exitFailure || !strings.Contains(errOut, `no experience reports on "cython"`) {
		t.Errorf("camp guide --tool cython with no reports: exit %d, %s", code, errOut)
	}
}

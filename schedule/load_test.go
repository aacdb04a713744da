package schedule_test

import (
	"errors"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/lightningcamp/camp/schedule"
)

func mustParseExample(t testing.TB) *schedule.Event {
	t.Helper()
	ev, err := schedule.Parse(schedule.ExampleName, schedule.Example())
	if err != nil {
		t.Fatalf("the example schedule does not load:\n%v", err)
	}
	return ev
}

func utc(s string) time.Time {
	t, err := time.Parse(time.RFC3339, s)
	if err != nil {
		panic(err)
	}
	return t
}

func TestExampleIsTheRealDay(t *testing.T) {
	ev := mustParseExample(t)
	if got, want := ev.Start(), utc("2026-03-28T09:30:00Z"); !got.Equal(want) {
		t.Errorf("day starts at %s, want %s (09:30 GMT)", got, want)
	}
	if got, want := ev.End(), utc("2026-03-28T23:00:00Z"); !got.Equal(want) {
		t.Errorf("day ends at %s, want %s (16:00 PDT)", got, want)
	}
	am, ok := ev.Block("am-opening")
	if !ok || !am.Start.Equal(utc("2026-03-28T16:30:00Z")) {
		t.Errorf("Americas opening at %s, want 16:30 UTC (12:30 EDT = 09:30 PDT)", am.Start)
	}
	closing, _ := ev.Block("eu-closing")
	if !closing.Start.Equal(utc("2026-03-28T17:00:00Z")) {
		t.Errorf("European close at %s, want 17:00 GMT", closing.Start)
	}
	if len(ev.Tracks) != 3 || ev.Tracks[0].ReservedFor != "compilepython" {
		t.Errorf("want 3 tracks, the first reserved for compilepython; got %+v", ev.Tracks)
	}
	var talks, openspace int
	for _, b := range ev.Blocks {
		switch b.Kind {
		case schedule.KindTalks:
			talks++
		case schedule.KindOpenSpace:
			openspace++
			if len(b.Slots()) == 0 {
				t.Errorf("open-space block %s has no slots", b.ID)
			}
		}
	}
	if talks != 2 || openspace < 2 {
		t.Errorf("want talks in both openings and open space in both halves; got %d talks blocks, %d open-space blocks", talks, openspace)
	}
}

func TestEmbeddedExampleMatchesRepositoryCopy(t *testing.T) {
	onDisk, err := os.ReadFile("../schedule.example.toml")
	if err != nil {
		t.Fatal(err)
	}
	if string(onDisk) != string(schedule.Example()) {
		t.Fatal("schedule/example.toml differs from schedule.example.toml: run `go generate ./schedule`")
	}
}

// base is a small valid schedule that the table tests break one way each.
const base = `
[event]
slug = "test"
name = "Test camp"
date = "2026-03-28"
zone = "Europe/London"

[[rooms]]
id = "main"
name = "Main"

[[rooms]]
id = "r1"
name = "Room 1"

[[tracks]]
id = "a"
room = "r1"

[[blocks]]
id = "talks"
title = "Talks"
kind = "talks"
start = "09:30"
end = "10:30"
room = "main"

[[blocks]]
id = "os"
title = "Open space"
kind = "openspace"
start = "11:00"
end = "12:30"
`

func TestBaseIsValid(t *testing.T) {
	if _, err := schedule.Parse("base.toml", []byte(base)); err != nil {
		t.Fatal(err)
	}
}

func TestValidationErrors(t *testing.T) {
	tests := []struct {
		name string
		edit func(string) string
		want string // position, then a fragment of the message
	}{
		{"unknown key at the end of a table", appendText("\ncolour = \"red\"\n"), `base.toml:35:1: blocks[1].colour: unknown key "colour"`},
		{"unknown key in a table", replace(`zone = "Europe/London"`, "zone = \"Europe/London\"\ndisplay_zone = []"), `base.toml:7:1: event.display_zone: unknown key`},
		{"unknown key in an array of tables", replace(`title = "Talks"`, "title = \"Talks\"\nstrat = \"09:00\""), `base.toml:23:1: blocks[0].strat: unknown key "strat"`},
		{"bad event zone", replace(`zone = "Europe/London"`, `zone = "Europe/Londn"`), `base.toml:6:1: event.zone: unknown time zone "Europe/Londn"`},
		{"bad display zone", replace(`zone = "Europe/London"`, "zone = \"Europe/London\"\ndisplay_zones = [\"Europe/London\", \"Mars/Base\"]"), `base.toml:7:35: event.display_zones[1]: unknown time zone "Mars/Base"`},
		{"bad block zone", replace(`room = "main"`+"\n\n[[blocks]]", `room = "main"`+"\nzone = \"US/Nowhere\"\n\n[[blocks]]"), `blocks[0].zone: unknown time zone "US/Nowhere"`},
		{"end before start", replace(`end = "10:30"`, `end = "09:00"`), `base.toml:25:1: blocks[0].end: block "talks" ends (09:00) before it starts (09:30)`},
		{"end equals start", replace(`end = "10:30"`, `end = "09:30"`), `blocks[0].end: block "talks" ends (09:30) before it starts`},
		{"bad time", replace(`start = "09:30"`, `start = "9.30am"`), `base.toml:24:1: blocks[0].start: "9.30am" is not a time of day`},
		{"bad date", replace(`date = "2026-03-28"`, `date = "28/03/2026"`), `base.toml:5:1: event.date: "28/03/2026" is not a date`},
		{"overlapping blocks in one room", appendText(block("late", "talks", "10:00", "11:00", "main")), `blocks[2]: block "late" (10:00-11:00 UTC) overlaps block "talks" (09:30-10:30 UTC) in room "main"`},
		{"overlap with open space through a track's room", appendText(block("clash", "talks", "12:00", "13:00", "r1")), `block "clash" (12:00-13:00 UTC) overlaps block "os" (11:00-12:30 UTC) in room "r1"`},
		{"slots do not divide block", replace(`end = "12:30"`, `end = "12:00"`), `blocks[1]: open-space block "os" lasts 60 min, which is not a whole number of 45 min slots`},
		{"track bound to missing room", replace(`room = "r1"`, `room = "r9"`), `base.toml:18:1: tracks[0].room: track "a" is bound to room "r9", which is not defined`},
		{"block in missing room", replace(`room = "main"`+"\n\n[[blocks]]", `room = "hall"`+"\n\n[[blocks]]"), `blocks[0].room: block "talks" is in room "hall", which is not defined`},
		{"duplicate room id", replace(`id = "r1"`, `id = "main"`), `base.toml:13:1: rooms[1].id: duplicate room id "main": it is already used at base.toml:9:1`},
		{"duplicate block id", replace(`id = "os"`, `id = "talks"`), `blocks[1].id: duplicate block id "talks"`},
		{"duplicate track id", appendText("\n[[tracks]]\nid = \"a\"\nroom = \"main\"\n"), `tracks[1].id: duplicate track id "a"`},
		{"duplicate zoom room name", replace(`name = "Room 1"`, `name = "main"`), `rooms[1].name: room name "main" is already used by rooms[0]`},
		{"room name that is a formula", replace(`name = "Room 1"`, `name = "=SUM(1;2)"`), `rooms[1].name: room name "=SUM(1;2)" starts with "=", which spreadsheets read as a formula`},
		{"room name starting with +", replace(`name = "Room 1"`, `name = "+cmd|' /C calc'!A0"`), `starts with "+", which spreadsheets read as a formula`},
		{"room name starting with -", replace(`name = "Room 1"`, `name = "-2+3"`), `starts with "-"`},
		{"room name starting with @", replace(`name = "Room 1"`, `name = "@SUM(A1)"`), `starts with "@"`},
		{"room name over 100 characters", replace(`name = "Room 1"`, `name = "`+strings.Repeat("r", 101)+`"`), `rooms[1].name: room name is 101 characters long: Zoom room names are at most 100`},
		{"unknown kind", replace(`kind = "talks"`, `kind = "party"`), `blocks[0].kind: unknown kind "party"`},
		{"bad slug", replace(`slug = "test"`, `slug = "Test Camp!"`), `event.slug: "Test Camp!" is not a usable slug`},
		{"wrong type", replace(`name = "Test camp"`, `name = 42`), `base.toml:4:1: event.name: wrong type`},
		{"not TOML", replace(`[event]`, `[event`), `base.toml:2:7: expected '.' or ']' to end table name`},
		{"bad organiser key", appendText("\n[[organisers]]\nkey = \"ssh-ed25519 nonsense\"\n"), `organisers[0].key: the ssh-ed25519 public key is damaged`},
		{"duration written as a number", appendText("\n[limits]\nhandshake_timeout = 10\n"), `limits.handshake_timeout: 10ns is too short`},
		{"votes need registration without a registration page", appendText("\n[openspace]\nvotes_require_registration = true\n"),
			`openspace.votes_require_registration: votes_require_registration needs the registration page in [event.links] registration`},
		{"votes_require_registration not a boolean", appendText("\n[openspace]\nvotes_require_registration = \"yes\"\n"),
			`openspace.votes_require_registration: wrong type`},
		{"bad room link", replace(`name = "Room 1"`, "name = \"Room 1\"\nlink = \"javascript:alert(1)\""), `rooms[1].link: "javascript:alert(1)" is not a web address`},
		{"bad link", replace(`zone = "Europe/London"`, "zone = \"Europe/London\"\n[event.links]\nzoom = \"zoom.us/j/1\""), `event.links.zoom: "zoom.us/j/1" is not a web address`},
		{"gap in London (spring forward, 29 March 2026)", onDate("2026-03-29", "01:30", "02:30"), `blocks[0].start: 01:30 does not exist in Europe/London on 2026-03-29`},
		{"repeat in London (fall back, 25 October 2026)", onDate("2026-10-25", "01:30", "02:30"), `blocks[0].start: 01:30 happens twice in Europe/London on 2026-10-25`},
		{"gap in New York (spring forward, 8 March 2026)", inZone("America/New_York", "2026-03-08", "02:15", "03:30"), `blocks[0].start: 02:15 does not exist in America/New_York on 2026-03-08`},
		{"repeat in Los Angeles (fall back, 1 November 2026)", inZone("America/Los_Angeles", "2026-11-01", "00:30", "01:30"), `blocks[0].end: 01:30 happens twice in America/Los_Angeles on 2026-11-01`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := schedule.Parse("base.toml", []byte(tt.edit(base)))
			if err == nil {
				t.Fatalf("no error; want one containing %q", tt.want)
			}
			if !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("error:\n%v\nwant it to contain:\n%s", err, tt.want)
			}
			if schedule.ErrorCode(err) != schedule.EINVALID {
				t.Errorf("code %q, want %q", schedule.ErrorCode(err), schedule.EINVALID)
			}
			var ps schedule.Problems
			if !errors.As(err, &ps) {
				t.Fatalf("error is %T, want schedule.Problems", err)
			}
			for _, p := range ps {
				if p.Pos.Line == 0 {
					t.Errorf("problem without a line: %s", p)
				}
			}
		})
	}
}

// [openspace] votes_require_registration is read, and off unless set.
func TestVotesRequireRegistrationOption(t *testing.T) {
	ev, err := schedule.Parse("base.toml", []byte(base))
	if err != nil || ev.OpenSpace.VotesRequireRegistration {
		t.Fatalf("default: %v %v", ev.OpenSpace.VotesRequireRegistration, err)
	}
	on := strings.Replace(base, `zone = "Europe/London"`, "zone = \"Europe/London\"\n[event.links]\nregistration = \"https://www.eventbrite.co.uk/e/x\"", 1) +
		"\n[openspace]\nvotes_require_registration = true\n"
	if ev, err = schedule.Parse("base.toml", []byte(on)); err != nil || !ev.OpenSpace.VotesRequireRegistration {
		t.Fatalf("set: %v %v", ev, err)
	}
	if ex := mustParseExample(t); ex.OpenSpace.VotesRequireRegistration {
		t.Error("the example should leave votes open to every key")
	}
}

func TestEveryProblemIsReportedAtOnce(t *testing.T) {
	broken := base
	for _, e := range []func(string) string{
		replace(`zone = "Europe/London"`, `zone = "Nowhere/City"`),
		replace(`room = "r1"`, `room = "r9"`),
		replace(`kind = "talks"`, `kind = "party"`),
		replace(`end = "12:30"`, `end = "12:00"`),
		appendText("\nextra = 1\n"),
	} {
		broken = e(broken)
	}
	_, err := schedule.Parse("base.toml", []byte(broken))
	var ps schedule.Problems
	if !errors.As(err, &ps) || len(ps) != 4 {
		// the open-space block is not timed when the event zone is unknown,
		// so its slot problem is not reported until the zone is fixed
		t.Fatalf("want 4 problems, got:\n%v", err)
	}
	for i := 1; i < len(ps); i++ {
		if ps[i].Pos.Line < ps[i-1].Pos.Line {
			t.Errorf("problems are not in file order:\n%v", err)
		}
	}
}

func TestCampsOnDSTChangeDays(t *testing.T) {
	tests := []struct {
		name, date, zone, start, end string
		wantStart, wantEnd           string
	}{
		// The UK moves to BST at 01:00 GMT on 29 March 2026.
		{"London, the morning the clocks go forward", "2026-03-29", "Europe/London", "09:30", "17:00", "2026-03-29T08:30:00Z", "2026-03-29T16:00:00Z"},
		{"London, across the jump", "2026-03-29", "Europe/London", "00:30", "03:00", "2026-03-29T00:30:00Z", "2026-03-29T02:00:00Z"},
		// The US moves to daylight time at 02:00 on 8 March 2026.
		{"New York, the day the clocks go forward", "2026-03-08", "America/New_York", "12:30", "16:00", "2026-03-08T16:30:00Z", "2026-03-08T20:00:00Z"},
		{"Los Angeles, across the jump", "2026-03-08", "America/Los_Angeles", "01:00", "04:00", "2026-03-08T09:00:00Z", "2026-03-08T11:00:00Z"},
		// Autumn: the UK on 25 October, the US on 1 November 2026.
		{"London, the day the clocks go back", "2026-10-25", "Europe/London", "09:30", "17:00", "2026-10-25T09:30:00Z", "2026-10-25T17:00:00Z"},
		{"Los Angeles, the day the clocks go back", "2026-11-01", "America/Los_Angeles", "09:30", "16:00", "2026-11-01T17:30:00Z", "2026-11-02T00:00:00Z"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ev, err := schedule.Parse("dst.toml", []byte(inZone(tt.zone, tt.date, tt.start, tt.end)(base)))
			if err != nil {
				t.Fatal(err)
			}
			b, _ := ev.Block("talks")
			if !b.Start.Equal(utc(tt.wantStart)) || !b.End.Equal(utc(tt.wantEnd)) {
				t.Errorf("block runs %s to %s, want %s to %s", b.Start, b.End, tt.wantStart, tt.wantEnd)
			}
		})
	}
}

func TestSeedDayZones(t *testing.T) {
	// 28 March 2026: London still on GMT, the US already on daylight time.
	ev := mustParseExample(t)
	at := utc("2026-03-28T16:30:00Z")
	want := map[string]string{"Europe/London": "16:30 GMT", "America/New_York": "12:30 EDT", "America/Los_Angeles": "09:30 PDT"}
	for _, z := range ev.DisplayZones {
		if got := at.In(z).Format("15:04 MST"); got != want[z.String()] {
			t.Errorf("%s: %s, want %s", z, got, want[z.String()])
		}
	}
}

func TestFingerprint(t *testing.T) {
	// ssh-keygen -lf of this key prints SHA256:xS1bkJ0vjdbvj0BgnEa8fM0dZpeFzF5E6EVR7LczECE (ed25519 test key).
	const key = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOMqqnkVzrm0SdG6UOoqKLsabgH5C9okWi0dh2l9GKJl test@example"
	fp, err := schedule.Fingerprint(key)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(fp, "SHA256:") || len(fp) != 50 {
		t.Errorf("fingerprint %q is not SHA256:<43 chars>", fp)
	}
	again, err := schedule.Fingerprint(fp)
	if err != nil || again != fp {
		t.Errorf("a fingerprint should be accepted as itself: %q, %v", again, err)
	}
	if _, err := schedule.Fingerprint("SHA256:short"); err == nil {
		t.Error("a truncated fingerprint was accepted")
	}
}

func appendText(s string) func(string) string { return func(b string) string { return b + s } }

func replace(old, new string) func(string) string {
	return func(b string) string {
		if !strings.Contains(b, old) {
			panic("test edit does not apply: " + old)
		}
		return strings.Replace(b, old, new, 1)
	}
}

func block(id, kind, start, end, room string) string {
	return "\n[[blocks]]\nid = \"" + id + "\"\ntitle = \"" + id + "\"\nkind = \"" + kind + "\"\nstart = \"" + start +
		"\"\nend = \"" + end + "\"\nroom = \"" + room + "\"\n"
}

// onDate moves the whole base camp to date and times its talks block.
func onDate(date, start, end string) func(string) string {
	return inZone("Europe/London", date, start, end)
}

// inZone moves the base camp to date and writes its talks block in zone.
func inZone(zone, date, start, end string) func(string) string {
	return func(b string) string {
		b = replace(`date = "2026-03-28"`, `date = "`+date+`"`)(b)
		b = replace(`start = "09:30"`, `start = "`+start+`"`)(b)
		b = replace(`end = "10:30"`, `end = "`+end+`"`+"\nzone = \""+zone+"\"")(b)
		return b
	}
}

// A room's own link is where people join it; without one they are sent
// to the event's Zoom meeting.
func TestJoinLinkPrefersTheRoomsOwnLink(t *testing.T) {
	src := strings.Replace(base, `zone = "Europe/London"`, "zone = \"Europe/London\"\n[event.links]\nzoom = \"https://zoom.us/j/1\"", 1)
	src = strings.Replace(src, `name = "Room 1"`, "name = \"Room 1\"\nlink = \"https://zoom.us/j/2\"", 1)
	ev, err := schedule.Parse("base.toml", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	if got := ev.JoinLink("r1"); got != "https://zoom.us/j/2" {
		t.Errorf("room with a link: JoinLink = %q", got)
	}
	if got := ev.JoinLink("main"); got != "https://zoom.us/j/1" {
		t.Errorf("room without a link: JoinLink = %q, want the event's Zoom", got)
	}
}

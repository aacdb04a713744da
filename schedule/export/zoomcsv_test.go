package export

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/lightningcamp/camp/schedule"
)

func zoomRows(t *testing.T, c Camp, opt Options) ([][]string, error) {
	t.Helper()
	var buf bytes.Buffer
	if err := WriteZoomCSV(&buf, c, opt); err != nil {
		return nil, err
	}
	rows, err := csv.NewReader(&buf).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if fmt.Sprint(rows[0]) != "[Pre-assign Room Name Email Address]" {
		t.Fatalf("header %q", rows[0])
	}
	return rows[1:], nil
}

// TestZoomCSVChoosesSlot: the default is the first slot with a placed
// topic; a slot id or block id picks another; an unknown one is an
// EINVALID error; a slot without topics gives just the header.
func TestZoomCSVChoosesSlot(t *testing.T) {
	c := seededCamp(t)
	for _, tc := range []struct {
		slot string
		want string
	}{
		{"", "[[Room 1 - compilepython.com ada@example.org] [Room 1 - compilepython.com lukasz@example.pl]]"},
		{"eu-openspace-1", "[[Room 1 - compilepython.com ada@example.org] [Room 1 - compilepython.com lukasz@example.pl]]"},
		{"am-openspace-1/2", "[[Room 3 ada@example.org]]"}, // Ada voted for Linus's topic; Linus has no email
		{"eu-openspace-2/1", "[]"},
	} {
		rows, err := zoomRows(t, c, Options{BreakoutSlot: tc.slot})
		if err != nil {
			t.Fatalf("slot %q: %v", tc.slot, err)
		}
		if got := fmt.Sprint(rows); got != tc.want {
			t.Errorf("slot %q: rows %s, want %s", tc.slot, got, tc.want)
		}
	}
	if _, err := zoomRows(t, c, Options{BreakoutSlot: "eu-talks"}); schedule.ErrorCode(err) != schedule.EINVALID {
		t.Errorf("a talks block as breakout slot: error %v, want EINVALID", err)
	}
}

// TestZoomCSVOnePersonOneRoom: a person who leads one topic and voted for
// another is assigned to the one they lead; an email shared by two people
// (any case) appears once.
func TestZoomCSVOnePersonOneRoom(t *testing.T) {
	rows, err := zoomRows(t, seededCamp(t), Options{})
	if err != nil {
		t.Fatal(err)
	}
	seen := map[string]bool{}
	for _, r := range rows {
		key := strings.ToLower(r[1])
		if seen[key] {
			t.Errorf("email %s appears twice", r[1])
		}
		seen[key] = true
	}
}

func TestZoomCSVWithoutOpenSpace(t *testing.T) {
	c := emptyCamp(t)
	ev := *c.Event
	ev.Blocks = []schedule.Block{c.Event.Blocks[0]}
	c.Event = &ev
	rows, err := zoomRows(t, c, Options{})
	if err != nil || len(rows) != 0 {
		t.Errorf("rows %v, err %v: want only the header", rows, err)
	}
}

// TestZoomCSVOnlyLinkedTickets: an email comes only from the link flow,
// never from a registration whose name matches a display name (anyone can
// take a name: issue 12, item 7), and only while the registration holds a
// ticket (a refund removes the person). Everyone left out is listed, with
// the reason and how to link them.
func TestZoomCSVOnlyLinkedTickets(t *testing.T) {
	c := seededCamp(t)
	left, err := ZoomLeftOut(c, Options{})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, l := range left {
		got = append(got, fmt.Sprintf("%d %s %s: %s", l.PersonID, l.Name, l.Room, l.Reason))
	}
	want := []string{
		"2 Grace Hopper Room 2: no registration linked to their key",
		"4 Linus Room 1 - compilepython.com: no registration linked to their key",
		"5 Mallory <b> Room 2: their registration is Refunded",
		"6 Bob Room 2: shares the email of Ada (person 1), who has the row",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("left out:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	text := LeftOutText(left)
	for _, want := range []string{"4 people are not in zoom-breakout-rooms.csv", "- Grace Hopper (person 2), for Room 2: no registration linked", "link EMAIL", "camp link confirm CODE"} {
		if !strings.Contains(text, want) {
			t.Errorf("zoom-unassigned.txt lacks %q:\n%s", want, text)
		}
	}
}

// formulaChars start a formula in Excel or LibreOffice (OWASP).
const formulaChars = "=+-@\t\r"

// TestZoomCSVInjection: hostile emails (linked to people, registered) and
// hostile room names (past camp check, as if the file were edited) never
// give a cell a spreadsheet would evaluate. Python's csv module reads the
// file back, as LibreOffice-style readers would.
func TestZoomCSVInjection(t *testing.T) {
	c := seededCamp(t)
	ev := *c.Event
	ev.Rooms = slices.Clone(ev.Rooms)
	hostileRooms := []string{"=SUM(1;2)", "+cmd|' /C calc'!A0", "-2+3", "@SUM(A1)", "\t=1", "\r=1"}
	for i := range ev.Rooms {
		ev.Rooms[i].Name = hostileRooms[i%len(hostileRooms)]
	}
	c.Event = &ev
	hostileEmails := []string{"=1+2@example.org", "-bob@example.org", "+x@example.org", "@example.org", "\tx@example.org", "\rx@example.org", "=HYPERLINK(\"http://x\")@e.org"}
	c.People = slices.Clone(c.People)
	c.Registrations = slices.Clone(c.Registrations)
	for i, email := range hostileEmails {
		id := int64(100 + i)
		c.People = append(c.People, schedule.Person{ID: id, Name: fmt.Sprintf("H%d", i), Email: email})
		c.Registrations = append(c.Registrations, schedule.Registration{TicketID: fmt.Sprint(id), Name: "H", Email: email, Status: "Attending"})
		c.Votes = append(c.Votes, Vote{TopicID: 1, PersonID: id})
	}
	var buf bytes.Buffer
	if err := WriteZoomCSV(&buf, c, Options{}); err != nil {
		t.Fatal(err)
	}
	python := needTool(t, "python3", "install python3 to read the CSV back")
	const script = `
import csv, json, sys
print(json.dumps(list(csv.reader(open(sys.argv[1], newline="", encoding="utf-8")))))
`
	file := filepath.Join(t.TempDir(), "zoom.csv")
	if err := os.WriteFile(file, buf.Bytes(), 0o600); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(python, "-c", script, file).Output()
	if err != nil {
		t.Fatalf("python csv: %v", err)
	}
	var rows [][]string
	if err := json.Unmarshal(out, &rows); err != nil {
		t.Fatal(err)
	}
	if len(rows) < 3 {
		t.Fatalf("rows %q: want the header and the linked people", rows)
	}
	for _, row := range rows {
		for _, cell := range row {
			if cell != "" && strings.ContainsRune(formulaChars, rune(cell[0])) {
				t.Errorf("cell %q starts with a formula character", cell)
			}
		}
		if len(row) == 2 && (strings.Contains(row[1], "=") || strings.HasSuffix(row[1], "bob@example.org")) {
			t.Errorf("hostile email %q reached the file", row[1])
		}
	}
}

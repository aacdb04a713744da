package export

import (
	"bytes"
	"encoding/csv"
	"fmt"
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
		{"", "[[Room 1 - compilepython.com ada@example.org] [Room 1 - compilepython.com lukasz@example.pl] [Room 2 mallory@example.com]]"},
		{"eu-openspace-1", "[[Room 1 - compilepython.com ada@example.org] [Room 1 - compilepython.com lukasz@example.pl] [Room 2 mallory@example.com]]"},
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

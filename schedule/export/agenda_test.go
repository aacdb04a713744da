package export

import (
	"bytes"
	"context"
	"encoding/json"
	"os/exec"
	"slices"
	"testing"
	"time"

	"github.com/emersion/go-ical"

	"github.com/lightningcamp/camp/schedule"
)

// agendaStars stars a talk that was given, one waiting in a queue, a
// rejected one, a placed topic and an open one: five items, of which the
// calendar holds the three with a time (and the list the four that exist
// on the programme, the rejected talk with its status).
var agendaStars = []schedule.Target{
	{Kind: "topic", ID: 3}, {Kind: "talk", ID: 3}, {Kind: "talk", ID: 1}, {Kind: "talk", ID: 4}, {Kind: "topic", ID: 5},
}

func agendaUIDs(t *testing.T, data []byte) map[string][2]time.Time {
	t.Helper()
	cal, err := ical.NewDecoder(bytes.NewReader(data)).Decode()
	if err != nil {
		t.Fatal(err)
	}
	out := map[string][2]time.Time{}
	for _, e := range cal.Events() {
		uid, _ := e.Props.Text(ical.PropUID)
		start, err1 := e.DateTimeStart(time.UTC)
		end, err2 := e.DateTimeEnd(time.UTC)
		if err1 != nil || err2 != nil || e.Props.Get(ical.PropDateTimeStart).Value[15:] != "Z" || e.Props.Get(ical.PropDateTimeEnd).Value[15:] != "Z" {
			t.Errorf("%s: DTSTART/DTEND not in UTC: %v %v", uid, err1, err2)
		}
		out[uid] = [2]time.Time{start, end}
	}
	return out
}

// TestAgendaICSHasTheExportsUIDs: go-ical reads the personal calendar; it
// holds the starred items that have a time, in UTC, each under the UID
// schedule.ics gives the same talk or topic.
func TestAgendaICSHasTheExportsUIDs(t *testing.T) {
	c := seededCamp(t)
	var mine, all bytes.Buffer
	if err := WriteAgendaICS(&mine, c, agendaStars); err != nil {
		t.Fatal(err)
	}
	if err := WriteICS(&all, c); err != nil {
		t.Fatal(err)
	}
	got, export := agendaUIDs(t, mine.Bytes()), agendaUIDs(t, all.Bytes())
	want := []string{"2026-03-talk-1@camp", "2026-03-talk-3@camp", "2026-03-topic-5@camp"}
	var uids []string
	for uid := range got {
		uids = append(uids, uid)
	}
	slices.Sort(uids)
	if !slices.Equal(uids, want) {
		t.Fatalf("agenda UIDs = %v, want %v", uids, want)
	}
	for _, uid := range []string{"2026-03-talk-1@camp", "2026-03-topic-5@camp"} {
		if got[uid] != export[uid] {
			t.Errorf("%s: agenda has %v, schedule.ics %v: the same item, the same times", uid, got[uid], export[uid])
		}
	}
	block, _ := c.Event.Block("am-talks")
	if got["2026-03-talk-3@camp"] != [2]time.Time{block.Start, block.End} {
		t.Errorf("the queued talk spans %v, want its block's %v-%v", got["2026-03-talk-3@camp"], block.Start, block.End)
	}
	var again bytes.Buffer
	if err := WriteAgendaICS(&again, shuffled(c), slices.Clone(agendaStars)); err != nil || !bytes.Equal(again.Bytes(), mine.Bytes()) {
		t.Errorf("the agenda is not the same for the same camp (%v)", err)
	}
}

func TestAgendaListsWhatExistsWithRoomsAndLinks(t *testing.T) {
	c := seededCamp(t)
	items := Agenda(c, append(slices.Clone(agendaStars), schedule.Target{Kind: "talk", ID: 99}))
	var got []string
	for _, i := range items {
		got = append(got, i.Target.String())
	}
	if !slices.Equal(got, []string{"talk:1", "talk:3", "topic:5", "topic:3", "talk:4"}) {
		t.Fatalf("agenda = %v: by time, the unknown times last in the order starred, the missing talk left out", got)
	}
	topic := items[2]
	if topic.Room == "" || topic.JoinLink != c.Event.JoinLink(mustTrack(t, c, "c").Room) || topic.JoinLink == "" {
		t.Errorf("placed topic: room %q link %q, want its track's room and JoinLink", topic.Room, topic.JoinLink)
	}
	if items[1].Within == "" || items[4].Status != "rejected" || !items[3].Start.IsZero() {
		t.Errorf("queued talk within %q; rejected talk status %q; open topic start %v", items[1].Within, items[4].Status, items[3].Start)
	}
}

func mustTrack(t *testing.T, c Camp, id string) schedule.Track {
	tr, ok := c.Event.Track(id)
	if !ok {
		t.Fatalf("no track %s", id)
	}
	return tr
}

// TestPythonICalendarReadsTheAgenda: Python's icalendar (what many
// calendar scripts use) reads the personal calendar: the same UIDs, UTC
// start times.
func TestPythonICalendarReadsTheAgenda(t *testing.T) {
	python := needTool(t, "python3", "install python3 and icalendar (apt-get install python3-icalendar)")
	if err := exec.Command(python, "-c", "import icalendar").Run(); err != nil {
		toolMissing(t, "Python's icalendar is not installed: apt-get install python3-icalendar")
	}
	c := seededCamp(t)
	var mine bytes.Buffer
	if err := WriteAgendaICS(&mine, c, agendaStars); err != nil {
		t.Fatal(err)
	}
	const script = `
import json, sys, icalendar
cal = icalendar.Calendar.from_ical(sys.stdin.buffer.read())
out = {}
for e in cal.walk("VEVENT"):
    start = e.decoded("DTSTART")
    out[str(e["UID"])] = [start.isoformat(), str(start.utcoffset())]
json.dump(out, sys.stdout)
`
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	cmd := exec.CommandContext(ctx, python, "-c", script)
	cmd.Stdin = bytes.NewReader(mine.Bytes())
	raw, err := cmd.Output()
	if err != nil {
		t.Fatalf("icalendar cannot read the agenda: %v", err)
	}
	var got map[string][2]string
	if err := json.Unmarshal(raw, &got); err != nil {
		t.Fatal(err)
	}
	for uid, when := range agendaUIDs(t, mine.Bytes()) {
		if got[uid] != [2]string{when[0].Format("2006-01-02T15:04:05+00:00"), "0:00:00"} {
			t.Errorf("%s: icalendar reads DTSTART as %v, want %v in UTC", uid, got[uid], when[0])
		}
	}
	if len(got) != 3 {
		t.Errorf("icalendar read %d events, want 3: %v", len(got), got)
	}
}

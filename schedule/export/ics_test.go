package export

import (
	"bytes"
	"strings"
	"testing"
	"time"

	"github.com/emersion/go-ical"
)

// TestICSParsesBack: go-ical reads the calendar back; every VEVENT has a
// unique UID, DTSTAMP = GeneratedAt, DTSTART and DTEND; lines are CRLF
// and folded to 75 octets; the hostile title survives.
func TestICSParsesBack(t *testing.T) {
	c := seededCamp(t)
	var buf bytes.Buffer
	if err := WriteICS(&buf, c); err != nil {
		t.Fatal(err)
	}
	for i, line := range strings.Split(strings.TrimSuffix(buf.String(), "\r\n"), "\r\n") {
		if len(line) > icsLineMax || strings.ContainsAny(line, "\r\n") {
			t.Errorf("line %d is %d octets or has a bare CR/LF: %q", i+1, len(line), line)
		}
	}
	cal, err := ical.NewDecoder(bytes.NewReader(buf.Bytes())).Decode()
	if err != nil {
		t.Fatal(err)
	}
	events := cal.Events()
	if len(events) != 17+3+3 {
		t.Errorf("%d VEVENTs, want 17 blocks + 3 started talks + 3 placed topics", len(events))
	}
	uids := map[string]bool{}
	var summaries []string
	for _, e := range events {
		uid, _ := e.Props.Text(ical.PropUID)
		if uid == "" || uids[uid] {
			t.Errorf("UID %q missing or repeated", uid)
		}
		uids[uid] = true
		stamp, err := e.Props.DateTime(ical.PropDateTimeStamp, time.UTC)
		if err != nil || !stamp.Equal(c.GeneratedAt) {
			t.Errorf("%s: DTSTAMP %v (%v), want %v", uid, stamp, err, c.GeneratedAt)
		}
		start, err1 := e.DateTimeStart(time.UTC)
		end, err2 := e.DateTimeEnd(time.UTC)
		if err1 != nil || err2 != nil || !end.After(start) || e.Props.Get(ical.PropDateTimeStart).Value[15:] != "Z" {
			t.Errorf("%s: DTSTART %v DTEND %v (%v, %v): want UTC times, end after start", uid, start, end, err1, err2)
		}
		summary, _ := e.Props.Text(ical.PropSummary)
		summaries = append(summaries, summary)
	}
	for _, uid := range []string{"2026-03-block-eu-talks@camp", "2026-03-talk-1@camp", "2026-03-topic-5@camp"} {
		if !uids[uid] {
			t.Errorf("no VEVENT with UID %s", uid)
		}
	}
	if !strings.Contains(strings.Join(summaries, "\n"), hostileTitle+" (Ada)") {
		t.Errorf("the hostile title did not survive: %q", summaries)
	}
}

func TestFoldICSLines(t *testing.T) {
	long := "DESCRIPTION:" + strings.Repeat("ü", 100) + "\r\nUID:x\r\n"
	folded := foldICSLines([]byte(long))
	unfolded := strings.ReplaceAll(string(folded), "\r\n ", "")
	if unfolded != long {
		t.Errorf("unfolding does not give the original back:\n%q", folded)
	}
	if got := foldICSLines([]byte(strings.Repeat("\x80", 200) + "\r\n")); len(got) < 200 {
		t.Errorf("invalid UTF-8 was lost: %q", got)
	}
	for _, line := range strings.Split(string(folded), "\r\n") {
		if len(line) > icsLineMax || !utf8ValidPrefix(line) {
			t.Errorf("folded line %q is too long or splits a character", line)
		}
	}
}

func utf8ValidPrefix(s string) bool { return strings.ToValidUTF8(s, "\uFFFD") == s }

package sshapp_test

import (
	"bytes"
	"context"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/emersion/go-ical"

	"github.com/lightningcamp/camp/schedule"
	"github.com/lightningcamp/camp/schedule/export"
	"github.com/lightningcamp/camp/store/storetest"
)

// TestAgendaICSOverSSH: star a talk over SSH, save 'agenda --ics' as the
// README says (ssh HOST 'agenda --ics' > camp.ics), and read the file with
// go-ical and Python's icalendar: one event, in UTC, under the UID the
// camp's schedule.ics gives the same talk.
func TestAgendaICSOverSSH(t *testing.T) {
	ts := startServer(t)
	ctx := context.Background()
	org := storetest.MustJoin(t, ts.camp, "Olga", true)
	c := ts.join(t, "Priya")
	speaker := storetest.MustJoin(t, ts.camp, "Mei", false)
	talk := storetest.MustProposeTalk(t, ts.camp, speaker, "Cython in anger")
	for _, act := range []schedule.TalkAction{schedule.ActApprove, schedule.ActStart} {
		if _, err := ts.camp.ActOnTalk(ctx, org, talk.ID, act); err != nil {
			t.Fatal(err)
		}
	}
	mustRun(t, c, "star", "talk:"+strconv.FormatInt(talk.ID, 10))
	ics := []byte(mustRun(t, c, "agenda", "--ics"))

	cal, err := ical.NewDecoder(bytes.NewReader(ics)).Decode()
	if err != nil {
		t.Fatalf("go-ical cannot read agenda --ics: %v\n%s", err, ics)
	}
	events := cal.Events()
	if len(events) != 1 {
		t.Fatalf("%d events, want the starred talk:\n%s", len(events), ics)
	}
	uid, _ := events[0].Props.Text(ical.PropUID)
	if start := events[0].Props.Get(ical.PropDateTimeStart).Value; !strings.HasSuffix(start, "Z") {
		t.Errorf("DTSTART %s is not UTC", start)
	}
	all := export.Camp{Event: ts.camp.Event(), GeneratedAt: ts.clock.Now()}
	all.Talks, _ = ts.camp.Talks(ctx, schedule.TalkFilter{})
	var buf bytes.Buffer
	if err := export.WriteICS(&buf, all); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(buf.String(), "UID:"+uid+"\r\n") {
		t.Errorf("agenda UID %s is not in the export's schedule.ics", uid)
	}

	python, err := exec.LookPath("python3")
	if err == nil {
		err = exec.Command(python, "-c", "import icalendar").Run()
	}
	if err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("CI=true: python3 with icalendar is needed (apt-get install python3-icalendar): %v", err)
		}
		t.Skipf("python3 with icalendar not installed (apt-get install python3-icalendar): %v", err)
	}
	pctx, cancel := context.WithTimeout(ctx, 30*time.Second)
	defer cancel()
	cmd := exec.CommandContext(pctx, python, "-c", `
import sys, icalendar
cal = icalendar.Calendar.from_ical(sys.stdin.buffer.read())
for e in cal.walk("VEVENT"):
    print(e["UID"], e.decoded("DTSTART").utcoffset())`)
	cmd.Stdin = bytes.NewReader(ics)
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("icalendar cannot read agenda --ics: %v", err)
	}
	if got := strings.TrimSpace(string(out)); got != uid+" 0:00:00" {
		t.Errorf("icalendar reads %q, want %q (UTC)", got, uid+" 0:00:00")
	}
}

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

// TestREADMEGuideAndAgendaExamplesWithOpenSSH pastes the README's examples
// of the guide and the agenda into bash, as people do, with OpenSSH's ssh
// pointed at a test server: each must succeed, and the saved camp.ics must
// be a calendar with the starred talk.
func TestREADMEGuideAndAgendaExamplesWithOpenSSH(t *testing.T) {
	sshPath, err := exec.LookPath("ssh")
	keygen, err2 := exec.LookPath("ssh-keygen")
	if err != nil || err2 != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("CI=true: OpenSSH's ssh and ssh-keygen are needed: %v %v", err, err2)
		}
		t.Skip("OpenSSH's ssh and ssh-keygen are not installed")
	}
	readme, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	section := string(readme)
	start := strings.Index(section, "### The compiler-tool guide and your agenda")
	if start < 0 {
		t.Fatal("README.md has no section on the guide and the agenda")
	}
	section = section[start:]
	section = section[:strings.Index(section[4:], "\n### ")+4]
	const prefix = "ssh -p 2222 camp.example.org "
	var examples []string
	for _, line := range strings.Split(section, "\n") {
		if strings.HasPrefix(line, prefix) {
			examples = append(examples, line)
		}
	}
	if len(examples) < 6 {
		t.Fatalf("found %d examples in the README section, want the guide's and the agenda's:\n%s", len(examples), section)
	}

	ts := startServer(t, withLimits(func(l *schedule.Limits) { l.WriteBurst = 100 })) // the set-up writes fast
	ctx := context.Background()
	org := storetest.MustJoin(t, ts.camp, "Olga", true)
	speaker := storetest.MustJoin(t, ts.camp, "Mei", false)
	for i := 1; i <= 3; i++ {
		storetest.MustProposeTalk(t, ts.camp, speaker, "Talk "+strconv.Itoa(i))
	}
	for _, act := range []schedule.TalkAction{schedule.ActApprove, schedule.ActStart} {
		if _, err := ts.camp.ActOnTalk(ctx, org, 3, act); err != nil {
			t.Fatal(err)
		}
	}
	for i := 1; i <= 5; i++ {
		if _, err := ts.camp.ProposeTopic(ctx, speaker, schedule.TopicProposal{Title: "Topic " + strconv.Itoa(i)}); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := ts.camp.AddReport(ctx, speaker, schedule.Target{Kind: "talk", ID: 3}, schedule.ReportInput{
		Project: "mylib", Tool: "cython", Outcome: schedule.OutcomeWorked, Speedup: 3.5}); err != nil {
		t.Fatal(err)
	}

	dir := t.TempDir()
	key := dir + "/id_ed25519"
	if out, err := exec.Command(keygen, "-q", "-t", "ed25519", "-N", "", "-f", key).CombinedOutput(); err != nil {
		t.Fatalf("ssh-keygen: %v\n%s", err, out)
	}
	host, port, _ := strings.Cut(ts.addr, ":")
	ssh := sshPath + " -F /dev/null -i " + key + " -o IdentitiesOnly=yes -o BatchMode=yes -o StrictHostKeyChecking=no" +
		" -o UserKnownHostsFile=/dev/null -o LogLevel=ERROR -p " + port + " " + host + " "
	bash := func(line string) string {
		t.Helper()
		cctx, cancel := context.WithTimeout(ctx, 30*time.Second)
		defer cancel()
		cmd := exec.CommandContext(cctx, "bash", "-c", line)
		cmd.Dir = dir
		out, err := cmd.CombinedOutput()
		if err != nil {
			t.Fatalf("bash -c %q: %v\n%s", line, err, out)
		}
		return string(out)
	}
	bash(ssh + "join --name Ada --accept-code-of-conduct")
	for _, example := range examples {
		bash(ssh + strings.TrimPrefix(example, prefix))
	}
	ics, err := os.ReadFile(dir + "/camp.ics")
	if err != nil {
		t.Fatal(err)
	}
	cal, err := ical.NewDecoder(bytes.NewReader(ics)).Decode()
	if err != nil {
		t.Fatalf("camp.ics is not a calendar: %v\n%s", err, ics)
	}
	if n := len(cal.Events()); n != 1 {
		t.Errorf("camp.ics has %d events, want the started talk 3 (topic 5 is not on the board):\n%s", n, ics)
	}
}

package sshapp_test

import (
	"fmt"
	"strings"
	"testing"
	"time"

	gossh "golang.org/x/crypto/ssh"

	"github.com/lightningcamp/camp/schedule"
	"github.com/lightningcamp/camp/schedule/export"
)

// joinWithKey joins a new attendee and returns their client and person.
func (ts *testServer) joinWithKey(t *testing.T, name string) (*gossh.Client, schedule.Person) {
	t.Helper()
	key := newKey(t)
	c := ts.client(t, key)
	mustRun(t, c, "join", "--name", name, "--accept-code-of-conduct")
	p, err := ts.camp.PersonByFingerprint(ctx, gossh.FingerprintSHA256(key.PublicKey()))
	if err != nil {
		t.Fatal(err)
	}
	return c, p
}

// Issue 17, item 4 over SSH: the organiser's cue reaches every session of
// the live speaker, and no other screen; an attendee's question, once an
// organiser picks it (enter in the console's speaker view), shows in the
// speaker view and later in the talk's exported notes.
func TestCueAndQuestionReachOnlyTheLiveSpeakerOverSSH(t *testing.T) {
	ts := startServer(t)
	org := ts.organiser(t)
	meiClient, mei := ts.joinWithKey(t, "Mei Chen")
	priya := ts.join(t, "Priya Raman")
	talk, err := ts.camp.ProposeTalk(ctx, mei.Actor(), schedule.TalkProposal{Title: "Cython 3 and free threading", Abstract: "x"})
	if err != nil {
		t.Fatal(err)
	}
	id := fmt.Sprint(talk.ID)
	mustRun(t, org, "queue", "approve", id)
	mustRun(t, org, "queue", "start", id)

	speakerView := openScreen(t, meiClient, 100, 30)
	speakerView.waitFor(t, 5*time.Second, "[1 Now]", "LIVE")
	speakerView.in.Write([]byte("S"))
	speakerView.waitFor(t, 5*time.Second, "▶ LIVE  Mei Chen — Cython 3")
	talksView := openScreen(t, meiClient, 100, 30)
	talksView.waitFor(t, 5*time.Second, "[1 Now]")
	talksView.in.Write([]byte("2"))
	talksView.waitFor(t, 5*time.Second, "[2 Talks]")
	audience := openScreen(t, priya, 100, 30)
	audience.waitFor(t, 5*time.Second, "[1 Now]", "LIVE")
	audience.in.Write([]byte("S"))
	audience.waitFor(t, 5*time.Second, "▶ LIVE  Mei Chen")
	console := openScreen(t, ts.client(t, ts.org), 100, 30)
	console.waitFor(t, 5*time.Second, "[1 Now]")
	console.in.Write([]byte("S"))
	console.waitFor(t, 5*time.Second, "Questions · 0")

	mustRun(t, org, "cue", "wrap-up")
	took := speakerView.waitFor(t, 5*time.Second, "PLEASE WRAP UP")
	t.Logf("the cue reached the speaker view in %s", took)
	if took > time.Second {
		t.Errorf("the cue took %s to reach the speaker, want at most 1 s", took)
	}
	talksView.waitFor(t, time.Second, "» Cue from the organisers: Please wrap up")
	time.Sleep(500 * time.Millisecond) // time enough for a wrong screen to show it too
	for name, s := range map[string]*screen{"an attendee": audience, "the organiser": console} {
		if txt := s.text(); strings.Contains(strings.ToLower(txt), "wrap up") {
			t.Errorf("%s sees the cue:\n%s", name, txt)
		}
	}

	mustRun(t, priya, "ask", "Does it work with NumPy 2?")
	console.waitFor(t, 5*time.Second, "Questions · 1", "#1 Priya Raman: Does it work with NumPy 2?")
	console.in.Write([]byte("\r"))
	took = speakerView.waitFor(t, 5*time.Second, "Question from Priya Raman", "Does it work with NumPy 2?")
	t.Logf("the picked question reached the speaker view in %s", took)
	if txt := audience.text(); strings.Contains(txt, "NumPy 2") {
		t.Errorf("the audience sees the question in the speaker view:\n%s", txt)
	}

	mustRun(t, org, "queue", "finish", id)
	talks, _ := ts.camp.Talks(ctx, schedule.TalkFilter{})
	people, _ := ts.camp.People(ctx)
	questions, err := ts.camp.AllQuestions(ctx)
	if err != nil {
		t.Fatal(err)
	}
	notes, err := export.NotesFiles(export.Camp{Event: ts.camp.Event(), Talks: talks, People: people, Questions: questions, GeneratedAt: ts.clock.Now()})
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for _, f := range notes {
		if strings.HasSuffix(f.Path, "talk-"+id+".md") && strings.Contains(string(f.Data), "### Priya Raman (put to the speaker)\n\nDoes it work with NumPy 2?") {
			found = true
		}
	}
	if !found {
		t.Errorf("the exported notes of talk 1 lack the question: %v", notes)
	}
}

// Issue 17, item 3 over SSH, on the server's moved clock: the next
// speaker's sessions show "You're next" once the live talk has two minutes
// left (with a bell, as they asked for one), and a topic leader's session
// shows where and when five minutes before their slot.
func TestSpeakerAndLeaderCuesOverSSH(t *testing.T) {
	ts := startServer(t)
	org := ts.organiser(t)
	mei, meiP := ts.joinWithKey(t, "Mei Chen")
	tomas, tomasP := ts.joinWithKey(t, "Tomas Ortega")
	live, _ := ts.camp.ProposeTalk(ctx, meiP.Actor(), schedule.TalkProposal{Title: "Cython 3", Abstract: "x", Minutes: 5})
	next, _ := ts.camp.ProposeTalk(ctx, tomasP.Actor(), schedule.TalkProposal{Title: "Codon", Abstract: "x", Minutes: 5})
	mustRun(t, org, "queue", "approve", fmt.Sprint(live.ID))
	mustRun(t, org, "queue", "approve", fmt.Sprint(next.ID))
	mustRun(t, org, "queue", "start", fmt.Sprint(live.ID))
	mustRun(t, tomas, "bell", "on")
	started := ts.clock.Now()

	first, second := openScreen(t, tomas, 100, 30), openScreen(t, tomas, 100, 30)
	meiScreen := openScreen(t, mei, 100, 30)
	for _, s := range []*screen{first, second, meiScreen} {
		s.waitFor(t, 5*time.Second, "[1 Now]", "LIVE")
	}
	second.in.Write([]byte("3"))
	second.waitFor(t, 5*time.Second, "[3 Open space]")
	ts.clock.Set(started.Add(2*time.Minute + 59*time.Second))
	first.waitFor(t, 5*time.Second, "2:01 left")
	if strings.Contains(first.text(), "You're next") {
		t.Fatalf("cued with more than two minutes left:\n%s", first.text())
	}
	// A bell is BEL on its own; BEL also ends the window title's escape
	// sequence, so count them from here on.
	bells := func(s *screen) int { return strings.Count(s.raw.String(), "\a") }
	tomasBells, meiBells := bells(first), bells(meiScreen)
	ts.clock.Set(started.Add(3 * time.Minute))
	first.waitFor(t, 5*time.Second, "» You're next: about 2 minutes")
	second.waitFor(t, 5*time.Second, "[3 Open space]", "» You're next: about 2 minutes")
	deadline := time.Now().Add(5 * time.Second) // Bubble Tea sends what the program writes itself once a second
	for bells(first) == tomasBells && time.Now().Before(deadline) {
		time.Sleep(50 * time.Millisecond)
	}
	if bells(first) == tomasBells {
		t.Error("no bell, though Tomas said bell on")
	}
	time.Sleep(1500 * time.Millisecond)
	if strings.Contains(meiScreen.text(), "You're next") || bells(meiScreen) != meiBells {
		t.Errorf("the live speaker got the next speaker's cue or a bell:\n%s", meiScreen.text())
	}

	// Tomas leads a topic in track b (Room 2), slot 1 at 11:00 GMT.
	topic, err := ts.camp.ProposeTopic(ctx, tomasP.Actor(), schedule.TopicProposal{Title: "Codon pipelines"})
	if err != nil {
		t.Fatal(err)
	}
	mustRun(t, org, "assign", fmt.Sprint(topic.ID), "b", "eu-openspace-1/1")
	mustRun(t, org, "queue", "finish", fmt.Sprint(live.ID))
	ts.clock.Set(time.Date(2026, 3, 28, 10, 54, 0, 0, time.UTC))
	first.waitFor(t, 5*time.Second, "in 6:00")
	if strings.Contains(second.text(), "Your topic") {
		t.Fatalf("cued six minutes before:\n%s", second.text())
	}
	ts.clock.Set(time.Date(2026, 3, 28, 10, 55, 0, 0, time.UTC))
	second.waitFor(t, 5*time.Second, "» Your topic is in Room 2 at 11:00 GMT (in 5 minutes)", ts.camp.Event().JoinLink("room-2"))
}

// Issue 17, item 2 over SSH: a room presence outlives one of its person's
// terminal sessions and ends with the last; command sessions never count
// as online.
func TestPresenceEndsWithTheLastTerminalSession(t *testing.T) {
	ts := startServer(t)
	ts.clock.Set(time.Date(2026, 3, 28, 11, 10, 0, 0, time.UTC))
	key := newKey(t)
	ada, other := ts.client(t, key), ts.client(t, key)
	mustRun(t, ada, "join", "--name", "Ada", "--accept-code-of-conduct")
	adaP, _ := ts.camp.PersonByFingerprint(ctx, gossh.FingerprintSHA256(key.PublicKey()))
	first, second := openScreen(t, other, 80, 24), openScreen(t, ada, 80, 24)
	first.waitFor(t, 5*time.Second, "[1 Now]")
	second.waitFor(t, 5*time.Second, "[1 Now]")
	_, bobP := ts.joinWithKey(t, "Bob") // commands only
	mustRun(t, ada, "here", "b")
	rooms := func() (online []int64, n int) {
		p, err := ts.camp.Presence(ctx)
		if err != nil {
			t.Fatal(err)
		}
		return p.Online, len(p.Rooms)
	}
	if online, n := rooms(); n != 1 || len(online) != 1 || online[0] != adaP.ID {
		t.Fatalf("online %v (bob is %d), %d in rooms; want only Ada, in one room", online, bobP.ID, n)
	}
	other.Close() // the connection drops
	time.Sleep(500 * time.Millisecond)
	if _, n := rooms(); n != 1 {
		t.Fatal("Ada left her room when one of her two sessions closed")
	}
	second.in.Write([]byte("q")) // quits
	deadline := time.Now().Add(5 * time.Second)
	for {
		online, n := rooms()
		if n == 0 && len(online) == 0 {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("after Ada's last session closed: online %v, %d in rooms", online, n)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

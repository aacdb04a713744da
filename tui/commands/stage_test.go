package commands_test

import (
	"context"
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/lightningcamp/camp/schedule"
)

func TestHereSaysWhichRoomAndCountsHeads(t *testing.T) {
	c := newCamp(t)
	olga, priya, mei := c.organiser("Olga"), c.attendee("Priya"), c.attendee("Mei")
	wantFailure(t, run(t, priya, "here", "b"), 1, "no open-space slot is running now")
	c.clock.Set(time.Date(2026, 3, 28, 11, 10, 0, 0, time.UTC))
	if r := mustRun(t, priya, "here", "Room", "2"); !strings.Contains(r.stdout, "You are in Room 2 until 11:45 GMT") {
		t.Errorf("here Room 2:\n%s", r)
	}
	mustRun(t, mei, "here", "b")
	var v struct {
		Slot  string `json:"slot"` // null reads as ""
		Rooms []struct {
			Track  string   `json:"track"`
			Count  int      `json:"count"`
			People []string `json:"people"`
		} `json:"rooms"`
		You string `json:"you"`
	}
	for who, env := range map[string]struct {
		names bool
	}{"priya": {false}, "olga": {true}} {
		e := priya
		if who == "olga" {
			e = olga
		}
		r := mustRun(t, e, "here", "--json")
		if err := json.Unmarshal([]byte(r.stdout), &v); err != nil {
			t.Fatal(err)
		}
		if v.Slot != "eu-openspace-1/1" || len(v.Rooms) != 3 || v.Rooms[1].Count != 2 {
			t.Errorf("%s: here --json = %+v", who, v)
		}
		if got := len(v.Rooms[1].People) == 2; got != env.names {
			t.Errorf("%s sees the names of who is where: %t", who, got)
		}
	}
	if r := mustRun(t, priya, "here"); !strings.Contains(r.stdout, "b   Room 2: 2 people") || !strings.Contains(r.stdout, "You are in Room 2") {
		t.Errorf("here:\n%s", r)
	}
	mustRun(t, priya, "here", "--leave")
	if r := mustRun(t, olga, "here"); !strings.Contains(r.stdout, "Room 2: 1 person\n    Mei") {
		t.Errorf("after priya left:\n%s", r)
	}
	wantFailure(t, run(t, priya, "here", "nowhere"), 1, `no room "nowhere": the rooms are a, b, c`)
	wantFailure(t, run(t, c.guest(), "here", "b"), 1, "guests can only look")
}

func TestCueAskAndPickQuestions(t *testing.T) {
	c := newCamp(t)
	olga, mei, priya := c.organiser("Olga"), c.attendee("Mei"), c.attendee("Priya")
	wantFailure(t, run(t, priya, "ask", "Why?"), 1, "no talk is live now")
	talk, err := c.store.ProposeTalk(context.Background(), mei.Actor, schedule.TalkProposal{Title: "Cython", Abstract: "x"})
	if err != nil {
		t.Fatal(err)
	}
	for _, act := range []schedule.TalkAction{schedule.ActApprove, schedule.ActStart} {
		if _, err := c.store.ActOnTalk(context.Background(), olga.Actor, talk.ID, act); err != nil {
			t.Fatal(err)
		}
	}
	wantFailure(t, run(t, priya, "cue", "mic"), 1, "only organisers can do that")
	if r := mustRun(t, olga, "cue", "wrap-up"); !strings.Contains(r.stdout, "Cue sent to the speaker of talk 1: Please wrap up") {
		t.Errorf("cue:\n%s", r)
	}
	if r := mustRun(t, priya, "ask", "Does", "it", "work", "with", "NumPy", "2?"); !strings.Contains(r.stdout, "Question 1 sent for talk 1") {
		t.Errorf("ask:\n%s", r)
	}
	wantFailure(t, run(t, priya, "questions"), 1, "only organisers can do that")
	if r := mustRun(t, olga, "questions"); !strings.Contains(r.stdout, " #1 Priya") || !strings.Contains(r.stdout, "Does it work with NumPy 2?") {
		t.Errorf("questions:\n%s", r)
	}
	mustRun(t, olga, "questions", "pick", "1")
	if r := mustRun(t, olga, "questions", "--json"); !strings.Contains(r.stdout, `"picked": true`) {
		t.Errorf("questions --json after the pick:\n%s", r)
	}
	st, err := c.store.Stage(context.Background(), mei.Actor)
	if err != nil || st.Picked == nil || st.Cue == nil || st.Cue.Text != "Please wrap up" {
		t.Errorf("the speaker's stage = %+v, %v", st, err)
	}
	mustRun(t, mei, "bell", "on")
	if st, _ := c.store.Stage(context.Background(), mei.Actor); !st.Bell {
		t.Error("bell on did not stick")
	}
	wantFailure(t, run(t, mei, "bell", "loud"), 2, `bell takes on or off, not "loud"`)
}

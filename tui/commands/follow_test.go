package commands_test

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"io"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/lightningcamp/camp/tui/commands"
	"github.com/lightningcamp/camp/tui/linemode"
)

const followSchemaPath = "../../docs/follow.schema.json"

func followSchema(t *testing.T) *jsonschema.Schema {
	t.Helper()
	abs, err := filepath.Abs(followSchemaPath)
	if err != nil {
		t.Fatal(err)
	}
	c := jsonschema.NewCompiler()
	c.AssertFormat()
	s, err := c.Compile(abs)
	if err != nil {
		t.Fatalf("compiling %s: %v", followSchemaPath, err)
	}
	return s
}

// follower runs `follow --json` for env until the test ends; its lines
// arrive on lines, read only as fast as the test receives them (the
// channel is unbuffered: a test that stops receiving stops the reading).
type follower struct {
	lines chan string
	done  chan int
}

func startFollowing(t *testing.T, env *commands.Env, args ...string) *follower {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	pr, pw := io.Pipe()
	f := &follower{lines: make(chan string), done: make(chan int, 1)}
	go func() {
		var errOut bytes.Buffer
		code := commands.Execute(ctx, env, append([]string{"follow"}, args...), nil, pw, &errOut)
		if code != 0 {
			t.Errorf("follow exited %d: %s", code, errOut.String())
		}
		pw.Close()
		f.done <- code
	}()
	go func() {
		br := bufio.NewReader(pr)
		for {
			l, err := br.ReadString('\n')
			if err != nil {
				close(f.lines)
				return
			}
			select {
			case f.lines <- l:
			case <-ctx.Done():
				return
			}
		}
	}()
	t.Cleanup(func() {
		cancel()
		pr.Close()
		select {
		case <-f.done:
		case <-time.After(10 * time.Second):
			t.Error("follow did not end when its client went")
		}
	})
	return f
}

// next waits for the next event of type typ (skipping others, each of
// which must still be valid), and says how long it took.
func (f *follower) next(t *testing.T, schema *jsonschema.Schema, typ string, limit time.Duration) (map[string]any, time.Duration) {
	t.Helper()
	start := time.Now()
	deadline := time.After(limit)
	for {
		select {
		case l, ok := <-f.lines:
			if !ok {
				t.Fatalf("follow ended while waiting for %s", typ)
			}
			ev := validEvent(t, schema, l)
			if ev["type"] == typ {
				return ev, time.Since(start)
			}
		case <-deadline:
			t.Fatalf("no %s event within %s", typ, limit)
		}
	}
}

// validEvent parses one line of follow --json and validates it.
func validEvent(t *testing.T, schema *jsonschema.Schema, l string) map[string]any {
	t.Helper()
	if !strings.HasSuffix(l, "\n") || strings.Count(l, "\n") != 1 {
		t.Errorf("not one line: %q", l)
	}
	doc, err := jsonschema.UnmarshalJSON(strings.NewReader(l))
	if err != nil {
		t.Fatalf("not JSON: %v: %q", err, l)
	}
	if err := schema.Validate(doc); err != nil {
		t.Fatalf("not valid against %s: %v\n%s", followSchemaPath, err, l)
	}
	var ev map[string]any
	if err := json.Unmarshal([]byte(l), &ev); err != nil {
		t.Fatal(err)
	}
	return ev
}

// TestFollowJSON: every line of follow --json is one JSON object valid
// against docs/follow.schema.json, and approving, starting and finishing
// a talk, placing a topic, announcing and a talk's last minute each
// produce the documented event, with the changed object.
func TestFollowJSON(t *testing.T) {
	s, org, attendee := seeded(t)
	schema := followSchema(t)
	org.Feed, attendee.Feed = s.Camp, s.Camp
	fo := startFollowing(t, org, "--json")
	fa := startFollowing(t, attendee, "--json")
	for _, f := range []*follower{fo, fa} {
		ev, _ := f.next(t, schema, "now", 10*time.Second)
		now := ev["now"].(map[string]any)
		if live := now["live_talk"].(map[string]any); live["speaker"] != "Mei Chen" {
			t.Errorf("now: live talk = %v", live)
		}
	}

	mustRun(t, attendee, "propose", "talk", "--title", "Follow me", "--minutes", "5")
	ev, _ := fo.next(t, schema, "talk.proposed", 10*time.Second)
	id := int64(ev["talk"].(map[string]any)["id"].(float64))

	for _, step := range []struct {
		act  func()
		typ  string
		want func(map[string]any) bool
	}{
		{func() { mustRun(t, org, "queue", "approve", itoa(id)) }, "talk.approved",
			func(ev map[string]any) bool { return ev["talk"].(map[string]any)["title"] == "Follow me" }},
		{func() { mustRun(t, org, "queue", "finish", itoa(s.LiveTalk)) }, "talk.finished",
			func(ev map[string]any) bool { return ev["talk"].(map[string]any)["speaker"] == "Mei Chen" }},
		{func() { mustRun(t, org, "queue", "start", itoa(s.NextTalk)) }, "talk.started",
			func(ev map[string]any) bool { return ev["talk"].(map[string]any)["status"] == "live" }},
		{func() { s.Clock.Advance(4 * time.Minute) }, "timer.one_minute_left",
			func(ev map[string]any) bool { return ev["timer"].(map[string]any)["remaining_seconds"] == 60.0 }},
		{func() { mustRun(t, org, "assign", itoa(s.UnplacedTopic), "c", "eu-openspace-1/2") }, "topic.placed",
			func(ev map[string]any) bool {
				tp := ev["topic"].(map[string]any)
				return tp["room_name"] == "Room 3" && tp["join_link"] == "https://zoom.us/j/0000000000" && tp["start"] == "2026-03-28T11:45:00Z"
			}},
		{func() { mustRun(t, org, "announce", "Lunch at 12:30") }, "announcement",
			func(ev map[string]any) bool { return ev["announcement"].(map[string]any)["text"] == "Lunch at 12:30" }},
	} {
		step.act()
		for who, f := range map[string]*follower{"organiser": fo, "attendee": fa} {
			ev, took := f.next(t, schema, step.typ, 10*time.Second)
			if !step.want(ev) {
				t.Errorf("%s: %s event carries the wrong object: %v", who, step.typ, ev)
			}
			if took > time.Second {
				t.Errorf("%s: %s took %s (want within 1 s)", who, step.typ, took)
			}
			if at := ev["time"]; at != s.Clock.Now().Format(time.RFC3339) {
				t.Errorf("%s: %s time = %v, want the camp's clock %s", who, step.typ, at, s.Clock.Now().Format(time.RFC3339))
			}
		}
	}
}

// TestFollowSlowReaderGetsAGap: a client that stops reading loses only its
// own events, and is told so by a gap event when it reads again, while
// another client's events keep arriving within 1 s. The wait before events
// are dropped is 60 s on a server; it is 1 s here, so the test is short.
func TestFollowSlowReaderGetsAGap(t *testing.T) {
	s, org, attendee := seeded(t)
	schema := followSchema(t)
	limits := linemode.Limits{MaxWait: time.Second}
	org.Feed, attendee.Feed = s.Camp, s.Camp
	org.Follow, attendee.Follow = limits, limits
	fast := startFollowing(t, org, "--json")
	slow := startFollowing(t, attendee, "--json")
	fast.next(t, schema, "now", 10*time.Second)
	slow.next(t, schema, "now", 10*time.Second)

	// The slow client stops reading: nothing receives from slow.lines.
	stopped := time.Now()
	for i := range 5 {
		mustRun(t, org, "announce", "news "+itoa(int64(i)))
		ev, took := fast.next(t, schema, "announcement", 10*time.Second)
		if took > time.Second {
			t.Errorf("the reading client's announcement took %s while the other stalled (want within 1 s)", took)
		}
		if got := ev["announcement"].(map[string]any)["text"]; got != "news "+itoa(int64(i)) {
			t.Errorf("reading client got %v", got)
		}
		time.Sleep(300 * time.Millisecond)
	}
	time.Sleep(max(0, 3*time.Second-time.Since(stopped)))

	// It reads again: a gap says what it missed.
	ev, _ := slow.next(t, schema, "gap", 10*time.Second)
	if missed := ev["gap"].(map[string]any)["missed"].(float64); missed < 1 || missed > 5 {
		t.Errorf("gap: missed = %v, want 1 to 5", missed)
	}
	mustRun(t, org, "announce", "after the gap")
	ev, _ = slow.next(t, schema, "announcement", 10*time.Second)
	if got := ev["announcement"].(map[string]any)["text"]; got != "after the gap" {
		t.Errorf("after the gap the slow client got %v", got)
	}
}

// TestFollowSchemaCatchesMistakes proves the schema checks can fail.
func TestFollowSchemaCatchesMistakes(t *testing.T) {
	schema := followSchema(t)
	for _, bad := range []string{
		`{"type":"talk.started","time":"2026-03-28T10:02:00Z"}`,                                                                              // no talk
		`{"type":"talk.started","time":"2026-03-28T10:02:00+01:00","talk":null}`,                                                             // not UTC
		`{"type":"announcement","time":"2026-03-28T10:02:00Z","gap":{"missed":1,"from":"2026-03-28T10:02:00Z","to":"2026-03-28T10:02:00Z"}}`, // wrong object
		`{"type":"party","time":"2026-03-28T10:02:00Z"}`,                                                                                     // unknown type
	} {
		doc, err := jsonschema.UnmarshalJSON(strings.NewReader(bad))
		if err != nil {
			t.Fatal(err)
		}
		if schema.Validate(doc) == nil {
			t.Errorf("schema accepted %s", bad)
		}
	}
}

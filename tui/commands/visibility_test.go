package commands_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/lightningcamp/camp/schedule"
	"github.com/lightningcamp/camp/schedule/export"
	"github.com/lightningcamp/camp/store"
	"github.com/lightningcamp/camp/tui/commands"
	"github.com/lightningcamp/camp/tui/live"
)

// visibilityCamp has a talk in each state a talk can rest in, a topic open
// and one withdrawn (all by Sam), a note on the approved talk and one a
// moderator hid, for the visibility table.
type visibilityCamp struct {
	*camp
	viewers map[string]*commands.Env
	talks   map[string]int64 // by status
	topics  map[string]int64
	notes   map[string]int64 // "shown", "hidden"
}

func newVisibilityCamp(t *testing.T) *visibilityCamp {
	c := &visibilityCamp{camp: newCamp(t), talks: map[string]int64{}, topics: map[string]int64{}, notes: map[string]int64{}}
	org, sam := c.organiser("Olga"), c.attendee("Sam")
	c.viewers = map[string]*commands.Env{"guest": c.guest(), "attendee": c.attendee("Ann"), "speaker": sam, "organiser": org}
	ctx := context.Background()
	for _, st := range []string{"proposed", "approved", "rejected", "withdrawn"} {
		tk, err := c.store.ProposeTalk(ctx, sam.Actor, schedule.TalkProposal{Title: "Talk " + st})
		if err != nil {
			t.Fatal(err)
		}
		c.talks[st] = tk.ID
		act := map[string]schedule.TalkAction{"approved": schedule.ActApprove, "rejected": schedule.ActReject}[st]
		who := org.Actor
		if st == "withdrawn" {
			act, who = schedule.ActWithdraw, sam.Actor
		}
		if act != "" {
			if _, err := c.store.ActOnTalk(ctx, who, tk.ID, act); err != nil {
				t.Fatal(err)
			}
		}
	}
	for _, st := range []string{"open", "withdrawn"} {
		tp, err := c.store.ProposeTopic(ctx, sam.Actor, schedule.TopicProposal{Title: "Topic " + st})
		if err != nil {
			t.Fatal(err)
		}
		c.topics[st] = tp.ID
		if st == "withdrawn" {
			if _, err := c.store.WithdrawTopic(ctx, sam.Actor, tp.ID); err != nil {
				t.Fatal(err)
			}
		}
	}
	on := schedule.Target{Kind: "talk", ID: c.talks["approved"]}
	for _, which := range []string{"shown", "hidden", "private"} {
		n, err := c.store.AddNote(ctx, sam.Actor, on, "Note "+which)
		if err != nil {
			t.Fatal(err)
		}
		c.notes[which] = n.ID
	}
	if _, err := c.store.HideNote(ctx, org.Actor, c.notes["hidden"], true); err != nil {
		t.Fatal(err)
	}
	ann := c.viewers["attendee"]
	n, err := c.store.AddNote(ctx, ann.Actor, on, "Note by Ann, private")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := c.store.SetNotePrivate(ctx, ann.Actor, n.ID, true); err != nil {
		t.Fatal(err)
	}
	return c
}

// seesTalks is the visibility table for talks: who sees a talk of Sam's
// in each state. Sam is the speaker.
var seesTalks = map[string][]string{
	"guest":     {"approved"},
	"attendee":  {"approved"},
	"speaker":   {"proposed", "approved", "rejected", "withdrawn"},
	"organiser": {"proposed", "approved", "rejected", "withdrawn"},
}

var seesTopics = map[string][]string{
	"guest":     {"open"},
	"attendee":  {"open"},
	"speaker":   {"open", "withdrawn"},
	"organiser": {"open", "withdrawn"},
}

// Issue 14 item 3: a guest ran `talks --status rejected,withdrawn` and saw
// another person's rejected talk with its speaker. One rule
// (schedule.Viewer) now decides, and the store, the TUI snapshot, every
// command's text and --json, and the export agree on it.
func TestVisibilityTable(t *testing.T) {
	c := newVisibilityCamp(t)
	ctx := context.Background()
	for who, env := range c.viewers {
		t.Run(who, func(t *testing.T) {
			wantTalks, wantTopics := seesTalks[who], seesTopics[who]
			v := schedule.ViewerOf(env.Actor)

			// The store.
			talks, err := c.store.VisibleTalks(ctx, v, schedule.TalkFilter{})
			if err != nil {
				t.Fatal(err)
			}
			c.same(t, "store talks", c.talks, wantTalks, talkTitles(talks))
			topics, err := c.store.VisibleTopics(ctx, v)
			if err != nil {
				t.Fatal(err)
			}
			c.same(t, "store topics", c.topics, wantTopics, topicTitles(topics))

			// The TUI's snapshot, through a shared read as sessions make it.
			r := live.Reader{Event: c.store.Event(), Source: tuiSource{c.store}, Shared: live.NewShared(), Viewer: env.Actor.PersonID, Sees: v}
			var s live.Snapshot
			for _, part := range []live.Part{live.Talks, live.Topics} {
				if l := r.Read(ctx, part, time.Now(), schedule.Target{}); l.Err != nil {
					t.Fatal(l.Err)
				} else {
					s.Apply(l)
				}
			}
			c.same(t, "TUI snapshot talks", c.talks, wantTalks, talkTitles(s.Talks))
			c.same(t, "TUI snapshot topics", c.topics, wantTopics, topicTitles(s.Topics))

			// Every command, as text and as --json.
			all := "--status=proposed,approved,live,done,skipped,rejected,withdrawn"
			c.same(t, "talks --json", c.talks, wantTalks, jsonTitles(t, mustRun(t, env, "talks", all, "--json"), "talks"))
			c.same(t, "talks", c.talks, wantTalks, textTitles(mustRun(t, env, "talks", all).stdout, "Talk "))
			c.same(t, "topics --json", c.topics, wantTopics, jsonTitles(t, mustRun(t, env, "topics", "--json"), "topics"))
			c.same(t, "topics", c.topics, wantTopics, textTitles(mustRun(t, env, "topics").stdout, "Topic "))
			for st, id := range c.talks {
				r := run(t, env, "notes", fmt.Sprintf("talk:%d", id), "--json")
				if got, want := r.code == 0, slices.Contains(wantTalks, st); got != want {
					t.Errorf("notes on the %s talk: seen %v, want %v:\n%s", st, got, want, r)
				}
			}
			for st, id := range c.topics {
				r := run(t, env, "notes", fmt.Sprintf("topic:%d", id))
				if got, want := r.code == 0, slices.Contains(wantTopics, st); got != want {
					t.Errorf("notes on the %s topic: seen %v, want %v:\n%s", st, got, want, r)
				}
			}
			notes := mustRun(t, env, "notes", fmt.Sprintf("talk:%d", c.talks["approved"])).stdout
			if !strings.Contains(notes, "Note shown") || strings.Contains(notes, "Note hidden") {
				t.Errorf("notes show the note and never the hidden one (the organiser hides it in the TUI's moderation view):\n%s", notes)
			}
			// A private note is read at the camp; it only stays out of exports.
			if !strings.Contains(notes, "Note by Ann, private") {
				t.Errorf("a private note is read at the camp:\n%s", notes)
			}
			// The TUI's notes read agrees.
			if l := r.Read(ctx, live.Notes, time.Now(), schedule.Target{Kind: "talk", ID: c.talks["approved"]}); l.Err != nil {
				t.Fatal(l.Err)
			} else {
				s.Apply(l)
			}
			var texts []string
			for _, n := range s.Notes.Entries {
				texts = append(texts, n.Text)
			}
			if got := strings.Join(texts, "|"); !strings.Contains(got, "Note shown") || strings.Contains(got, "Note hidden") {
				t.Errorf("TUI snapshot notes: %s", got)
			}
		})
	}

	// The export publishes less than a guest sees, never more.
	var event bytes.Buffer
	if err := export.WriteEventJSON(&event, exportCamp(t, c.store), export.Options{}); err != nil {
		t.Fatal(err)
	}
	for st := range c.talks {
		if published := strings.Contains(event.String(), `"Talk `+st+`"`); published && !slices.Contains(seesTalks["guest"], st) {
			t.Errorf("event.json publishes the %s talk, which a guest does not see", st)
		}
	}
	for st := range c.topics {
		if strings.Contains(event.String(), `"Topic `+st+`"`) && !slices.Contains(seesTopics["guest"], st) {
			t.Errorf("event.json publishes the %s topic, which a guest does not see", st)
		}
	}
	for _, never := range []string{"Note hidden", "Note by Ann, private"} {
		if strings.Contains(event.String(), never) {
			t.Errorf("event.json publishes %q", never)
		}
	}
	// A speaker's own export holds all of their own talks and topics.
	var mine bytes.Buffer
	if err := export.MineMarkdown(&mine, exportCamp(t, c.store), c.viewers["speaker"].Actor.PersonID); err != nil {
		t.Fatal(err)
	}
	for st := range c.talks {
		if !strings.Contains(mine.String(), "Talk "+st) {
			t.Errorf("export --mine leaves out the speaker's own %s talk:\n%s", st, mine.String())
		}
	}
	if !strings.Contains(mine.String(), "Note shown") || strings.Contains(mine.String(), "Note hidden") || strings.Contains(mine.String(), "Ann, private") {
		t.Errorf("the speaker's export: own notes yes, hidden and others' private notes no:\n%s", mine.String())
	}
	doc := decode(t, mustRun(t, c.viewers["speaker"], "export", "--mine", "--json"))
	if b, _ := json.Marshal(doc); strings.Contains(string(b), "Ann, private") || strings.Contains(string(b), "Note hidden") {
		t.Errorf("export --mine --json shows a private or hidden note: %s", b)
	}
}

// same compares which states a viewer saw (by title) with the table.
func (c *visibilityCamp) same(t *testing.T, where string, ids map[string]int64, want, gotTitles []string) {
	t.Helper()
	var got []string
	for st := range ids {
		for _, title := range gotTitles {
			if strings.HasSuffix(title, " "+st) {
				got = append(got, st)
			}
		}
	}
	slices.Sort(got)
	if !slices.Equal(got, sorted(want...)) {
		t.Errorf("%s: sees %v, want %v", where, got, sorted(want...))
	}
}

func talkTitles(ts []schedule.Talk) []string {
	var out []string
	for _, t := range ts {
		out = append(out, t.Title)
	}
	return out
}

func topicTitles(ts []schedule.Topic) []string {
	var out []string
	for _, t := range ts {
		out = append(out, t.Title)
	}
	return out
}

func jsonTitles(t *testing.T, r result, key string) []string {
	t.Helper()
	var doc map[string]json.RawMessage
	var items []struct{ Title string }
	if err := json.Unmarshal([]byte(r.stdout), &doc); err != nil {
		t.Fatalf("not JSON: %v\n%s", err, r)
	}
	if err := json.Unmarshal(doc[key], &items); err != nil {
		t.Fatalf("not JSON: %v\n%s", err, r)
	}
	var out []string
	for _, x := range items {
		out = append(out, x.Title)
	}
	return out
}

// textTitles finds titles starting with prefix in a command's text.
func textTitles(out, prefix string) []string {
	var titles []string
	for _, l := range strings.Split(out, "\n") {
		if i := strings.Index(l, prefix); i >= 0 {
			titles = append(titles, strings.Fields(l[i:])[0]+" "+strings.Fields(l[i:])[1])
		}
	}
	return titles
}

// tuiSource is the camp as the TUI reads it (no one online here).
type tuiSource struct{ *store.Camp }

func (tuiSource) Online() []int64 { return nil }

// exportCamp gathers a camp for the export as `camp export` does.
func exportCamp(t *testing.T, s *store.Camp) export.Camp {
	t.Helper()
	ctx := context.Background()
	c := export.Camp{Event: s.Event(), GeneratedAt: s.Event().Start()}
	var err error
	for _, read := range []func() error{
		func() error { c.Talks, err = s.Talks(ctx, schedule.TalkFilter{}); return err },
		func() error { c.Topics, err = s.Topics(ctx); return err },
		func() error { c.Notes, err = s.Notes(ctx, schedule.Target{}); return err },
		func() error { c.Reports, err = s.Reports(ctx, schedule.Target{}); return err },
		func() error { c.People, err = s.People(ctx); return err },
	} {
		if err := read(); err != nil {
			t.Fatal(err)
		}
	}
	return c
}

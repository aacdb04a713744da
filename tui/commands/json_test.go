package commands_test

import (
	"fmt"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/lightningcamp/camp/tui/commands"
)

func fakeStats() commands.Stats {
	return commands.Stats{Sessions: 3, SessionsByRole: map[string]int{"attendee": 2, "organiser": 1}, Goroutines: 42,
		HeapBytes: 8 << 20, RSSBytes: 30 << 20, CPUSeconds: 1.5, UptimeSeconds: 600}
}

var rfc3339UTC = regexp.MustCompile(`^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$`)

// talks --json is a contract: exactly these keys, [] for empty lists,
// RFC 3339 UTC times.
func TestTalksJSONKeys(t *testing.T) {
	c := newCamp(t)
	ada := c.attendee("Ada")
	if r := mustRun(t, ada, "talks", "--json"); strings.Join(strings.Fields(r.stdout), "") != `{"talks":[]}` {
		t.Errorf("no talks must print an empty list, got %s", r.stdout)
	}
	mustRun(t, ada, "propose", "talk", "--title", "No tools")
	talk := onlyTalk(t, ada)
	// links, tags and can_make: issue 14 item 11 (talks --json left them out).
	want := sorted("id", "title", "abstract", "speaker", "minutes", "status", "block", "position", "tools", "links", "tags", "can_make", "created_at")
	if got := keys(talk); !slices.Equal(got, want) {
		t.Errorf("talk keys = %v, want %v", got, want)
	}
	for _, k := range []string{"tools", "links", "tags", "can_make"} {
		if xs, ok := talk[k].([]any); !ok || len(xs) != 0 {
			t.Errorf("%s must be [] not null: %v", k, talk[k])
		}
	}
	mustRun(t, ada, "edit", "talk", "1", "--link", "https://example.org/x", "--tag", "numerics", "--block", "eu-talks")
	talk = onlyTalk(t, ada)
	if fmt.Sprint(talk["links"], talk["tags"], talk["can_make"]) != "[https://example.org/x] [numerics] [eu-talks]" {
		t.Errorf("talks --json should carry links, tags and blocks: %v", talk)
	}
	if !rfc3339UTC.MatchString(talk["created_at"].(string)) {
		t.Errorf("created_at = %v", talk["created_at"])
	}
}

func TestStatsJSON(t *testing.T) {
	c := newCamp(t)
	org := c.organiser("Olga")
	org.Stats = fakeStats
	doc := decode(t, mustRun(t, org, "stats", "--json"))
	for _, k := range []string{"sessions", "goroutines", "heap_bytes", "rss_bytes", "cpu_seconds"} {
		if _, ok := doc[k]; !ok {
			t.Errorf("stats --json lacks %q: %v", k, doc)
		}
	}
	if doc["sessions"] != 3.0 || doc["heap_bytes"] != float64(8<<20) {
		t.Errorf("stats = %v", doc)
	}
	if r := mustRun(t, org, "stats"); !strings.Contains(r.stdout, "goroutines   42") {
		t.Errorf("stats as text:\n%s", r)
	}
	org.Stats = nil
	wantFailure(t, run(t, org, "stats"), 1, "no server statistics")
}

// Every --json output has snake_case keys and RFC 3339 UTC times.
func TestJSONOutputsAreStable(t *testing.T) {
	c := newCamp(t)
	ada, org := c.attendee("Ada"), c.organiser("Olga")
	mustRun(t, ada, "propose", "talk", "--title", "T")
	mustRun(t, ada, "propose", "topic", "--title", "Open")
	mustRun(t, org, "queue", "approve", "1")
	mustRun(t, org, "queue", "start", "1")
	for _, args := range [][]string{
		{"now", "--json"}, {"talks", "--json"}, {"topics", "--json"}, {"notes", "talk:1", "--json"},
		{"whoami", "--json"}, {"timer", "list", "--json"}, {"queue", "--json"}, {"schedule", "--json"}, {"people", "--json"},
	} {
		r := mustRun(t, org, args...)
		walkJSON(t, strings.Join(args, " "), "", decode(t, r))
	}
}

// walkJSON checks that every key is snake_case and that time keys (start,
// end, now, *_at) hold RFC 3339 UTC.
func walkJSON(t *testing.T, cmd, path string, v any) {
	switch v := v.(type) {
	case map[string]any:
		for k, x := range v {
			if !regexp.MustCompile(`^[a-z][a-z0-9_]*$`).MatchString(k) {
				t.Errorf("%s: key %s%s is not snake_case", cmd, path, k)
			}
			if s, ok := x.(string); ok && (k == "start" || k == "end" || k == "now" || strings.HasSuffix(k, "_at")) && !rfc3339UTC.MatchString(s) {
				t.Errorf("%s: %s%s = %q is not RFC 3339 UTC", cmd, path, k, s)
			}
			walkJSON(t, cmd, path+k+".", x)
		}
	case []any:
		for _, x := range v {
			walkJSON(t, cmd, path+"[].", x)
		}
	}
}

package export

import (
	"bytes"
	"fmt"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"gopkg.in/yaml.v3"

	"github.com/lightningcamp/camp/schedule"
)

// hostileTitles break YAML written by hand: quotes, colons, document
// markers, comments, anchors, tags, flow syntax, non-ASCII and emoji.
var hostileTitles = []string{
	hostileTitle,
	`--- yaml: [breaker] ---`,
	`# looks like a comment`,
	`@decorators & *aliases &anchors`,
	`!!python/object:os.system`,
	`'single' and "double" quotes`,
	`key: value, {flow: map}, [flow, seq]`,
	`| literal > folded`,
	`null`, `true`, `yes`, `off`, `0x1F`, `0777`, `2026-03-28`, `~`, `=`, `<<`,
	`Ünïcödé 日本語 🚀👩‍💻 emoji`,
	`%TAG directive`,
	`trailing colon:`,
	`  leading and trailing spaces  `,
}

// splitFrontMatter returns the YAML between the leading --- lines.
func splitFrontMatter(t *testing.T, page []byte) []byte {
	t.Helper()
	rest, ok := bytes.CutPrefix(page, []byte("---\n"))
	fm, _, found := bytes.Cut(rest, []byte("\n---\n"))
	if !ok || !found {
		t.Fatalf("page has no front matter:\n%s", page)
	}
	return fm
}

// TestFrontMatterRoundTrip: every hostile title reads back from the YAML
// exactly (whitespace collapsed, as titles are one line), the headline
// fits in 32 characters, and every field of the template is there.
func TestFrontMatterRoundTrip(t *testing.T) {
	c := emptyCamp(t)
	for i, title := range hostileTitles {
		id := int64(i + 1)
		c.Talks = append(c.Talks, schedule.Talk{ID: id, SpeakerID: id, Speaker: "S", Title: title, Minutes: 5, Status: schedule.TalkDone})
		c.Topics = append(c.Topics, schedule.Topic{ID: id, LeaderID: id, Leader: "L", Title: title, Status: schedule.TopicPlaced, Track: "b", Slot: "eu-openspace-2/1"})
		c.Reports = append(c.Reports, schedule.Report{ID: id, Target: schedule.Target{Kind: "talk", ID: id}, Project: title, Tool: "cython", Outcome: schedule.OutcomeWorked})
	}
	files, err := CompilePythonPages(c)
	if err != nil {
		t.Fatal(err)
	}
	titles := map[string]bool{}
	for _, f := range files {
		raw := splitFrontMatter(t, f.Data)
		if bytes.Contains(raw, []byte(" =\n")) || bytes.Contains(raw, []byte(" <<\n")) {
			t.Errorf("%s: a plain = or << breaks YAML 1.1 readers:\n%s", f.Path, raw)
		}
		var fm map[string]any
		if err := yaml.Unmarshal(raw, &fm); err != nil {
			t.Fatalf("%s: front matter is not YAML: %v", f.Path, err)
		}
		for _, key := range []string{"title", "headline", "summary", "date", "type", "length", "words", "series", "tags", "related"} {
			if _, ok := fm[key]; !ok {
				t.Errorf("%s: no %s", f.Path, key)
			}
		}
		title, _ := fm["title"].(string)
		titles[plainFromMeta(title)] = true
		if h, _ := fm["headline"].(string); utf8.RuneCountInString(plainFromMeta(h)) > headlineMax || h == "" {
			t.Errorf("%s: headline %q is empty or longer than %d", f.Path, h, headlineMax)
		}
		if d, _ := fm["date"].(time.Time); !d.Equal(time.Date(2026, 3, 28, 0, 0, 0, 0, time.UTC)) {
			t.Errorf("%s: date %v, want the date 2026-03-28", f.Path, fm["date"])
		}
		if !bytes.Contains(raw, []byte("\ndate: 2026-03-28\n")) {
			t.Errorf("%s: the date is quoted:\n%s", f.Path, raw)
		}
	}
	for _, title := range hostileTitles {
		if !titles[oneLine(title)] {
			t.Errorf("title %q did not round-trip through the front matter", title)
		}
	}
}

func TestHeadline(t *testing.T) {
	for _, tc := range []struct{ title, want string }{
		{"Short title", "Short title"},
		{"Exactly thirty-two characters ok", "Exactly thirty-two characters ok"},
		{"mypyc in production: what we learnt compiling", "mypyc in production: what we…"},
		{"Speeding up: a tale of compilers and pain", "Speeding up: a tale of compilers"}, // no room for …
		{"Speeding up: a tale of compilation and pain", "Speeding up: a tale of…"},
		{"Supercalifragilisticexpialidocious-and-more", "Supercalifragilisticexpialidoci…"},
		{"Ünïcödé 日本語 🚀👩‍💻 emoji and a long tail", "Ünïcödé 日本語 🚀👩‍💻 emoji and a…"},
		{"  spaced\n\tout  ", "spaced out"},
	} {
		got := headline(tc.title)
		if got != tc.want || utf8.RuneCountInString(got) > headlineMax {
			t.Errorf("headline(%q) = %q (%d chars), want %q", tc.title, got, utf8.RuneCountInString(got), tc.want)
		}
	}
}

// TestMarkdownEscaping: people's text comes out literal: no raw HTML, no
// raw blocks, no lists or headings, and plain prose stays readable.
func TestMarkdownEscaping(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"plain words, well-known my_module", "plain words, well-known my_module"},
		{"<script>x</script>", `\<script\>x\<\/script\>`},
		{"1. one\n- two", "1\\. one\\\n\\- two"},
		{"a -- b --- c", `a \-\- b \-\-\- c`},
		{"_emph_ *strong* `code`", "\\_emph\\_ \\*strong\\* \\`code\\`"},
		{"```{=html}", "\\`\\`\\`\\{\\=html\\}"},
		{"para one\n\n\n para two ", "para one\n\npara two"},
		{"see [link](javascript:x) ![img](x)", `see \[link\](javascript:x) !\[img\](x)`},
		{"bell\a and \u202etext", "bell and text"},
	} {
		if got := mdText(tc.in); got != tc.want {
			t.Errorf("mdText(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

// TestPagesPublishOnlyWhatIsPublic: pages exist for approved, live and
// done talks and placed topics only; hidden notes and reports, and
// anything attached to an unpublished talk, appear nowhere.
func TestPagesPublishOnlyWhatIsPublic(t *testing.T) {
	files, err := CompilePythonPages(seededCamp(t))
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	var all strings.Builder
	for _, f := range files {
		names = append(names, strings.TrimPrefix(f.Path, "compilepython/pages/LightningCamps/2026-03/"))
		all.Write(f.Data)
	}
	want := "[index.md talk-1.md talk-2.md talk-5.md talk-3.md topic-1.md topic-2.md topic-5.md report-1.md report-2.md tool-cython.md tool-mypyc.md]"
	if got := fmt.Sprint(names); got != want {
		t.Errorf("pages %s, want %s", got, want)
	}
	for _, secret := range []string{"spam", "hidden", "my private reminder", "Rejected talk", "rejected", "Proposed idea", "Open topic", "Withdrawn", "@example."} {
		if strings.Contains(all.String(), secret) {
			t.Errorf("pages contain %q", secret)
		}
	}
}

// Issue 14 item 13: "A 8-minute lightning talk" read wrongly.
func TestTalkLineArticle(t *testing.T) {
	c := seededCamp(t)
	v := newView(c)
	for minutes, want := range map[int]string{5: "A 5-minute", 8: "An 8-minute", 11: "An 11-minute", 18: "An 18-minute", 1: "A 1-minute"} {
		talk := c.Talks[0]
		talk.Minutes = minutes
		if got := v.talkLine(talk, mdInline, "camp"); !strings.HasPrefix(got, want+" ") {
			t.Errorf("%d minutes: %q, want it to start %q", minutes, got, want)
		}
	}
}

// Issue 14 item 4: a note its author marked private is in no exported
// file, public or private.
func TestPrivateNotesAreNotExported(t *testing.T) {
	for _, opt := range []Options{{}, {IncludePrivate: true}} {
		files, err := Bundle(seededCamp(t), opt)
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range files {
			if strings.Contains(string(f.Data), "my private reminder") {
				t.Errorf("%s (private files %t) holds the private note", f.Path, opt.IncludePrivate)
			}
		}
	}
}

package export

import (
	"bytes"
	"strings"
	"testing"

	"github.com/lightningcamp/camp/schedule"
)

// TestMineMarkdownOnlyOwnText: a personal export holds the person's own
// talks (whatever their status), topics, notes and reports, and nobody
// else's text; hidden items stay out.
func TestMineMarkdownOnlyOwnText(t *testing.T) {
	c := seededCamp(t)
	var linus, ada bytes.Buffer
	if err := MineMarkdown(&linus, c, 4); err != nil {
		t.Fatal(err)
	}
	if err := MineMarkdown(&ada, c, 1); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"Rejected talk", "yaml: [breaker]"} {
		if !strings.Contains(linus.String(), want) {
			t.Errorf("Linus's export lacks %q:\n%s", want, linus.String())
		}
	}
	for _, hidden := range []string{"spam", "hidden", "pypy"} {
		if strings.Contains(linus.String(), hidden) {
			t.Errorf("Linus's export shows hidden %q", hidden)
		}
	}
	for _, other := range []string{"Great talk", "alert", "Grace", "Mallory", "api\\-server"} {
		if strings.Contains(ada.String()[strings.Index(ada.String(), "## My notes"):], other) {
			t.Errorf("Ada's notes and reports show someone else's %q", other)
		}
	}
	if !strings.Contains(ada.String(), "Proposed idea") || !strings.Contains(ada.String(), "note on a rejected talk") {
		t.Errorf("Ada's export lacks her own proposal or note:\n%s", ada.String())
	}
}

// Issue 14 item 12: export --mine escaped the attendee's own Markdown
// (`**one binary**` became `\*\*one binary\*\*`, `# My notes` became
// `\# My notes`), and a speaker's export left out what others said on
// her talk.
func TestMineKeepsMarkdownAndWhatOthersSaid(t *testing.T) {
	c := seededCamp(t)
	c.Notes = append(c.Notes, schedule.NoteEntry{ID: 9, Target: schedule.Target{Kind: "topic", ID: 1}, AuthorID: 1, Author: "Ada",
		Text: "# My notes\n\nIt ships as **one binary**.\x1b[31m", Revision: 1, CreatedAt: at("11:30"), UpdatedAt: at("11:30")})
	var b bytes.Buffer
	if err := MineMarkdown(&b, c, 1); err != nil {
		t.Fatal(err)
	}
	out := b.String()
	for _, want := range []string{"# My notes\n\nIt ships as **one binary**.", "Great talk!", "point one", "From Grace Hopper on the talk"} {
		if !strings.Contains(out, want) {
			t.Errorf("Ada's export lacks %q:\n%s", want, out)
		}
	}
	for _, never := range []string{`\*\*one binary`, `\# My notes`, "\x1b", "spam"} {
		if strings.Contains(out, never) {
			t.Errorf("Ada's export has %q:\n%s", never, out)
		}
	}
}

// Issue 14 item 7: export --mine said 09:47 UTC to a Tokyo attendee.
func TestMineSpeaksTheReadersZone(t *testing.T) {
	c := seededCamp(t)
	for i := range c.People {
		if c.People[i].ID == 1 {
			c.People[i].TZ = "Asia/Tokyo"
		}
	}
	var b bytes.Buffer
	if err := MineMarkdown(&b, c, 1); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"09:47–09:52 UTC (18:47–18:52 JST)", "11:00–11:45 UTC (20:00–20:45 JST)"} {
		if !strings.Contains(b.String(), want) {
			t.Errorf("Ada reads times in Tokyo: want %q in\n%s", want, b.String())
		}
	}
}

package export

import (
	"strings"
	"testing"

	"github.com/lightningcamp/camp/schedule"
)

// Issue 17, item 4: the audience's questions are kept with the talk's
// notes, escaped as the notes are, and only for a published talk; a hidden
// one appears nowhere.
func TestQuestionsAreKeptWithTheTalksNotes(t *testing.T) {
	c := seededCamp(t)
	c.Questions = []schedule.Question{
		{ID: 1, TalkID: 1, AuthorID: 2, Author: "Grace Hopper", Text: "Does it <script>work</script> with *NumPy 2*?", Picked: at("09:50")},
		{ID: 2, TalkID: 1, AuthorID: 4, Author: "Linus", Text: "hidden question", Hidden: true},
		{ID: 3, TalkID: 1, AuthorID: 4, Author: "Linus", Text: "1. And free-threading?"},
	}
	var rejected int64
	for _, tk := range c.Talks {
		if tk.Status == schedule.TalkRejected {
			rejected = tk.ID
		}
	}
	c.Questions = append(c.Questions, schedule.Question{ID: 4, TalkID: rejected, AuthorID: 4, Author: "Linus", Text: "unpublished question"})
	pages, err := CompilePythonPages(c)
	if err != nil {
		t.Fatal(err)
	}
	notes, err := NotesFiles(c)
	if err != nil {
		t.Fatal(err)
	}
	find := func(files []File, suffix string) string {
		for _, f := range files {
			if strings.HasSuffix(f.Path, suffix) {
				return string(f.Data)
			}
		}
		t.Fatalf("no file %s", suffix)
		return ""
	}
	for name, page := range map[string]string{"page": find(pages, "/talk-1.md"), "notes": find(notes, "/talk-1.md")} {
		want := "## Questions from the audience\n\n### Grace Hopper (put to the speaker)\n\nDoes it \\<script\\>work\\</script\\> with \\*NumPy 2\\*?\n\n### Linus\n\n1\\. And free-threading?\n"
		if !strings.Contains(page, want) {
			t.Errorf("%s of talk 1 lacks its questions:\n%s", name, page)
		}
	}
	for _, files := range [][]File{pages, notes} {
		for _, f := range files {
			if s := string(f.Data); strings.Contains(s, "hidden question") || strings.Contains(s, "unpublished question") {
				t.Errorf("%s shows a hidden or unpublished question", f.Path)
			}
		}
	}
}

package export

import (
	"bytes"
	"strings"
	"testing"
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
	for _, want := range []string{"Rejected talk", "yaml: \\[breaker\\]"} {
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

package tui

import (
	"math/rand/v2"
	"strings"
	"testing"

	"charm.land/lipgloss/v2"
)

// cellWidth must agree with lipgloss.Width on everything: the fast path on
// the text it knows, the fallback on the rest.
func TestCellWidthAgreesWithLipgloss(t *testing.T) {
	st := newStyles(true)
	fixed := []string{
		"", "plain", "  two  spaces ", "Europe/London 10:02 GMT · New York 06:02 EDT (you)",
		st.section.Render("Open space now") + " " + st.faint.Render(strings.Repeat("─", 40)),
		"╭──────╮│ █▀▀ ▄ │╰──────╯", "“quoted” — dash… • bullet", "café naïve Łódź ÆØÅ ß",
		"wide 日本語", "emoji 🐍 ok", "flag 🇬🇧", "e\u0301 combining", "zero\u200bwidth", "bidi\u202eover",
		"soft\u00adhyphen", "tab\there", "new\nline", "\x1b]8;;https://example.org\x07link\x1b]8;;\x07",
		"\x1b]8;;https://example.org\x1b\\link\x1b]8;;\x1b\\", "\x1b[1;38;2;183;166;255mbold\x1b[m", "\x1b7saved",
		"\x1b[", "\x1b]unterminated", "★ you lead: ▶ LIVE ⏱ slot", "✓ saved ✗ error", "½ ¼ ¾ ©®",
		"\u2500\u2501\u257f\u2580\u259f\u25a0", "x\ufe0f", "a\u200db",
	}
	for _, s := range fixed {
		if got, want := cellWidth(s), lipgloss.Width(s); got != want {
			t.Errorf("cellWidth(%q) = %d, lipgloss.Width = %d", s, got, want)
		}
	}
	// Random lines from the characters frames are made of, and a few that
	// must fall back.
	alphabet := []string{"a", "Z", " ", "~", "·", "—", "…", "─", "│", "█", "é", "ſ", "ɏ", "\u00ad", "\u0300", "日",
		"›", "✓", "✗", "★", "☆", "▶", "●", "◆", "⏱", "→", "←", "↑", "↓", "↷",
		"🐍", "\u200d", "\ufe0f", "\t", "\x1b[1m", "\x1b[38;5;141m", "\x1b[m", "\x1b[", "\x1b[3", "\x1b[?25l", "\x1b[1 q", "\x1b[1\x07", "\x1b[2;\x1b[m", "\x1b]8;;u\x07", "\x7f"}
	r := rand.New(rand.NewPCG(1, 2))
	for range 20000 {
		var b strings.Builder
		for range r.IntN(30) {
			b.WriteString(alphabet[r.IntN(len(alphabet))])
		}
		s := b.String()
		if got, want := cellWidth(s), lipgloss.Width(s); got != want {
			t.Fatalf("cellWidth(%q) = %d, lipgloss.Width = %d", s, got, want)
		}
	}
}

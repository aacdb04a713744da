package tui

import (
	"fmt"
	"strings"

	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"
)

// Shared layout helpers. Views build their screens from these so that
// truncation, padding and two-column layouts behave the same everywhere.

// truncate cuts s to width cells, marking the cut with an ellipsis.
func truncate(s string, width int) string {
	if width <= 0 {
		return ""
	}
	if widthAtMost(s, width) {
		return s // what ansi.Truncate returns, measured faster
	}
	return ansi.Truncate(s, width, "…")
}

// fitsBytes says, without measuring, that s is at most width cells wide: no
// character takes more cells than it has bytes (wide ones take 2 cells and
// 3 or 4 bytes; escape sequences take none). Most lines of a frame are much
// shorter in bytes than the screen is wide, and measuring a width means
// walking the string's grapheme clusters.
func fitsBytes(s string, width int) bool { return len(s) <= width }

// fitRows appends blocks (one after another) to rows as exactly height lines, none wider than
// width: longer blocks are cut at the bottom, shorter ones padded with empty
// lines. The frame around the views relies on it to keep the status bar in
// place.
func fitRows(rows []string, blocks []string, width, height int) []string {
	start := len(rows)
	for _, block := range blocks {
		for line := range strings.SplitSeq(block, "\n") {
			if len(rows)-start == height {
				break
			}
			if !widthAtMost(line, width) {
				line = truncate(line, width)
			}
			rows = append(rows, line)
		}
	}
	for len(rows)-start < height {
		rows = append(rows, "")
	}
	return rows
}

// crop keeps the first height lines of a block, and pads nothing.
func crop(block string, height int) string {
	rows := strings.SplitN(block, "\n", height+1)
	if len(rows) > height {
		rows = rows[:height]
	}
	return strings.Join(rows, "\n")
}

// spread puts left and right on one line of width cells; right is dropped
// when both do not fit.
func spread(left, right string, width int) string {
	gap := width - cellWidth(left) - cellWidth(right)
	if right == "" || gap < 1 {
		return truncate(left, width)
	}
	return left + strings.Repeat(" ", gap) + right
}

// sideBySide joins two blocks into columns of the given widths with a gap.
func sideBySide(left string, leftWidth int, right string, gap int) string {
	l := lipgloss.NewStyle().Width(leftWidth).MaxWidth(leftWidth).Render(left)
	return lipgloss.JoinHorizontal(lipgloss.Top, l, strings.Repeat(" ", gap), right)
}

func (st *styles) heading(title string, width int) string {
	t := st.section.Render(title)
	rule := width - cellWidth(t) - 1
	if rule < 1 {
		return truncate(t, width)
	}
	return t + " " + st.faint.Render(strings.Repeat("─", rule))
}

// stack joins non-empty blocks top to bottom.
func stack(blocks ...string) string {
	var out []string
	for _, b := range blocks {
		if b != "" {
			out = append(out, b)
		}
	}
	return strings.Join(out, "\n")
}

// paragraphs joins non-empty blocks with an empty line between them.
func paragraphs(blocks ...string) string {
	var out []string
	for _, b := range blocks {
		if b != "" {
			out = append(out, b)
		}
	}
	return strings.Join(out, "\n\n")
}

// height is how many lines a block takes.
func height(block string) int {
	if block == "" {
		return 0
	}
	return strings.Count(block, "\n") + 1
}

// wrap folds text to width, keeping words whole where it can.
func wrap(text string, width int) string {
	if width <= 0 {
		return ""
	}
	return ansi.Wrap(text, width, "")
}

// plural says "1 report", "2 reports".
func plural(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	return fmt.Sprintf("%d %ss", n, word)
}

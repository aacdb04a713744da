package tui

import (
	"unicode/utf8"

	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"
)

// cellWidth is lipgloss.Width for the text frames are made of, measured in
// one pass over the bytes. lipgloss.Width walks every grapheme cluster; a
// frame is mostly ASCII, box drawing and a few Latin letters and dashes, all
// one cell each, in lines with styling escapes (which take no cells). Any
// character outside those ranges (wide, combining, emoji, controls) sends
// the whole line to lipgloss.Width, so the answer is always lipgloss's.
func cellWidth(s string) int {
	n := 0
	for i := 0; i < len(s); {
		c := s[i]
		switch {
		case c == 0x1b:
			if n := csiLen(s[i:]); n > 0 { // a style: the most common sequence by far
				i += n
				continue
			}
			// The sequence as lipgloss's own parser reads it (x/ansi), so
			// the answer stays lipgloss's.
			_, w, n, _ := ansi.DecodeSequence(s[i:], ansi.NormalState, nil)
			if w != 0 || n == 0 {
				return lipgloss.Width(s)
			}
			i += n
			continue
		case c >= 0x20 && c < 0x7f:
			n++
			i++
			continue
		case c < 0x80:
			return lipgloss.Width(s) // a control character or a new line
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if !oneCell(r) {
			return lipgloss.Width(s)
		}
		n++
		i += size
	}
	return n
}

// csiLen is the length of the well-formed control sequence (ESC [ params
// intermediates final) s starts with, which takes no cells; 0 when s does
// not start with one, and the general parser decides.
func csiLen(s string) int {
	if len(s) < 3 || s[1] != '[' {
		return 0
	}
	i := 2
	for i < len(s) && s[i] >= 0x30 && s[i] <= 0x3f { // parameters
		i++
	}
	for i < len(s) && s[i] >= 0x20 && s[i] <= 0x2f { // intermediates
		i++
	}
	if i < len(s) && s[i] >= 0x40 && s[i] <= 0x7e { // the final byte
		return i + 1
	}
	return 0
}

// oneCell lists characters that are one cell wide on their own and never
// join the character before or after them into one cluster.
func oneCell(r rune) bool {
	switch {
	case r >= 0xa0 && r <= 0x24f: // Latin-1 and Latin Extended (not the soft hyphen)
		return r != 0xad
	case r >= 0x2010 && r <= 0x2027: // dashes, quotes, bullet, ellipsis
		return true
	case r >= 0x2500 && r <= 0x259f: // box drawing and block elements
		return true
	}
	// The marks the views draw (markers, arrows, the live and timer
	// signs): one cell each as lipgloss measures them (width_test.go mixes
	// every one into its random lines), so lines holding them stay in the
	// fast pass.
	switch r {
	case '›', '✓', '✗', '★', '☆', '▶', '●', '◆', '⏱', '→', '←', '↑', '↓', '↷':
		return true
	}
	return false
}

// widthAtMost says cellWidth(s) <= max; fitsBytes can often tell without
// measuring.
func widthAtMost(s string, max int) bool { return fitsBytes(s, max) || cellWidth(s) <= max }

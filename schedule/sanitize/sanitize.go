package sanitize

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// maxMarksPerBase is how many combining marks may follow one base
// character. Real text needs far fewer (Vietnamese 2, pointed Hebrew with
// cantillation or Tibetan stacks about 4); zalgo text uses dozens.
const maxMarksPerBase = 8

// maxBlankLines is how many empty lines Multiline keeps in a row.
const maxBlankLines = 2

// multilineTab replaces a tab in Multiline. Tabs are expanded rather than
// kept because their width depends on the cursor column.
const multilineTab = "    "

// Line cleans single-line text: titles, names, tags, log fields. Newlines
// and tabs become a single space. See the package documentation for the
// rules.
func Line(s string, maxRunes int) string {
	return truncate(cleanLine(s), maxRunes, trimLineEnd)
}

// Multiline cleans multi-line text (abstracts, notes): it keeps "\n" (CRLF
// and lone CR become "\n"), tabs become spaces and at most two consecutive
// blank lines remain.
func Multiline(s string, maxRunes int) string {
	return truncate(cleanMultiline(s), maxRunes, trimMultilineEnd)
}

// TooLong reports whether Line(s, maxRunes) would cut s, so callers can
// refuse over-long input instead of silently shortening it.
func TooLong(s string, maxRunes int) bool {
	return maxRunes > 0 && utf8.RuneCountInString(cleanLine(s)) > maxRunes
}

// MultilineTooLong is TooLong for text cleaned with Multiline.
func MultilineTooLong(s string, maxRunes int) bool {
	return maxRunes > 0 && utf8.RuneCountInString(cleanMultiline(s)) > maxRunes
}

// cleanLine applies rules 1–6 for single-line text.
func cleanLine(s string) string {
	return tidyLine(norm.NFC.String(removeUnsafe(s, false)))
}

// cleanMultiline applies rules 1–6 for multi-line text.
func cleanMultiline(s string) string {
	return tidyLines(norm.NFC.String(removeUnsafe(s, true)))
}

// tidyLine trims, collapses white space to single spaces and limits
// combining marks.
func tidyLine(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	var marks markBudget
	pendingSpace := false
	for _, r := range s {
		if unicode.IsSpace(r) {
			// Leading space is dropped by never setting pendingSpace while
			// nothing has been written; trailing space is never flushed.
			pendingSpace = b.Len() > 0
			marks.reset()
			continue
		}
		if !marks.allow(r) {
			continue
		}
		if pendingSpace {
			b.WriteByte(' ')
			pendingSpace = false
		}
		b.WriteRune(r)
	}
	return b.String()
}

// tidyLines trims trailing white space on each line, drops leading and
// trailing blank lines, limits runs of blank lines and limits combining
// marks. Indentation is kept.
func tidyLines(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	var marks markBudget
	var indent []byte // white space seen since the last kept rune on this line
	newlines := 0     // line breaks seen since the last kept rune
	for _, r := range s {
		switch {
		case r == '\n':
			indent = indent[:0] // trailing white space of the line
			newlines++
			marks.reset()
		case unicode.IsSpace(r):
			indent = utf8.AppendRune(indent, r)
			marks.reset()
		case marks.allow(r):
			if b.Len() > 0 { // leading blank lines are dropped
				for range min(newlines, maxBlankLines+1) {
					b.WriteByte('\n')
				}
			}
			newlines = 0
			b.Write(indent)
			indent = indent[:0]
			b.WriteRune(r)
		}
	}
	return b.String()
}

// markBudget limits combining marks per base character. Its zero value
// allows none, which is right at the start of text, of a line and after
// white space, where a mark has nothing of its own to attach to.
type markBudget struct{ left int }

// allow reports whether r may be kept and updates the budget.
func (m *markBudget) allow(r rune) bool {
	if !isMark(r) {
		m.left = maxMarksPerBase
		return true
	}
	if m.left == 0 {
		return false
	}
	m.left--
	return true
}

// reset forbids marks until the next base character.
func (m *markBudget) reset() { m.left = 0 }

func isMark(r rune) bool {
	return r >= 0x300 && unicode.In(r, unicode.M)
}

func trimLineEnd(s string) string { return strings.TrimRight(s, " ") }

func trimMultilineEnd(s string) string { return strings.TrimRightFunc(s, unicode.IsSpace) }

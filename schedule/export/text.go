package export

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// headlineMax is the compilepython.com limit for title-card headlines.
const headlineMax = 32

// headline shortens a title to at most 32 characters, cutting at a word
// boundary and adding an ellipsis when there is room for it. A first word
// longer than the limit is cut mid-word: some headline beats none.
func headline(title string) string {
	title = oneLine(title)
	if utf8.RuneCountInString(title) <= headlineMax {
		return title
	}
	cut := wordPrefix(title, headlineMax)
	if cut == "" {
		return string([]rune(title)[:headlineMax-1]) + "…"
	}
	if trimmed := strings.TrimRightFunc(cut, isTrailingPunct); utf8.RuneCountInString(trimmed) < headlineMax && trimmed != "" {
		return trimmed + "…"
	}
	return cut
}

// wordPrefix is the longest run of whole words of s that fits in limit runes.
func wordPrefix(s string, limit int) string {
	best, runes := "", 0
	for i, r := range s {
		if runes > limit {
			break
		}
		if unicode.IsSpace(r) && runes <= limit {
			best = s[:i]
		}
		runes++
	}
	return strings.TrimRightFunc(best, unicode.IsSpace)
}

// isTrailingPunct is punctuation that looks wrong before an ellipsis.
func isTrailingPunct(r rune) bool {
	return unicode.IsSpace(r) || strings.ContainsRune(",;:-–—(/", r)
}

// oneLine collapses all whitespace, newlines included, to single spaces.
func oneLine(s string) string { return strings.Join(strings.Fields(cleanText(s)), " ") }

// cleanText drops control characters except newlines and turns tabs into
// spaces. People's text is sanitised when stored; this is the second line of
// defence the design asks for, applied again on the way out.
func cleanText(s string) string {
	s = strings.ReplaceAll(s, "\r\n", "\n")
	return strings.Map(func(r rune) rune {
		switch {
		case r == '\n':
			return r
		case r == '\t' || r == '\r':
			return ' '
		case unicode.IsControl(r) || (unicode.Is(unicode.Cf, r) && r != '\u200d'):
			return -1 // ZWJ stays: emoji sequences need it
		}
		return r
	}, s)
}

// summary is the first paragraph of text, cut at a word boundary to about
// max characters, for the front matter's summary field.
func summary(text string, max int) string {
	para, _, _ := strings.Cut(strings.TrimSpace(cleanText(text)), "\n\n")
	para = oneLine(para)
	if utf8.RuneCountInString(para) <= max {
		return para
	}
	if cut := wordPrefix(para, max-1); cut != "" {
		return cut + "…"
	}
	return string([]rune(para)[:max-1]) + "…"
}

// wordCount counts words the way a reader would: runs of non-space.
func wordCount(s string) int { return len(strings.Fields(s)) }

// readingTime is the page's length as compilepython.com writes it ("3m"),
// at 200 words a minute, at least one minute.
func readingTime(words int) string {
	return strconv.Itoa(max(1, (words+199)/200)) + "m"
}

package export

import (
	"net/url"
	"strings"
	"unicode"
)

// People's text goes into Markdown that pandoc turns into a public web page,
// so it must come out as the literal text they typed: no raw HTML (pandoc
// passes it through, which would let a note inject a script), no raw
// attribute blocks, no headings, lists or tables they did not mean. Pandoc
// accepts a backslash before any ASCII punctuation, so escaping is always
// safe; to keep the Markdown readable we escape only what can start markup.

// alwaysEscaped can start markup anywhere in a line.
const alwaysEscaped = "\\`*[]{}<>#|~^$@&"

// mdText renders multi-line text: blank lines separate paragraphs, single
// newlines stay line breaks, and every line is escaped.
func mdText(s string) string {
	var paras []string
	for _, para := range strings.Split(strings.TrimSpace(cleanText(s)), "\n\n") {
		var lines []string
		for _, line := range strings.Split(para, "\n") {
			if line = strings.TrimSpace(line); line != "" {
				lines = append(lines, mdLine(line))
			}
		}
		if len(lines) > 0 {
			paras = append(paras, strings.Join(lines, "\\\n")) // pandoc's escaped line break
		}
	}
	return strings.Join(paras, "\n\n")
}

// mdInline renders one line of text: a title, a name.
func mdInline(s string) string { return mdLine(oneLine(s)) }

// mdLine escapes one line. Its first word is escaped fully, because that is
// where list markers ("1.", "a)", "-", "+"), definition lists (":"), fenced
// divs (":::") and setext underlines live.
func mdLine(line string) string { return escapeLine(line, needsEscape) }

// metaText is one line of people's text for a front-matter value. Pandoc
// reads every metadata string as Markdown with its smart extension, so on
// top of what mdLine escapes, quotes and the dots of an ellipsis or an
// abbreviation ("Mr. X") are escaped too: the title pandoc renders is then
// exactly the text typed, character for character. A reader that wants
// the plain text drops the backslash before each ASCII punctuation mark
// (plainFromMeta does), the rule every Markdown reader applies.
func metaText(s string) string { return escapeLine(oneLine(s), needsMetaEscape) }

func escapeLine(line string, escape func(runes []rune, i int, firstWord bool) bool) string {
	var b strings.Builder
	runes := []rune(line)
	firstWord := true
	for i, r := range runes {
		if unicode.IsSpace(r) {
			firstWord = false
		}
		if escape(runes, i, firstWord) {
			b.WriteByte('\\')
		}
		b.WriteRune(r)
	}
	return b.String()
}

// needsMetaEscape adds what pandoc's smart typography would change.
func needsMetaEscape(runes []rune, i int, firstWord bool) bool {
	switch runes[i] {
	case '\'', '"':
		return true
	case '.':
		// An ellipsis, or an abbreviation ("Mr. X"), which would get a
		// non-breaking space.
		abbreviation := isWordRune(runes, i-1) && i+1 < len(runes) && unicode.IsSpace(runes[i+1])
		return abbreviation || isRune(runes, i-1, '.') || isRune(runes, i+1, '.')
	}
	return needsEscape(runes, i, firstWord)
}

func needsEscape(runes []rune, i int, firstWord bool) bool {
	r := runes[i]
	switch {
	case r > unicode.MaxASCII || !unicode.IsPunct(r) && !unicode.IsSymbol(r):
		return false
	case firstWord, strings.ContainsRune(alwaysEscaped, r):
		return true
	case r == '_':
		// snake_case stays readable: pandoc never emphasises inside a word.
		return !(isWordRune(runes, i-1) && isWordRune(runes, i+1))
	case r == '-':
		// A lone hyphen is text; "--" and "---" would become dashes.
		return isRune(runes, i-1, '-') || isRune(runes, i+1, '-')
	}
	return false
}

func isWordRune(runes []rune, i int) bool {
	return i >= 0 && i < len(runes) && (unicode.IsLetter(runes[i]) || unicode.IsDigit(runes[i]))
}

func isRune(runes []rune, i int, want rune) bool {
	return i >= 0 && i < len(runes) && runes[i] == want
}

// mdLink is a Markdown link to a page of the bundle or the site.
func mdLink(text, target string) string { return "[" + mdInline(text) + "](" + target + ")" }

// webURL returns s if it is an absolute http(s) address that is safe to put
// in a link as it is, "" otherwise. People type project links; anything
// else (javascript:, relative paths, text with spaces) is shown as text.
func webURL(s string) string {
	s = strings.TrimSpace(s)
	u, err := url.Parse(s)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" ||
		strings.ContainsAny(s, " <>\"'`\\") {
		return ""
	}
	return s
}

// mdURL shows a link people gave: as an autolink when it is a web address,
// escaped text otherwise.
func mdURL(s string) string {
	if u := webURL(s); u != "" {
		return "<" + u + ">"
	}
	return mdInline(s)
}

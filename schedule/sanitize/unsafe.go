package sanitize

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

const (
	bel = 0x07
	esc = 0x1b
	del = 0x7f
)

// removeUnsafe applies rules 1–4: it replaces invalid UTF-8, removes escape
// sequences, control, format, private-use and noncharacters, and turns line
// breaks and tabs into the form the caller wants.
func removeUnsafe(s string, multiline bool) string {
	plain := plainASCIIPrefix(s)
	if plain == len(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	b.WriteString(s[:plain])
	for i := plain; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		next := i + size
		switch {
		case r == utf8.RuneError && size == 1: // an invalid byte, not a real U+FFFD
			b.WriteRune(utf8.RuneError)
		case r == esc:
			next = skipEscape(s, next)
		case isC1(r):
			// U+0080+n is the 8-bit form of ESC followed by the byte 0x40+n.
			next = skipIntroduced(s, next, byte(r-0x40))
		case r == '\r':
			if next < len(s) && s[next] == '\n' {
				next++ // CRLF is one break
			}
			writeBreak(&b, multiline)
		case r == '\n' || r == '\u2028' || r == '\u2029':
			writeBreak(&b, multiline)
		case r == '\t':
			writeTab(&b, multiline)
		case isRemoved(r): // dropped
		default:
			b.WriteString(s[i:next])
		}
		i = next
	}
	return b.String()
}

// plainASCIIPrefix returns the length of the leading run of printable ASCII,
// which needs no attention at all.
func plainASCIIPrefix(s string) int {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c < 0x20 || c >= del {
			return i
		}
	}
	return len(s)
}

func writeBreak(b *strings.Builder, multiline bool) {
	if multiline {
		b.WriteByte('\n')
	} else {
		b.WriteByte(' ')
	}
}

func writeTab(b *strings.Builder, multiline bool) {
	if multiline {
		b.WriteString(multilineTab)
	} else {
		b.WriteByte(' ')
	}
}

// isC1 reports whether r is a C1 control (U+0080–U+009F).
func isC1(r rune) bool { return r >= 0x80 && r <= 0x9f }

// isRemoved reports whether r is removed by rules 3 and 4: a control,
// format, private-use or noncharacter code point, or another
// default-ignorable one that draws nothing (the Hangul fillers U+3164 and
// U+FFA0 are the usual way to make a "blank" name). Tabs and line breaks
// are handled before this is asked.
func isRemoved(r rune) bool {
	switch {
	case r < 0x20 || r == del || isC1(r):
		return true
	case r < 0xa0:
		return false
	}
	return unicode.In(r, unicode.Cf, unicode.Co) || isNoncharacter(r) || isDrawnAsNothing(r)
}

// isDrawnAsNothing reports whether r is default-ignorable without being a
// format character. The combining grapheme joiner is kept: it is a
// combining mark that changes how Hebrew points are ordered, and NFC
// itself inserts it into very long runs of marks.
func isDrawnAsNothing(r rune) bool {
	return r != combiningGraphemeJoiner && unicode.Is(unicode.Other_Default_Ignorable_Code_Point, r)
}

const combiningGraphemeJoiner = '\u034f'

// isNoncharacter reports whether r is one of the 66 code points Unicode
// reserves for internal use and never assigns.
func isNoncharacter(r rune) bool {
	return (r >= 0xfdd0 && r <= 0xfdef) || r&0xfffe == 0xfffe
}

// skipEscape and skipIntroduced are the project's one hand-written
// escape-sequence scanner (package tui measures text with x/ansi's parser,
// the one lipgloss uses). The sanitiser does not use x/ansi: it reads a
// UTF-8-encoded C1 introducer such as U+009B as one control and leaves the
// parameters after it ("31m") as text, while a terminal that honours 8-bit
// controls reads the whole sequence; the sanitiser removes all of it.
//
// skipEscape returns the index just past the escape sequence whose ESC
// byte ends just before i. A lone ESC (at the end, or followed by
// something that cannot continue a sequence) removes only itself.
func skipEscape(s string, i int) int {
	if i >= len(s) {
		return i
	}
	switch c := s[i]; {
	case c == '[' || c == ']' || c == 'P' || c == 'X' || c == '^' || c == '_':
		return skipIntroduced(s, i+1, c)
	case c >= 0x20 && c <= 0x2f: // nF escape: intermediates, then one final byte
		for i < len(s) && s[i] >= 0x20 && s[i] <= 0x2f {
			i++
		}
		if i < len(s) && s[i] >= 0x30 && s[i] <= 0x7e {
			i++
		}
		return i
	case c >= 0x30 && c <= 0x7e: // two-character escape, e.g. ESC c (reset)
		return i + 1
	}
	return i
}

// skipIntroduced skips the body of a sequence starting at i whose
// introducer, in its 7-bit form, is ESC kind. For kinds that have no body
// (other C1 controls, stray ST) it skips nothing.
func skipIntroduced(s string, i int, kind byte) int {
	switch kind {
	case '[':
		return skipCSI(s, i)
	case ']':
		return skipString(s, i, true)
	case 'P', 'X', '^', '_': // DCS, SOS, PM, APC
		return skipString(s, i, false)
	}
	return i
}

// skipCSI skips parameter and intermediate bytes and the final byte of a
// control sequence. A byte that cannot be part of a CSI ends it without
// being consumed; it is then handled on its own.
func skipCSI(s string, i int) int {
	for ; i < len(s); i++ {
		switch c := s[i]; {
		case c >= 0x20 && c <= 0x3f:
		case c >= 0x40 && c <= 0x7e:
			return i + 1
		default:
			return i
		}
	}
	return i
}

// skipString skips the payload of a control string up to and including its
// terminator: ST (ESC \ or U+009C) or, for OSC, BEL. Any other ESC ends the
// string and is left to start the next sequence, as terminals do. With no
// terminator the rest of the input is skipped.
func skipString(s string, i int, belEnds bool) int {
	for ; i < len(s); i++ {
		switch s[i] {
		case bel:
			if belEnds {
				return i + 1
			}
		case esc:
			if i+1 < len(s) && s[i+1] == '\\' {
				return i + 2
			}
			return i
		case 0xc2: // UTF-8 lead byte of U+009C (ST); it is never a continuation byte
			if i+1 < len(s) && s[i+1] == 0x9c {
				return i + 2
			}
		}
	}
	return i
}

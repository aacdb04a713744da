package sanitize

import (
	"strings"
	"unicode"

	"golang.org/x/text/cases"
	"golang.org/x/text/unicode/norm"
)

// NameKey returns the key under which display names must be unique. Names
// that a reader cannot tell apart get the same key: "ADMIN", "a\u200bdmin",
// "ａｄｍｉｎ" (fullwidth), " Admin ", "Ad\u00ADmin", "аdmin" (Cyrillic а)
// and "ádmin" all give "admin". "admln" stays different.
//
// The key is for comparison only, never for display. An empty key means the
// name has nothing visible in it and should be refused.
func NameKey(s string) string {
	s = foldCompatibility(Line(s, 0))
	return norm.NFC.String(skeleton(norm.NFD.String(s)))
}

// foldCompatibility applies NFKC (fullwidth, ligatures, mathematical and
// circled letters become plain ones) and full case folding. Each can expose
// work for the other (U+037A becomes U+0345, which folds to ι), so it
// repeats until nothing changes; in practice that is one or two rounds.
func foldCompatibility(s string) string {
	fold := cases.Fold() // a Caser is stateful: one per call, not shared
	for range 4 {
		t := norm.NFKC.String(fold.String(norm.NFKC.String(s)))
		if t == s {
			break
		}
		s = t
	}
	return s
}

// skeleton takes decomposed (NFD) text and removes white space and
// invisible characters, maps look-alike letters to Latin and drops marks
// from Latin-looking letters. Marks are limited as in Line, so that
// removing an invisible base cannot merge two runs of marks.
func skeleton(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	var marks markBudget
	accentless := false // the last base looks Latin, so its accents go
	for _, r := range s {
		switch {
		case unicode.IsSpace(r) || isIgnorable(r):
		case isMark(r):
			if !accentless && marks.allow(r) {
				b.WriteRune(r)
			}
		default:
			r = latinLookalike(r)
			marks.allow(r)
			accentless = unicode.In(r, unicode.Latin, unicode.Common)
			b.WriteRune(r)
		}
	}
	return b.String()
}

// isIgnorable reports whether r draws nothing or changes only the style of
// the character before it: the default-ignorable code points that Line
// keeps (combining grapheme joiner, variation selectors) and the Braille
// blank, which is a favourite "empty" name.
func isIgnorable(r rune) bool {
	return r == '\u2800' ||
		unicode.In(r, unicode.Other_Default_Ignorable_Code_Point, unicode.Variation_Selector)
}

// latinLookalikes maps case-folded Cyrillic and Greek letters that are
// commonly mistaken for Latin ones. It is a small, deliberate subset of the
// Unicode confusables data: enough to stop "аdmin" with a Cyrillic а, not a
// full skeleton algorithm.
var latinLookalikes = map[rune]rune{
	'а': 'a', 'с': 'c', 'ԁ': 'd', 'е': 'e', 'һ': 'h', 'і': 'i', 'ј': 'j',
	'ӏ': 'l', 'о': 'o', 'р': 'p', 'ԛ': 'q', 'ѕ': 's', 'ԝ': 'w', 'х': 'x',
	'у': 'y',
	'α': 'a', 'ι': 'i', 'κ': 'k', 'ν': 'v', 'ο': 'o', 'ρ': 'p', 'υ': 'u',
	'χ': 'x',
	'ı': 'i', // Latin dotless i: case folding keeps it apart from i
}

func latinLookalike(r rune) rune {
	if l, ok := latinLookalikes[r]; ok {
		return l
	}
	return r
}

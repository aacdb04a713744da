package sanitize

import (
	"math/rand/v2"
	"strings"
	"testing"
)

// soupParts are fragments that stress the interaction of the rules:
// escape bytes, controls, line breaks, format characters, marks of
// different combining classes, characters that (de)compose or case-fold in
// surprising ways, Hangul jamo, flags and look-alikes. The byte-level
// mutator of the fuzzer rarely assembles these on its own.
var soupParts = []string{
	"a", "e", "i", "o", "x", "A", "I", "K", "1", " ", "  ", "\t", "\n", "\r", "\r\n",
	"\x1b", "[", "]", "\\", "P", "_", "^", "X", "(", "#", "1;", "m", "\x07",
	"\u009b", "\u009c", "\u009d", "\x9b", "\xff", "\xe2", "\x80",
	"\u0301", "\u0302", "\u0323", "\u0336", "\u0345", "\u037a", "\u0489", "\u20e3",
	"\ufe0f", "\u034f", "\u0344", "\u0340", "\u0f71", "\u0f72", "\u0f77", "\u0f80",
	"\u093c", "\u094d", "\u0915", "\u0958", "\u05b4", "\u05bc", "\u0591",
	"\u0b47", "\u0b3e", "\u3099", "\u304b", "\uff76", "\uff9e", "\U0001d165", "\U0001d16e",
	"\u1100", "\u1161", "\u11a8", "\uac00", "\ud7b0", "\u3164", "\u115f", "\u1160", "\uffa0", "\u2800",
	"\u200b", "\u200d", "\u202e", "\u2066", "\u00ad", "\ufeff", "\u2028", "\u2029", "\u0085",
	"\u00a0", "\u3000", "\ue000", "\ufdd0", "\uffff", "\ufffd", "\U000e0041",
	"🇩", "🇪", "👍", "🏽", "👨", "é", "ß", "ẞ", "ſ", "ı", "İ", "ǅ", "ﬁ", "ｄ", "𝐚", "ⓐ",
	"а", "о", "й", "и", "α", "ά", "ς", "Σ", "ΐ", "\u1fb7", "\u1e9b", "\u00c5", "\u212b", "\u2126", "\u0387",
}

// soup returns n random strings built from soupParts.
func soup(seed uint64, n int) []string {
	r := rand.New(rand.NewPCG(seed, seed))
	out := make([]string, n)
	for i := range out {
		var b strings.Builder
		for range r.IntN(40) {
			b.WriteString(soupParts[r.IntN(len(soupParts))])
		}
		out[i] = b.String()
	}
	return out
}

// TestSoup runs the fuzz invariants over deterministic random soup, so
// that every `go test` exercises combinations the corpus does not list.
func TestSoup(t *testing.T) {
	for _, in := range soup(1, 600) {
		checkLine(t, in)
		checkMultiline(t, in)
		checkNameKey(t, in)
		if t.Failed() {
			return
		}
	}
}

// seed adds the hostile corpus and some soup to a fuzzer.
func seed(f *testing.F) {
	for _, tc := range hostile {
		f.Add(tc.in)
	}
	for _, in := range soup(2, 50) {
		f.Add(in)
	}
}

func FuzzLine(f *testing.F) {
	seed(f)
	f.Fuzz(func(t *testing.T, in string) { checkLine(t, in) })
}

func FuzzMultiline(f *testing.F) {
	seed(f)
	f.Fuzz(func(t *testing.T, in string) { checkMultiline(t, in) })
}

func FuzzNameKey(f *testing.F) {
	seed(f)
	f.Fuzz(func(t *testing.T, in string) { checkNameKey(t, in) })
}

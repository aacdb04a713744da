package sanitize

import "unicode/utf8"

// truncate cuts s to at most maxRunes runes without splitting a grapheme
// cluster (approximately: a base, its marks and modifiers; a flag's two
// regional indicators), then trims the end again with trim.
func truncate(s string, maxRunes int, trim func(string) string) string {
	if maxRunes <= 0 {
		return s
	}
	cut, over := runeOffset(s, maxRunes)
	if !over {
		return s
	}
	return trim(s[:clusterStart(s, cut)])
}

// runeOffset returns the byte offset just after the first n runes and
// whether anything follows it.
func runeOffset(s string, n int) (int, bool) {
	i := 0
	for ; n > 0 && i < len(s); n-- {
		_, size := utf8.DecodeRuneInString(s[i:])
		i += size
	}
	return i, i < len(s)
}

// clusterStart moves cut back until it does not separate a rune from the
// rune it extends, so the kept text never ends with a base whose marks were
// cut off or with half a flag.
func clusterStart(s string, cut int) int {
	for cut > 0 {
		r, _ := utf8.DecodeRuneInString(s[cut:])
		if !extendsCluster(r) {
			break
		}
		_, size := utf8.DecodeLastRuneInString(s[:cut])
		cut -= size
	}
	if next, _ := utf8.DecodeRuneInString(s[cut:]); isRegionalIndicator(next) && regionalIndicatorsBefore(s, cut)%2 == 1 {
		_, size := utf8.DecodeLastRuneInString(s[:cut])
		cut -= size
	}
	return cut
}

// extendsCluster reports whether r belongs to the grapheme cluster of the
// rune before it: combining marks (including variation selectors and
// keycap), emoji skin-tone modifiers and Hangul vowel and final jamo.
func extendsCluster(r rune) bool {
	return isMark(r) ||
		(r >= 0x1f3fb && r <= 0x1f3ff) ||
		(r >= 0x1160 && r <= 0x11ff) ||
		(r >= 0xd7b0 && r <= 0xd7ff)
}

func isRegionalIndicator(r rune) bool { return r >= 0x1f1e6 && r <= 0x1f1ff }

// regionalIndicatorsBefore counts the regional indicators directly before
// offset end; flags pair them up from the start of such a run.
func regionalIndicatorsBefore(s string, end int) int {
	n := 0
	for end > 0 {
		r, size := utf8.DecodeLastRuneInString(s[:end])
		if !isRegionalIndicator(r) {
			break
		}
		n++
		end -= size
	}
	return n
}

package store

import (
	"strings"
	"unicode/utf8"

	"github.com/lightningcamp/camp/schedule"
	"github.com/lightningcamp/camp/schedule/sanitize"
)

// Text from people is cleaned here, on the way in, by the one sanitiser.
// Text over its cap is refused, not cut: a silently shortened abstract or
// note is lost work, and the message tells the writer what to trim.

// rawSlack is how much longer than its cap raw input may be before it is
// refused unread: escape sequences and marks do shrink when cleaned, but a
// megabyte paste into a title field is not worth cleaning to find out.
const rawSlack = 8

func cleanLine(field, s string, max int, required bool) (string, error) {
	return cleaned(field, s, max, required, sanitize.Line)
}

func cleanText(field, s string, max int, required bool) (string, error) {
	return cleaned(field, s, max, required, sanitize.Multiline)
}

// cleaned cleans s once with clean, then holds it to max characters.
func cleaned(field, s string, max int, required bool, clean func(string, int) string) (string, error) {
	if n := utf8.RuneCountInString(s); max > 0 && n > rawSlack*max {
		return "", tooLong(field, n, max)
	}
	out := clean(s, 0)
	if n := utf8.RuneCountInString(out); max > 0 && n > max {
		return "", tooLong(field, n, max)
	}
	if required && out == "" {
		return "", schedule.Errorf(schedule.EINVALID, "%s is empty", field)
	}
	return out, nil
}

func tooLong(field string, n, max int) error {
	return schedule.Errorf(schedule.EINVALID, "%s is %d characters long; the limit is %d", field, n, max)
}

// cleanTags cleans a list of short tags: lower case, no blanks, no repeats.
func cleanTags(field string, tags []string, max int) ([]string, error) {
	if len(tags) > 20 {
		return nil, schedule.Errorf(schedule.EINVALID, "at most 20 %s", field)
	}
	var out []string
	for _, tag := range tags {
		t, err := cleanLine(field, tag, max, false)
		if err != nil {
			return nil, err
		}
		t = strings.ToLower(t)
		if t != "" && !containsString(out, t) {
			out = append(out, t)
		}
	}
	return out, nil
}

func containsString(xs []string, x string) bool {
	for _, v := range xs {
		if v == x {
			return true
		}
	}
	return false
}

// joinList and splitList store a list in one TEXT column. Cleaned one-line
// text never holds a newline, so it is a safe separator.
func joinList(xs []string) string { return strings.Join(xs, "\n") }

func splitList(s string) []string {
	if s == "" {
		return []string{}
	}
	return strings.Split(s, "\n")
}

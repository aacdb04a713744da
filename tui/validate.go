package tui

import (
	"fmt"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"
)

// Inline validation for the forms. The domain checks again on write; these
// only tell the person at once, next to the field, what to fix.

func required(what string, limit int) func(string) error {
	return func(s string) error {
		if strings.TrimSpace(s) == "" {
			return fmt.Errorf("%s is required", what)
		}
		return atMost(what, limit)(s)
	}
}

func atMost(what string, limit int) func(string) error {
	return func(s string) error {
		if n := utf8.RuneCountInString(s); limit > 0 && n > limit {
			return fmt.Errorf("%s: at most %d characters (now %d)", what, limit, n)
		}
		return nil
	}
}

func minutesUpTo(limit int) func(string) error {
	return func(s string) error {
		if strings.TrimSpace(s) == "" {
			return nil // the event's default length
		}
		n, err := strconv.Atoi(strings.TrimSpace(s))
		if err != nil || n < 1 || (limit > 0 && n > limit) {
			return fmt.Errorf("minutes: a whole number from 1 to %d", limit)
		}
		return nil
	}
}

// splitList splits a field of words or web addresses separated by spaces or commas.
func splitList(s string) []string {
	return strings.FieldsFunc(s, func(r rune) bool { return r == ' ' || r == ',' || r == '\n' })
}

func validLinks(limit int) func(string) error {
	return func(s string) error {
		for _, l := range splitList(s) {
			u, err := url.Parse(l)
			if err != nil || (u.Scheme != "https" && u.Scheme != "http") || u.Host == "" {
				return fmt.Errorf("“%s” is not a web address: write it as https://…", l)
			}
			if limit > 0 && len(l) > limit {
				return fmt.Errorf("links: at most %d characters each", limit)
			}
		}
		return nil
	}
}

var slugPattern = regexp.MustCompile(`^[A-Za-z0-9][A-Za-z0-9-]*$`)

// Input caps for fields whose store limit is not in schedule.Limits: the
// store refuses more than linksMax links and tagsMax tags of tagMax
// characters (store/talks.go, store/text.go). A field never takes more than
// the store would keep.
const (
	linksMax   = 5
	tagsMax    = 20
	tagMax     = 32
	slugMax    = 64
	speedupMax = 16
)

func validSlug(s string) error {
	if !slugPattern.MatchString(strings.TrimSpace(s)) {
		return fmt.Errorf("a camp's slug is letters, digits and '-', e.g. 2026-06")
	}
	return nil
}

func validSpeedup(s string) error {
	if strings.TrimSpace(s) == "" {
		return nil
	}
	if f, err := strconv.ParseFloat(strings.TrimSpace(s), 64); err != nil || f <= 0 {
		return fmt.Errorf("speedup: a positive number such as 1.8, or empty if not measured")
	}
	return nil
}

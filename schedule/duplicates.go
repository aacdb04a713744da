package schedule

import (
	"fmt"
	"strings"
	"unicode"
)

// Duplicate says a proposal's title is very close to a talk or topic that
// already exists: the same person's talk (one of three proposals would be
// spent on a copy), or anyone's topic (the dots would split over two).
// The store refuses such a proposal unless it says Force; the TUI asks
// on that refusal, the CLI wants --force.
type Duplicate struct {
	Kind  string // "talk" or "topic"
	ID    int64
	Title string
	Yours bool
}

func (d *Duplicate) Error() string {
	whose := "the " + d.Kind
	if d.Yours {
		whose = "your " + d.Kind
	}
	return fmt.Sprintf("this title is very close to %s %d %q", whose, d.ID, d.Title)
}

// ErrorCode makes a Duplicate a conflict for ErrorCode.
func (d *Duplicate) ErrorCode() string { return ECONFLICT }

// DuplicateTalk finds the speaker's own talk (not withdrawn) whose title
// is very close to title, or nil.
func DuplicateTalk(title string, speakerID int64, talks []Talk) *Duplicate {
	for _, t := range talks {
		if t.SpeakerID == speakerID && t.Status != TalkWithdrawn && SimilarTitles(title, t.Title) {
			return &Duplicate{Kind: "talk", ID: t.ID, Title: t.Title, Yours: true}
		}
	}
	return nil
}

// DuplicateTopic finds a topic (anyone's, not withdrawn) whose title is
// very close to title, or nil. leaderID marks the proposer's own.
func DuplicateTopic(title string, leaderID int64, topics []Topic) *Duplicate {
	for _, t := range topics {
		if t.Status != TopicWithdrawn && SimilarTitles(title, t.Title) {
			return &Duplicate{Kind: "topic", ID: t.ID, Title: t.Title, Yours: t.LeaderID == leaderID}
		}
	}
	return nil
}

// SimilarTitles says whether two titles name the same thing: equal once
// case, punctuation and spacing are set aside, or within a few typing
// slips of each other (one edit per eight letters) with the same numbers.
func SimilarTitles(a, b string) bool {
	x, y := titleKey(a), titleKey(b)
	if x == "" || y == "" {
		return false
	}
	if x == y {
		return true
	}
	n := max(len([]rune(x)), len([]rune(y)))
	if n < 8 || numbers(x) != numbers(y) {
		return false // "Part 1" and "Part 2" are two things
	}
	return titleDistance(x, y) <= n/8
}

// titleKey is a title in lower case, letters and digits only, words
// separated by one space.
func titleKey(s string) string {
	var b strings.Builder
	space := false
	for _, r := range strings.ToLower(s) {
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			if space && b.Len() > 0 {
				b.WriteByte(' ')
			}
			space = false
			b.WriteRune(r)
		default:
			space = true
		}
	}
	return b.String()
}

// numbers is the digits of a title key, runs apart: "python 3 13" is "3 13".
func numbers(key string) string {
	return strings.Join(strings.FieldsFunc(key, func(r rune) bool { return !unicode.IsDigit(r) }), " ")
}

// titleDistance is the Levenshtein distance between a and b, in runes
// (zonenames.go has one for ASCII zone names). Titles are capped
// (Limits.TitleMax), so the quadratic cost is bounded.
func titleDistance(a, b string) int {
	x, y := []rune(a), []rune(b)
	prev := make([]int, len(y)+1)
	cur := make([]int, len(y)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(x); i++ {
		cur[0] = i
		for j := 1; j <= len(y); j++ {
			cost := 1
			if x[i-1] == y[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(y)]
}

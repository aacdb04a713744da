package export

import (
	"slices"
	"strings"

	"github.com/lightningcamp/camp/schedule"
)

// The audience's questions to a live talk are kept with the talk's notes:
// on its page and in its notes file, each under its author's name, through
// the same Markdown escaping as the notes (mdText, mdInline). A question is
// published with its talk, unless a moderator hid it; the one shown to the
// speaker is marked.

func (v *campView) questionsOf(talkID int64) []schedule.Question {
	if _, published := v.targetTitle(schedule.Target{Kind: "talk", ID: talkID}); !published {
		return nil
	}
	var qs []schedule.Question
	for _, q := range v.camp.Questions {
		if q.TalkID == talkID && !q.Hidden {
			qs = append(qs, q)
		}
	}
	slices.SortFunc(qs, func(a, b schedule.Question) int { return int(a.ID - b.ID) })
	return qs
}

// questionsMarkdown renders a talk's questions; "" when it has none.
func (v *campView) questionsMarkdown(talkID int64) string {
	var parts []string
	for _, q := range v.questionsOf(talkID) {
		text := mdText(q.Text)
		if text == "" {
			continue
		}
		head := "### " + mdInline(v.name(q.AuthorID, q.Author))
		if !q.Picked.IsZero() {
			head += " (put to the speaker)"
		}
		parts = append(parts, head+"\n\n"+text+"\n")
	}
	return strings.Join(parts, "\n")
}

const questionsHeading = "Questions from the audience"

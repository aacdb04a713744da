package export

import (
	"fmt"
	"io"
	"strings"

	"github.com/lightningcamp/camp/schedule"
)

// MineMarkdown writes one attendee's own contributions as Markdown, for
// the SSH `export --mine` command: their talks and topics whatever became
// of them (with the status, so they see what happened), and their notes
// and experience reports unless a moderator hid them. Nobody else's text
// appears, and GeneratedAt is not needed.
func MineMarkdown(w io.Writer, c Camp, personID int64) error {
	if c.Event == nil {
		return schedule.Errorf(schedule.EINVALID, "export: the camp has no event")
	}
	v := newView(c)
	var b strings.Builder
	fmt.Fprintf(&b, "# My %s\n\n%s, %s.\n", mdInline(v.ev.Name), mdInline(v.name(personID, "")), longDate(v.eventDay()))
	mdSection(&b, "My talks", v.myTalks(personID))
	mdSection(&b, "My open-space topics", v.myTopics(personID))
	mdSection(&b, "My notes", v.myNotes(personID))
	mdSection(&b, "My experience reports", v.myReports(personID))
	_, err := io.WriteString(w, b.String())
	return err
}

func (v *campView) myTalks(person int64) string {
	var parts []string
	for _, t := range v.sortedTalks(filter(v.camp.Talks, func(t schedule.Talk) bool { return t.SpeakerID == person })) {
		parts = append(parts, mdEntry(t.Title, "Status: "+string(t.Status)+". "+v.talkLine(t, mdInline, mdInline(v.ev.Name)), t.Abstract))
	}
	return strings.Join(parts, "\n")
}

func (v *campView) myTopics(person int64) string {
	var parts []string
	for _, t := range sortedByID(filter(v.camp.Topics, func(t schedule.Topic) bool { return t.LeaderID == person }), topicID) {
		about := "Status: " + string(t.Status) + ", " + votesText(t.Votes) + "."
		if v.isPlaced(t) {
			about = "Status: " + string(t.Status) + ". " + v.topicLine(t, mdInline, mdInline(v.ev.Name))
		}
		parts = append(parts, mdEntry(t.Title, about, t.Description))
	}
	return strings.Join(parts, "\n")
}

func (v *campView) myNotes(person int64) string {
	var parts []string
	for _, n := range sortedNotes(filter(v.camp.Notes, func(n schedule.NoteEntry) bool { return n.AuthorID == person && !n.Hidden })) {
		parts = append(parts, mdEntry("On "+v.anyTargetTitle(n.Target), "", n.Text))
	}
	return strings.Join(parts, "\n")
}

func (v *campView) myReports(person int64) string {
	var parts []string
	for _, r := range sortedByID(filter(v.camp.Reports, func(r schedule.Report) bool { return r.AuthorID == person && !r.Hidden }), reportID) {
		facts := append(v.reportFacts(r), "At: "+mdInline(v.anyTargetTitle(r.Target)))
		parts = append(parts, mdEntry(reportTitle(r), strings.TrimSuffix(mdList(facts), "\n"), r.Learnt))
	}
	return strings.Join(parts, "\n")
}

// mdEntry is one item of a personal export: a level-3 heading, a line
// about it (already Markdown), and people's text.
func mdEntry(title, about, text string) string {
	parts := []string{"### " + mdInline(title)}
	if about != "" {
		parts = append(parts, about)
	}
	if t := mdText(text); t != "" {
		parts = append(parts, t)
	}
	return strings.Join(parts, "\n\n") + "\n"
}

// anyTargetTitle names a talk or topic whatever its status, for a person's
// own export: "the talk “Title”" or "talk:12" when it is gone.
func (v *campView) anyTargetTitle(t schedule.Target) string {
	for _, talk := range v.camp.Talks {
		if t.Kind == "talk" && talk.ID == t.ID {
			return "the talk “" + oneLine(talk.Title) + "”"
		}
	}
	for _, topic := range v.camp.Topics {
		if t.Kind == "topic" && topic.ID == t.ID {
			return "the topic “" + oneLine(topic.Title) + "”"
		}
	}
	return t.String()
}

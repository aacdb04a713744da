package export

import (
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/lightningcamp/camp/schedule"
)

// MineMarkdown writes one attendee's own contributions as Markdown, for
// the SSH `export --mine` command: their talks and topics whatever became
// of them (with the status, so they see what happened), what others said
// on them (notes and experience reports), and their own notes and
// experience reports, each unless a moderator hid it. People's text is
// kept as they wrote it (it is their Markdown, for their own notes; only
// control characters are dropped), unlike the published pages, which
// escape it. GeneratedAt is not needed.
func MineMarkdown(w io.Writer, c Camp, personID int64) error {
	if c.Event == nil {
		return schedule.Errorf(schedule.EINVALID, "export: the camp has no event")
	}
	v := newView(c)
	v.readerZone = c.Event.Zone
	if loc, err := time.LoadLocation(v.people[personID].TZ); err == nil && v.people[personID].TZ != "" {
		v.readerZone = loc
	}
	var b strings.Builder
	fmt.Fprintf(&b, "# My %s\n\n%s, %s.\n", mdInline(v.ev.Name), mdInline(v.name(personID, "")), longDate(v.eventDay()))
	mdSection(&b, "My talks", v.myTalks(personID))
	mdSection(&b, "My open-space topics", v.myTopics(personID))
	mdSection(&b, "What others said on my talks and topics", v.saidOnMine(personID))
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
// about it (already Markdown), and people's text as they wrote it.
func mdEntry(title, about, text string) string {
	parts := []string{"### " + oneLine(title)}
	if about != "" {
		parts = append(parts, about)
	}
	if t := strings.TrimSpace(cleanText(text)); t != "" {
		parts = append(parts, t)
	}
	return strings.Join(parts, "\n\n") + "\n"
}

// othersEntry is mdEntry for someone else's text: escaped.
func othersEntry(title, about, text string) string {
	parts := []string{"### " + mdInline(title)}
	if about != "" {
		parts = append(parts, about)
	}
	if t := mdText(text); t != "" {
		parts = append(parts, t)
	}
	return strings.Join(parts, "\n\n") + "\n"
}

// saidOnMine is every note and report others left on the person's own
// talks and topics, under the talk or topic it is on.
func (v *campView) saidOnMine(person int64) string {
	mine := map[schedule.Target]bool{}
	for _, t := range v.camp.Talks {
		if t.SpeakerID == person {
			mine[schedule.Target{Kind: "talk", ID: t.ID}] = true
		}
	}
	for _, t := range v.camp.Topics {
		if t.LeaderID == person {
			mine[schedule.Target{Kind: "topic", ID: t.ID}] = true
		}
	}
	var parts []string
	// Others' words are escaped as on the published pages: converted to
	// HTML, nobody else's markup runs in the reader's copy.
	for _, n := range sortedNotes(filter(v.camp.Notes, func(n schedule.NoteEntry) bool {
		return mine[n.Target] && n.AuthorID != person && !n.Hidden && !n.Private
	})) {
		parts = append(parts, othersEntry("From "+v.author(n)+" on "+v.anyTargetTitle(n.Target), "", n.Text))
	}
	for _, r := range sortedByID(filter(v.camp.Reports, func(r schedule.Report) bool { return mine[r.Target] && r.AuthorID != person && !r.Hidden }), reportID) {
		facts := append(v.reportFacts(r), "By: "+mdInline(v.reporter(r)), "At: "+mdInline(v.anyTargetTitle(r.Target)))
		parts = append(parts, othersEntry(reportTitle(r), strings.TrimSuffix(mdList(facts), "\n"), r.Learnt))
	}
	return strings.Join(parts, "\n")
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

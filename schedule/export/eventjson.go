package export

import (
	"encoding/json"
	"io"

	"github.com/lightningcamp/camp/schedule"
)

// EventSchemaVersion is event.json's schema_version. Raise it when a key
// changes meaning or disappears; adding a key does not need a new version.
const EventSchemaVersion = 1

// eventDoc is event.json: the whole camp, documented key by key in
// docs/EXPORT.md and checked by docs/event.schema.json.
type eventDoc struct {
	SchemaVersion int               `json:"schema_version"`
	GeneratedAt   string            `json:"generated_at"`
	Private       bool              `json:"private"`
	Event         eventInfo         `json:"event"`
	Talks         []talkDoc         `json:"talks"`
	Topics        []topicDoc        `json:"topics"`
	Notes         []noteDoc         `json:"notes"`
	Reports       []reportDoc       `json:"reports"`
	People        []personDoc       `json:"people"`
	Guide         []GuideTool       `json:"guide"` // the series' compiler-tool guide
	Registrations []registrationDoc `json:"registrations,omitempty"`
}

// WriteEventJSON writes event.json. Without opt.IncludePrivate it holds the
// published talks, topics, notes and reports and the display names of the
// people behind them; with it, every talk and topic whatever its status,
// everyone's email and key fingerprint, and the registrations.
func WriteEventJSON(w io.Writer, c Camp, opt Options) error {
	if err := c.check(); err != nil {
		return err
	}
	v := newView(c)
	doc := eventDoc{
		SchemaVersion: EventSchemaVersion,
		GeneratedAt:   stampUTC(c.GeneratedAt),
		Private:       opt.IncludePrivate,
		Event:         v.eventInfo(opt.IncludePrivate),
	}
	talks, topics, notes, reports := v.published()
	if opt.IncludePrivate {
		talks, topics, notes, reports = v.everything()
	}
	doc.Talks = mapSlice(talks, v.talkDoc)
	doc.Topics = mapSlice(topics, v.topicDoc)
	doc.Notes = mapSlice(notes, v.noteDoc)
	doc.Reports = mapSlice(reports, v.reportDoc)
	doc.People = v.peopleDocs(talks, topics, notes, reports, opt.IncludePrivate)
	doc.Guide = GuideTools(v.guide(), func(s string) string { return s })
	if opt.IncludePrivate {
		doc.Registrations = registrationDocs(c.Registrations)
	}
	return writeJSON(w, doc)
}

// published is what a public export holds, sorted by id.
func (v *campView) published() ([]schedule.Talk, []schedule.Topic, []schedule.NoteEntry, []schedule.Report) {
	var notes []schedule.NoteEntry
	for _, ns := range v.notesOf {
		notes = append(notes, ns...)
	}
	return sortedByID(v.talks, talkID), sortedByID(v.topics, topicID), sortedByID(notes, noteID), v.reports
}

// everything is what a private export holds: all but hidden text and the
// notes their authors kept private.
func (v *campView) everything() ([]schedule.Talk, []schedule.Topic, []schedule.NoteEntry, []schedule.Report) {
	c := v.camp
	return sortedByID(c.Talks, talkID), sortedByID(c.Topics, topicID),
		sortedByID(filter(c.Notes, func(n schedule.NoteEntry) bool { return !n.Hidden && !n.Private }), noteID),
		sortedByID(filter(c.Reports, func(r schedule.Report) bool { return !r.Hidden }), reportID)
}

// writeJSON writes v indented, with a final newline, keeping <, > and &
// as they are: the files are data, not HTML.
func writeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(v)
}

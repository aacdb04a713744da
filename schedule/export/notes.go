package export

import (
	"fmt"
	"path"
	"strings"

	"github.com/lightningcamp/camp/schedule"
)

// NotesFiles renders notes/talk-ID.md and notes/topic-ID.md: the visible
// notes of each published talk and topic that has any, as plain Markdown
// (no front matter) for people who want the notes without the site.
func NotesFiles(c Camp) ([]File, error) {
	if err := c.check(); err != nil {
		return nil, err
	}
	return newView(c).notesFiles(), nil
}

func (v *campView) notesFiles() []File {
	var files []File
	add := func(target schedule.Target, title, about string) {
		notes := v.notesMarkdown(target)
		if q := v.questionsMarkdown(target.ID); q != "" && target.Kind == "talk" {
			notes = strings.TrimLeft(strings.TrimRight(notes, "\n")+"\n\n## "+questionsHeading+"\n\n"+q, "\n")
		}
		if notes == "" {
			return
		}
		data := fmt.Sprintf("# Notes: %s\n\n%s\n\n%s", mdInline(title), about, notes)
		files = append(files, File{Path: path.Join(notesDir, pageName(target.Kind, target.ID)+".md"), Data: []byte(data)})
	}
	camp := mdInline(v.ev.Name)
	for _, t := range v.talks {
		add(schedule.Target{Kind: "talk", ID: t.ID}, t.Title, v.talkLine(t, mdInline, camp))
	}
	for _, t := range v.topics {
		add(schedule.Target{Kind: "topic", ID: t.ID}, t.Title, v.topicLine(t, mdInline, camp))
	}
	return files
}

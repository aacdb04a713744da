package store

import (
	"context"

	"github.com/lightningcamp/camp/schedule"
)

// SetNotePrivate keeps a note out of the export (private) or lets it be
// published with the talk or topic it is on. Its author decides (an
// organiser may too); the note is still read at the camp either way.
func (c *Camp) SetNotePrivate(ctx context.Context, a schedule.Actor, id int64, private bool) (schedule.NoteEntry, error) {
	var note schedule.NoteEntry
	err := c.write(ctx, a, func(t *tx) error {
		cur, err := c.note(t.ctx, t, id)
		if err != nil {
			return err
		}
		if err := t.authorize(schedule.PermEditOwn, cur.AuthorID); err != nil {
			return err
		}
		if _, err := t.exec(`UPDATE notes SET private = ? WHERE id = ?`, boolInt(private), id); err != nil {
			return err
		}
		return t.finishNote(&note, id, map[bool]string{true: "note_private", false: "note_public"}[private], "")
	})
	return note, err
}

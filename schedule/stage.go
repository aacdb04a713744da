package schedule

import (
	"context"
	"time"
)

// Here is one person in one open-space breakout room: the track (a column
// of the board, held in one Zoom room) for the slot under way. It lasts
// until the slot ends (Until), until they leave, or until their last
// session closes.
type Here struct {
	PersonID int64     `json:"person_id"`
	Name     string    `json:"name"`
	Track    string    `json:"track"`
	Slot     string    `json:"slot"`
	Since    time.Time `json:"since"`
	Until    time.Time `json:"until"`
}

// Presence is who is connected now (people with a terminal session open,
// in any process on the database) and who said which room they are in.
type Presence struct {
	Online []int64 // person IDs, sorted
	Rooms  []Here  // by track, then name
}

// Question is an attendee's question for a live talk. An organiser picks
// one to show the speaker.
type Question struct {
	ID       int64     `json:"id"`
	TalkID   int64     `json:"talk_id"`
	AuthorID int64     `json:"author_id"`
	Author   string    `json:"author"`
	Text     string    `json:"text"`
	Picked   time.Time `json:"picked_at,omitzero"`
	Hidden   bool      `json:"hidden,omitempty"`
	Created  time.Time `json:"created_at"`
}

// SpeakerCue is the organisers' private message to the live speaker.
type SpeakerCue struct {
	ID      int64     `json:"id"`
	TalkID  int64     `json:"talk_id"`
	Text    string    `json:"text"`
	Created time.Time `json:"created_at"`
}

// Stage is what one viewer may see of the live talk's back channel: the
// speaker's latest cue (only the speaker), the question picked for the
// speaker (the speaker and organisers), every question (organisers), and
// the viewer's own wish for a terminal bell with their cues.
type Stage struct {
	TalkID    int64
	Cue       *SpeakerCue
	Picked    *Question
	Questions []Question
	Bell      bool
}

// CueWords are the cues an organiser can send by a short name.
var CueWords = map[string]string{
	"wrap-up": "Please wrap up",
	"mic":     "Check your microphone",
	"time":    "Time is up",
	"slower":  "A little slower, please",
	"louder":  "A little louder, please",
}

// QuestionsPerTalk is how many questions one person may ask of one talk.
const QuestionsPerTalk = 5

// ChangeStage: a cue or a question changed (IDs holds StageBackChannel),
// or a person's bell (IDs holds their person ID). Only the sessions
// concerned read the stage again: organisers and the live speaker for the
// back channel, the person for their bell.
const ChangeStage ChangeKind = "stage"

// StageBackChannel is the ID a ChangeStage carries for the live talk's
// cues and questions.
const StageBackChannel int64 = 0

// StageService holds room presence, speaker cues and audience questions.
type StageService interface {
	// SetRoom says the actor is in track's breakout room for the slot
	// under way; track "" says they left.
	SetRoom(ctx context.Context, a Actor, track string) (Here, error)
	Presence(ctx context.Context) (Presence, error)
	Cue(ctx context.Context, a Actor, text string) (SpeakerCue, error)
	Ask(ctx context.Context, a Actor, text string) (Question, error)
	PickQuestion(ctx context.Context, a Actor, id int64) (Question, error)
	Questions(ctx context.Context, a Actor, talkID int64) ([]Question, error)
	Stage(ctx context.Context, a Actor) (Stage, error)
	SetCueBell(ctx context.Context, a Actor, on bool) error
}

// SlotAt is the open-space slot under way at t, if any.
func (e *Event) SlotAt(t time.Time) (Slot, bool) {
	for _, b := range e.Current(t) {
		for _, s := range b.Slots() {
			if !t.Before(s.Start) && t.Before(s.End) {
				return s, true
			}
		}
	}
	return Slot{}, false
}

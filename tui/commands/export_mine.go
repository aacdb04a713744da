package commands

import (
	"github.com/lightningcamp/camp/schedule"
)

// mineView is `export --mine --json`: everything a person contributed,
// and what others said on their talks and topics, as written.
type mineView struct {
	Person     mineWho          `json:"person"`
	Talks      []talkJSON       `json:"talks"`
	Topics     []topicJSON      `json:"topics"`
	Notes      []targetedNote   `json:"notes"`
	Reports    []targetedReport `json:"reports"`
	SaidOnMine saidOnMine       `json:"said_on_mine"`
}

type mineWho struct {
	ID   int64  `json:"id"`
	Name string `json:"name"`
	TZ   string `json:"tz"`
}

type targetedNote struct {
	Target schedule.Target `json:"target"`
	noteJSON
}

type targetedReport struct {
	Target schedule.Target `json:"target"`
	reportJSON
}

type saidOnMine struct {
	Notes   []targetedNote   `json:"notes"`
	Reports []targetedReport `json:"reports"`
}

// mineJSON gathers a person's export through the same reads as every
// command (hidden notes and reports stay out).
func (c *call) mineJSON() (mineView, error) {
	me, err := c.me()
	if err != nil {
		return mineView{}, err
	}
	v := mineView{Person: mineWho{ID: me.ID, Name: line(me.Name), TZ: me.TZ}, Talks: []talkJSON{}, Topics: []topicJSON{},
		Notes: []targetedNote{}, Reports: []targetedReport{}, SaidOnMine: saidOnMine{Notes: []targetedNote{}, Reports: []targetedReport{}}}
	mine := map[schedule.Target]bool{}
	talks, err := c.backend().VisibleTalks(c.ctx, c.viewer(), schedule.TalkFilter{SpeakerID: me.ID})
	if err != nil {
		return v, err
	}
	for _, t := range talks {
		v.Talks = append(v.Talks, newTalkJSON(t))
		mine[schedule.Target{Kind: "talk", ID: t.ID}] = true
	}
	topics, err := c.backend().VisibleTopics(c.ctx, c.viewer())
	if err != nil {
		return v, err
	}
	for _, t := range topics {
		if t.LeaderID == me.ID {
			v.Topics = append(v.Topics, newTopicJSON(c.event(), t, false))
			mine[schedule.Target{Kind: "topic", ID: t.ID}] = true
		}
	}
	notes, err := c.backend().Notes(c.ctx, schedule.Target{})
	if err != nil {
		return v, err
	}
	for _, n := range notes {
		switch {
		case n.AuthorID == me.ID:
			v.Notes = append(v.Notes, targetedNote{n.Target, newNoteJSON(n)})
		case mine[n.Target] && !n.Private: // its author keeps it out of every export
			v.SaidOnMine.Notes = append(v.SaidOnMine.Notes, targetedNote{n.Target, newNoteJSON(n)})
		}
	}
	reports, err := c.backend().Reports(c.ctx, schedule.Target{})
	if err != nil {
		return v, err
	}
	for _, r := range reports {
		switch {
		case r.AuthorID == me.ID:
			v.Reports = append(v.Reports, targetedReport{r.Target, newReportJSON(r)})
		case mine[r.Target]:
			v.SaidOnMine.Reports = append(v.SaidOnMine.Reports, targetedReport{r.Target, newReportJSON(r)})
		}
	}
	return v, nil
}

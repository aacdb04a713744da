package live

import (
	"slices"

	"github.com/lightningcamp/camp/schedule"
)

// prepareStage cleans the texts of the live talk's back channel.
func prepareStage(st schedule.Stage) schedule.Stage {
	if st.Cue != nil {
		c := *st.Cue
		c.Text = line(c.Text)
		st.Cue = &c
	}
	if st.Picked != nil {
		q := *st.Picked
		q.Author, q.Text = line(q.Author), block(q.Text)
		st.Picked = &q
	}
	st.Questions = slices.Clone(st.Questions)
	for i := range st.Questions {
		st.Questions[i].Author, st.Questions[i].Text = line(st.Questions[i].Author), block(st.Questions[i].Text)
	}
	return st
}

// setStage keeps the new stage, with a new version only if it differs.
func (s *Snapshot) setStage(st schedule.Stage) {
	if s.Loaded[Stage] && sameStage(s.Stage, st) {
		return
	}
	s.Stage, s.versions[Stage] = st, NextVersion()
}

func sameStage(a, b schedule.Stage) bool {
	sameQ := func(x, y schedule.Question) bool {
		return x.ID == y.ID && x.Text == y.Text && x.Picked.Equal(y.Picked) && x.Hidden == y.Hidden
	}
	samePtr := func(x, y *schedule.Question) bool { return (x == nil) == (y == nil) && (x == nil || sameQ(*x, *y)) }
	sameCue := (a.Cue == nil) == (b.Cue == nil) && (a.Cue == nil || *a.Cue == *b.Cue)
	return a.TalkID == b.TalkID && a.Bell == b.Bell && sameCue && samePtr(a.Picked, b.Picked) && slices.EqualFunc(a.Questions, b.Questions, sameQ)
}

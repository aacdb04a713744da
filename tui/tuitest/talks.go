package tuitest

import (
	"cmp"
	"context"
	"slices"
	"strings"
	"time"

	"github.com/lightningcamp/camp/schedule"
)

// ProposeTalk files a proposal at the end of the first talks block the
// speaker can make.
func (f *Fake) ProposeTalk(_ context.Context, a schedule.Actor, p schedule.TalkProposal) (schedule.Talk, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	who, err := f.authorize(a, schedule.PermContribute, 0)
	if err != nil {
		return schedule.Talk{}, err
	}
	if err := f.checkProposal(&p); err != nil {
		return schedule.Talk{}, err
	}
	block := f.firstTalksBlock(p.CanMake)
	t := &schedule.Talk{ID: f.id(), Event: f.ev.Slug, SpeakerID: who.ID, Speaker: who.Name, Status: schedule.TalkProposed,
		Block: block, Position: len(f.queue(block)) + 1, CreatedAt: f.now(), UpdatedAt: f.now()}
	applyProposal(t, p)
	f.talks[t.ID] = t
	f.hub.publish(schedule.ChangeTalks, t.ID)
	return *t, nil
}

func (f *Fake) checkProposal(p *schedule.TalkProposal) error {
	if strings.TrimSpace(p.Title) == "" {
		return schedule.Errorf(schedule.EINVALID, "a talk needs a title")
	}
	if p.Minutes == 0 {
		p.Minutes = int(f.ev.Talks.Length / time.Minute)
	}
	if max := int(f.ev.Talks.MaxLength / time.Minute); p.Minutes < 1 || p.Minutes > max {
		return schedule.Errorf(schedule.EINVALID, "a lightning talk lasts 1 to %d minutes, not %d", max, p.Minutes)
	}
	for _, tool := range p.Tools {
		if !f.ev.HasTool(tool) {
			return schedule.Errorf(schedule.EINVALID, "unknown compiler tool %q", tool)
		}
	}
	return nil
}

func applyProposal(t *schedule.Talk, p schedule.TalkProposal) {
	t.Title, t.Abstract, t.Minutes = strings.TrimSpace(p.Title), p.Abstract, p.Minutes
	t.Links, t.Tools, t.Tags, t.CanMake = p.Links, p.Tools, p.Tags, p.CanMake
}

func (f *Fake) firstTalksBlock(canMake []string) string {
	for _, b := range f.ev.Blocks {
		if b.Kind == schedule.KindTalks && (len(canMake) == 0 || slices.Contains(canMake, b.ID)) {
			return b.ID
		}
	}
	return ""
}

// queue is the talks of a block in position order.
func (f *Fake) queue(block string) []*schedule.Talk {
	var q []*schedule.Talk
	for _, t := range f.talks {
		if t.Block == block && t.Event == f.ev.Slug {
			q = append(q, t)
		}
	}
	slices.SortFunc(q, func(a, b *schedule.Talk) int {
		return cmp.Or(cmp.Compare(a.Position, b.Position), cmp.Compare(a.ID, b.ID))
	})
	return q
}

func renumber(q []*schedule.Talk) {
	for i, t := range q {
		t.Position = i + 1
	}
}

// EditTalk changes a proposal; speakers may edit their own.
func (f *Fake) EditTalk(_ context.Context, a schedule.Actor, id int64, p schedule.TalkProposal) (schedule.Talk, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	t, ok := f.talks[id]
	if !ok {
		return schedule.Talk{}, notFound("talk", id)
	}
	if _, err := f.authorize(a, schedule.PermEditOwn, t.SpeakerID); err != nil {
		return schedule.Talk{}, err
	}
	if err := f.checkProposal(&p); err != nil {
		return schedule.Talk{}, err
	}
	applyProposal(t, p)
	t.UpdatedAt = f.now()
	f.hub.publish(schedule.ChangeTalks, id)
	return *t, nil
}

// ActOnTalk takes a step of the talk state machine; start and finish also
// start and stop the talk's timer.
func (f *Fake) ActOnTalk(_ context.Context, a schedule.Actor, id int64, act schedule.TalkAction) (schedule.Talk, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	t, ok := f.talks[id]
	if !ok {
		return schedule.Talk{}, notFound("talk", id)
	}
	perm, owner := schedule.PermOrganise, int64(0)
	if act == schedule.ActWithdraw {
		perm, owner = schedule.PermEditOwn, t.SpeakerID
	}
	if _, err := f.authorize(a, perm, owner); err != nil {
		return schedule.Talk{}, err
	}
	next, err := schedule.NextTalkStatus(t.Status, act)
	if err != nil {
		return *t, err
	}
	ref := schedule.Target{Kind: "talk", ID: id}.String()
	switch act {
	case schedule.ActStart:
		t.StartedAt = f.now()
		f.startTimer(schedule.TimerSpec{Kind: schedule.TimerTalk, Label: t.Title, Ref: ref, Duration: time.Duration(t.Minutes) * time.Minute})
	case schedule.ActFinish, schedule.ActSkip:
		if t.Status == schedule.TalkLive {
			t.FinishedAt = f.now()
			f.stopTimersFor(ref)
		}
	}
	t.Status, t.UpdatedAt = next, f.now()
	f.hub.publish(schedule.ChangeTalks, id)
	return *t, nil
}

// MoveTalk puts a talk at position of its block's queue.
func (f *Fake) MoveTalk(_ context.Context, a schedule.Actor, id int64, position int) (schedule.Talk, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	t, err := f.organisersTalk(a, id)
	if err != nil {
		return schedule.Talk{}, err
	}
	q := slices.DeleteFunc(f.queue(t.Block), func(x *schedule.Talk) bool { return x.ID == id })
	position = min(max(position, 1), len(q)+1)
	q = slices.Insert(q, position-1, t)
	renumber(q)
	f.hub.publish(schedule.ChangeTalks, id)
	return *t, nil
}

// RescheduleTalk moves a talk to the end of another talks block's queue.
func (f *Fake) RescheduleTalk(_ context.Context, a schedule.Actor, id int64, block string) (schedule.Talk, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	t, err := f.organisersTalk(a, id)
	if err != nil {
		return schedule.Talk{}, err
	}
	if b, ok := f.ev.Block(block); !ok || b.Kind != schedule.KindTalks {
		return *t, schedule.Errorf(schedule.EINVALID, "%q is not a talks block", block)
	}
	old := t.Block
	t.Block, t.Position = block, len(f.queue(block))+1
	renumber(f.queue(old))
	f.hub.publish(schedule.ChangeTalks, id)
	return *t, nil
}

// MoveTalkToEvent hands a talk on to another camp; it leaves this one.
func (f *Fake) MoveTalkToEvent(_ context.Context, a schedule.Actor, id int64, slug string) (schedule.Talk, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	t, err := f.organisersTalk(a, id)
	if err != nil {
		return schedule.Talk{}, err
	}
	old := t.Block
	t.Event, t.Block, t.Position = slug, "", 0
	renumber(f.queue(old))
	f.hub.publish(schedule.ChangeTalks, id)
	return *t, nil
}

// Talks lists this camp's talks that pass the filter, in queue order.
func (f *Fake) Talks(_ context.Context, flt schedule.TalkFilter) ([]schedule.Talk, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	return sorted(f.talks, func(t schedule.Talk) bool {
		return t.Event == f.ev.Slug && (flt.Block == "" || t.Block == flt.Block) &&
			(flt.SpeakerID == 0 || t.SpeakerID == flt.SpeakerID) && (len(flt.Status) == 0 || slices.Contains(flt.Status, t.Status))
	}, func(a, b schedule.Talk) int {
		return cmp.Or(strings.Compare(a.Block, b.Block), cmp.Compare(a.Position, b.Position), cmp.Compare(a.ID, b.ID))
	}), nil
}

// organisersTalk is a talk an organiser is about to change; f.mu is held.
func (f *Fake) organisersTalk(a schedule.Actor, id int64) (*schedule.Talk, error) {
	if _, err := f.authorize(a, schedule.PermOrganise, 0); err != nil {
		return nil, err
	}
	t, ok := f.talks[id]
	if !ok {
		return nil, notFound("talk", id)
	}
	return t, nil
}

package tuitest

import (
	"cmp"
	"context"
	"slices"
	"strings"

	"github.com/lightningcamp/camp/schedule"
)

// ProposeTopic files an open-space topic led by the actor.
func (f *Fake) ProposeTopic(_ context.Context, a schedule.Actor, p schedule.TopicProposal) (schedule.Topic, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	who, err := f.authorize(a, schedule.PermContribute, 0)
	if err != nil {
		return schedule.Topic{}, err
	}
	if strings.TrimSpace(p.Title) == "" {
		return schedule.Topic{}, schedule.Errorf(schedule.EINVALID, "a topic needs a title")
	}
	t := &schedule.Topic{ID: f.id(), Event: f.ev.Slug, LeaderID: who.ID, Leader: who.Name, Title: strings.TrimSpace(p.Title),
		Description: p.Description, Tags: p.Tags, Status: schedule.TopicOpen, CreatedAt: f.now(), UpdatedAt: f.now()}
	f.topics[t.ID] = t
	f.hub.publish(schedule.ChangeTopics, t.ID)
	return *t, nil
}

// Vote spends or takes back the actor's dot on a topic, within the event's
// dots per person.
func (f *Fake) Vote(_ context.Context, a schedule.Actor, id int64, on bool) (schedule.Topic, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if _, err := f.authorize(a, schedule.PermContribute, 0); err != nil {
		return schedule.Topic{}, err
	}
	t, ok := f.topics[id]
	if !ok {
		return schedule.Topic{}, notFound("topic", id)
	}
	mine := f.votes[a.PersonID]
	if mine == nil {
		mine = map[int64]bool{}
		f.votes[a.PersonID] = mine
	}
	switch {
	case on == mine[id]:
		return *t, nil
	case on && len(mine) >= f.ev.OpenSpace.DotsPerPerson:
		return *t, schedule.Errorf(schedule.ECONFLICT, "you have spent all %d dots: take one back first", f.ev.OpenSpace.DotsPerPerson)
	case on:
		mine[id] = true
		t.Votes++
	default:
		delete(mine, id)
		t.Votes--
	}
	f.hub.publish(schedule.ChangeTopics, id)
	return *t, nil
}

// PlaceTopic puts a topic into a board cell if the board rules allow it.
func (f *Fake) PlaceTopic(_ context.Context, a schedule.Actor, id int64, track, slot string) (schedule.Topic, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if _, err := f.authorize(a, schedule.PermOrganise, 0); err != nil {
		return schedule.Topic{}, err
	}
	t, ok := f.topics[id]
	if !ok {
		return schedule.Topic{}, notFound("topic", id)
	}
	if err := f.ev.CheckPlacement(*t, track, slot, f.topicList()); err != nil {
		return *t, err
	}
	t.Status, t.Track, t.Slot, t.UpdatedAt = schedule.TopicPlaced, track, slot, f.now()
	f.hub.publish(schedule.ChangeTopics, id)
	return *t, nil
}

// UnplaceTopic takes a topic off the board.
func (f *Fake) UnplaceTopic(_ context.Context, a schedule.Actor, id int64) (schedule.Topic, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if _, err := f.authorize(a, schedule.PermOrganise, 0); err != nil {
		return schedule.Topic{}, err
	}
	t, ok := f.topics[id]
	if !ok {
		return schedule.Topic{}, notFound("topic", id)
	}
	if t.Status != schedule.TopicPlaced {
		return *t, schedule.Errorf(schedule.ECONFLICT, "topic %d is not on the board", id)
	}
	t.Status, t.Track, t.Slot, t.UpdatedAt = schedule.TopicOpen, "", "", f.now()
	f.hub.publish(schedule.ChangeTopics, id)
	return *t, nil
}

func (f *Fake) topicList() []schedule.Topic {
	return sorted(f.topics, func(schedule.Topic) bool { return true },
		func(a, b schedule.Topic) int { return cmp.Compare(a.ID, b.ID) })
}

// Topics lists every topic, oldest first.
func (f *Fake) Topics(context.Context) ([]schedule.Topic, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.topicList(), nil
}

// VotesOf lists the topics a person has put a dot on.
func (f *Fake) VotesOf(_ context.Context, personID int64) ([]int64, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	var ids []int64
	for id := range f.votes[personID] {
		ids = append(ids, id)
	}
	slices.Sort(ids)
	return ids, nil
}

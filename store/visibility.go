package store

import (
	"context"
	"slices"

	"github.com/lightningcamp/camp/schedule"
)

// Reads on someone's behalf (schedule.ViewerOf(actor)). Each applies schedule.Viewer, the one rule of
// who sees which talk, topic, note and report, so that no command can list
// what another hides: something the viewer may not see is "not found",
// exactly as if it did not exist.

// VisibleTalks lists the talks v sees that match f, in schedule order.
func (c *Camp) VisibleTalks(ctx context.Context, v schedule.Viewer, f schedule.TalkFilter) ([]schedule.Talk, error) {
	talks, err := c.Talks(ctx, f)
	return slices.DeleteFunc(talks, func(t schedule.Talk) bool { return !v.SeesTalk(t) }), err
}

// VisibleTalk is one talk v sees.
func (c *Camp) VisibleTalk(ctx context.Context, v schedule.Viewer, id int64) (schedule.Talk, error) {
	t, err := c.Talk(ctx, id)
	if err == nil && !v.SeesTalk(t) {
		return schedule.Talk{}, notFound("talk", id)
	}
	return t, err
}

// VisibleTopics lists the topics v sees, oldest first.
func (c *Camp) VisibleTopics(ctx context.Context, v schedule.Viewer) ([]schedule.Topic, error) {
	topics, err := c.Topics(ctx)
	return slices.DeleteFunc(topics, func(t schedule.Topic) bool { return !v.SeesTopic(t) }), err
}

// VisibleTopic is one topic v sees.
func (c *Camp) VisibleTopic(ctx context.Context, v schedule.Viewer, id int64) (schedule.Topic, error) {
	t, err := c.Topic(ctx, id)
	if err == nil && !v.SeesTopic(t) {
		return schedule.Topic{}, notFound("topic", id)
	}
	return t, err
}

// VisibleNotes lists the notes v sees on target, which v must see too.
func (c *Camp) VisibleNotes(ctx context.Context, v schedule.Viewer, target schedule.Target) ([]schedule.NoteEntry, error) {
	if err := c.seesTarget(ctx, v, target); err != nil {
		return nil, err
	}
	notes, err := c.Notes(ctx, target)
	return slices.DeleteFunc(notes, func(n schedule.NoteEntry) bool { return !v.SeesNote(n) }), err
}

// VisibleReports lists the experience reports v sees on target.
func (c *Camp) VisibleReports(ctx context.Context, v schedule.Viewer, target schedule.Target) ([]schedule.Report, error) {
	if err := c.seesTarget(ctx, v, target); err != nil {
		return nil, err
	}
	reports, err := c.Reports(ctx, target)
	return slices.DeleteFunc(reports, func(r schedule.Report) bool { return !v.SeesReport(r) }), err
}

// seesTarget says "not found" for a talk or topic v does not see.
func (c *Camp) seesTarget(ctx context.Context, v schedule.Viewer, target schedule.Target) error {
	var err error
	switch target.Kind {
	case "talk":
		_, err = c.VisibleTalk(ctx, v, target.ID)
	case "topic":
		_, err = c.VisibleTopic(ctx, v, target.ID)
	default:
		err = schedule.Errorf(schedule.EINVALID, "notes belong to a talk or a topic, not %q", target.Kind)
	}
	return err
}

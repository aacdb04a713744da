// Package tuitest holds small doubles for TUI tests, which run against a
// real SQLite camp (store/storetest). A double wraps a real service and
// lets a test replace one read with a function: to inject a failure, or
// rows the store would never hold (hostile text written around it, a
// crowd of talks for a benchmark). No rule of the camp is implemented here.
package tuitest

import (
	"context"

	"github.com/lightningcamp/camp/schedule"
	"github.com/lightningcamp/camp/tui"
)

type (
	talksService  = tui.Talks
	topicsService = tui.Topics
	peopleService = tui.People
)

// Talks is a tui.Talks whose reads of the talks go to Read.
type Talks struct {
	talksService
	Read func(ctx context.Context, f schedule.TalkFilter) ([]schedule.Talk, error)
}

// WithTalks wraps real, its reads of the talks answered by read.
func WithTalks(real tui.Talks, read func(context.Context, schedule.TalkFilter) ([]schedule.Talk, error)) *Talks {
	return &Talks{talksService: real, Read: read}
}

// Talks answers with Read.
func (t *Talks) Talks(ctx context.Context, f schedule.TalkFilter) ([]schedule.Talk, error) {
	return t.Read(ctx, f)
}

// Topics is a tui.Topics whose reads of the topics go to Read.
type Topics struct {
	topicsService
	Read func(ctx context.Context) ([]schedule.Topic, error)
}

// WithTopics wraps real, its reads of the topics answered by read.
func WithTopics(real tui.Topics, read func(context.Context) ([]schedule.Topic, error)) *Topics {
	return &Topics{topicsService: real, Read: read}
}

// Topics answers with Read.
func (t *Topics) Topics(ctx context.Context) ([]schedule.Topic, error) { return t.Read(ctx) }

// People is a tui.People whose reads of the people go to Read.
type People struct {
	peopleService
	Read func(ctx context.Context) ([]schedule.Person, error)
}

// WithPeople wraps real, its reads of the people answered by read.
func WithPeople(real tui.People, read func(context.Context) ([]schedule.Person, error)) *People {
	return &People{peopleService: real, Read: read}
}

// People answers with Read.
func (p *People) People(ctx context.Context) ([]schedule.Person, error) { return p.Read(ctx) }

// Online is who is online: a fixed set, as the server's session registry
// would report it.
type Online []int64

// Presence returns the set, with nobody in a breakout room.
func (o Online) Presence(context.Context) (schedule.Presence, error) {
	return schedule.Presence{Online: o}, nil
}

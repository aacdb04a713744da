package sshapp

import (
	"context"
	"sync"
	"time"

	"golang.org/x/time/rate"

	"github.com/lightningcamp/camp/schedule"
	"github.com/lightningcamp/camp/tui/commands"
)

// writeLimiter gives every person (every key) a token bucket for writes.
// It is per key, never per address: many attendees share one address
// behind a company or university NAT. Organisers are never limited.
type writeLimiter struct {
	mu      sync.Mutex
	burst   int
	every   time.Duration
	buckets map[int64]*rate.Limiter
}

func newWriteLimiter(burst int, every time.Duration) *writeLimiter {
	if burst <= 0 {
		burst = 3
	}
	if every <= 0 {
		every = time.Second
	}
	return &writeLimiter{burst: burst, every: every, buckets: map[int64]*rate.Limiter{}}
}

// allow takes a token for a's write or says to slow down.
func (l *writeLimiter) allow(a schedule.Actor) error {
	if a.Role == schedule.RoleOrganiser || a.PersonID == 0 {
		return nil // organisers are never slowed; guests are refused by the domain
	}
	l.mu.Lock()
	b, ok := l.buckets[a.PersonID]
	if !ok {
		b = rate.NewLimiter(rate.Every(l.every), l.burst)
		l.buckets[a.PersonID] = b
	}
	l.mu.Unlock()
	if !b.Allow() {
		return schedule.Errorf(schedule.ERATELIMIT, "slow down: at most %d changes at once, then one every %s", l.burst, l.every)
	}
	return nil
}

// limitedBackend takes a token before each write an attendee can make.
// Reads and organiser-only writes pass straight through.
type limitedBackend struct {
	commands.Backend
	limiter *writeLimiter
}

func (b *limitedBackend) Join(ctx context.Context, a schedule.Actor, j schedule.JoinRequest) (schedule.Person, error) {
	if err := b.limiter.allow(a); err != nil {
		return schedule.Person{}, err
	}
	return b.Backend.Join(ctx, a, j)
}

func (b *limitedBackend) Rename(ctx context.Context, a schedule.Actor, name string) (schedule.Person, error) {
	if err := b.limiter.allow(a); err != nil {
		return schedule.Person{}, err
	}
	return b.Backend.Rename(ctx, a, name)
}

func (b *limitedBackend) SetZone(ctx context.Context, a schedule.Actor, tz string) (schedule.Person, error) {
	if err := b.limiter.allow(a); err != nil {
		return schedule.Person{}, err
	}
	return b.Backend.SetZone(ctx, a, tz)
}

func (b *limitedBackend) ProposeTalk(ctx context.Context, a schedule.Actor, p schedule.TalkProposal) (schedule.Talk, error) {
	if err := b.limiter.allow(a); err != nil {
		return schedule.Talk{}, err
	}
	return b.Backend.ProposeTalk(ctx, a, p)
}

func (b *limitedBackend) EditTalk(ctx context.Context, a schedule.Actor, id int64, p schedule.TalkProposal) (schedule.Talk, error) {
	if err := b.limiter.allow(a); err != nil {
		return schedule.Talk{}, err
	}
	return b.Backend.EditTalk(ctx, a, id, p)
}

func (b *limitedBackend) ActOnTalk(ctx context.Context, a schedule.Actor, id int64, act schedule.TalkAction) (schedule.Talk, error) {
	if err := b.limiter.allow(a); err != nil {
		return schedule.Talk{}, err
	}
	return b.Backend.ActOnTalk(ctx, a, id, act)
}

func (b *limitedBackend) ProposeTopic(ctx context.Context, a schedule.Actor, p schedule.TopicProposal) (schedule.Topic, error) {
	if err := b.limiter.allow(a); err != nil {
		return schedule.Topic{}, err
	}
	return b.Backend.ProposeTopic(ctx, a, p)
}

func (b *limitedBackend) EditTopic(ctx context.Context, a schedule.Actor, id int64, p schedule.TopicProposal) (schedule.Topic, error) {
	if err := b.limiter.allow(a); err != nil {
		return schedule.Topic{}, err
	}
	return b.Backend.EditTopic(ctx, a, id, p)
}

func (b *limitedBackend) WithdrawTopic(ctx context.Context, a schedule.Actor, id int64) (schedule.Topic, error) {
	if err := b.limiter.allow(a); err != nil {
		return schedule.Topic{}, err
	}
	return b.Backend.WithdrawTopic(ctx, a, id)
}

func (b *limitedBackend) Vote(ctx context.Context, a schedule.Actor, id int64, on bool) (schedule.Topic, error) {
	if err := b.limiter.allow(a); err != nil {
		return schedule.Topic{}, err
	}
	return b.Backend.Vote(ctx, a, id, on)
}

func (b *limitedBackend) AddNote(ctx context.Context, a schedule.Actor, t schedule.Target, text string) (schedule.NoteEntry, error) {
	if err := b.limiter.allow(a); err != nil {
		return schedule.NoteEntry{}, err
	}
	return b.Backend.AddNote(ctx, a, t, text)
}

func (b *limitedBackend) EditNote(ctx context.Context, a schedule.Actor, id int64, base int, text string) (schedule.NoteEntry, error) {
	if err := b.limiter.allow(a); err != nil {
		return schedule.NoteEntry{}, err
	}
	return b.Backend.EditNote(ctx, a, id, base, text)
}

func (b *limitedBackend) AddReport(ctx context.Context, a schedule.Actor, t schedule.Target, r schedule.ReportInput) (schedule.Report, error) {
	if err := b.limiter.allow(a); err != nil {
		return schedule.Report{}, err
	}
	return b.Backend.AddReport(ctx, a, t, r)
}

func (b *limitedBackend) RequestLink(ctx context.Context, a schedule.Actor, email string) (string, error) {
	if err := b.limiter.allow(a); err != nil {
		return "", err
	}
	return b.Backend.RequestLink(ctx, a, email)
}

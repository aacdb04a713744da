package sshapp

import (
	"context"
	"time"
)

// SessionBook records terminal sessions where every process on the
// database sees them (store.Sessions): who is online comes from there, not
// from this server's registry, so a console and a separate `camp serve`
// agree. Command sessions are not recorded: they are not online.
type SessionBook interface {
	Open(ctx context.Context, personID int64) (string, error)
	Identify(ctx context.Context, id string, personID int64) error
	Close(ctx context.Context, id string) error
}

// booked is one terminal session's entry in the SessionBook.
type booked struct {
	s  *Server
	id string
}

// book records a terminal session; nil when the server keeps no book or
// the write failed (the session goes on: being shown online is not worth
// refusing someone).
func (s *Server) book(ctx context.Context, personID int64) *booked {
	if s.cfg.Sessions == nil {
		return nil
	}
	id, err := s.cfg.Sessions.Open(ctx, personID)
	if err != nil {
		s.cfg.Logger.Warn("cannot record a session", "error", err.Error())
		return nil
	}
	return &booked{s: s, id: id}
}

// identify names the person of a session that joined in the welcome.
func (b *booked) identify(ctx context.Context, personID int64) {
	if b == nil {
		return
	}
	if err := b.s.cfg.Sessions.Identify(ctx, b.id, personID); err != nil {
		b.s.cfg.Logger.Warn("cannot record a session", "error", err.Error())
	}
}

// close ends the entry, even when the session's own context is done.
func (b *booked) close() {
	if b == nil {
		return
	}
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	if err := b.s.cfg.Sessions.Close(ctx, b.id); err != nil {
		b.s.cfg.Logger.Warn("cannot record the end of a session", "error", err.Error())
	}
}

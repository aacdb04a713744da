package sshapp

import (
	"context"
	"time"
)

// SessionBook records terminal sessions where every process on the
// database sees them (store.Sessions): who is online comes from there, not
// from this server's registry, so a console and a separate `camp serve`
// agree. Command sessions are not recorded: they are not online. Nor is a
// session before its key has joined (nothing is stored for a key until
// then) or a guest's: neither is anybody to show.
type SessionBook interface {
	Open(ctx context.Context, personID int64) (string, error)
	Close(ctx context.Context, id string) error
}

// booked is one terminal session's entry in the SessionBook, made once the
// session has a person.
type booked struct {
	s  *Server
	id string // "" until recorded
}

func (s *Server) book(ctx context.Context, personID int64) *booked {
	b := &booked{s: s}
	b.joined(ctx, personID)
	return b
}

// joined records the session of a person: at once for a key that had
// joined before, or when a new key joins in the welcome. The session goes
// on if the write fails: being shown online is not worth refusing someone.
func (b *booked) joined(ctx context.Context, personID int64) {
	if b.id != "" || personID == 0 || b.s.cfg.Sessions == nil {
		return
	}
	id, err := b.s.cfg.Sessions.Open(ctx, personID)
	if err != nil {
		b.s.cfg.Logger.Warn("cannot record a session", "error", err.Error())
		return
	}
	b.id = id
}

// close ends the entry, even when the session's own context is done.
func (b *booked) close() {
	if b.id == "" {
		return
	}
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	if err := b.s.cfg.Sessions.Close(ctx, b.id); err != nil {
		b.s.cfg.Logger.Warn("cannot record the end of a session", "error", err.Error())
	}
}

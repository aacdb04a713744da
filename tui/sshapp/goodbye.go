package sshapp

import (
	"context"
	"sync"
	"time"
)

// Stopping the server politely: every terminal session gets its terminal
// back (the alternate screen off, the cursor shown) and a short goodbye
// line, instead of a frozen last frame, before the server closes.

// GoodbyeLine is what attendees read when the organiser stops the server.
const GoodbyeLine = "camp: the organiser has stopped the camp's server. Thank you for coming, goodbye!"

// stopSignal is closed when the server stops; terminal sessions watch it.
type stopSignal struct {
	made, closed sync.Once
	ch           chan struct{}
}

func (s *stopSignal) channel() chan struct{} {
	s.made.Do(func() { s.ch = make(chan struct{}) })
	return s.ch
}

func (s *stopSignal) stop() {
	ch := s.channel()
	s.closed.Do(func() { close(ch) })
}

func (s *stopSignal) stopped() bool {
	select {
	case <-s.channel():
		return true
	default:
		return false
	}
}

// Goodbye stops the server: it tells every terminal session goodbye with
// its terminal restored, waits (until ctx is done) for them to have said
// it, then closes the server and every connection.
func (s *Server) Goodbye(ctx context.Context) error {
	s.stopping.stop()
	tick := time.NewTicker(10 * time.Millisecond)
	defer tick.Stop()
	for s.tuis.count() > 0 {
		select {
		case <-ctx.Done():
			return s.ssh.Close()
		case <-tick.C:
		}
	}
	return s.ssh.Close()
}

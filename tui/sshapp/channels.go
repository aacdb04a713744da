package sshapp

import (
	"fmt"
	"net"
	"sync/atomic"
	"time"

	"charm.land/ssh"
	gossh "golang.org/x/crypto/ssh"
	"golang.org/x/time/rate"
)

// The SSH library accepts every session channel a client opens and acts
// on every request sent on it: it keeps each `env` request until the
// session ends and hands every `window-change` on to be drawn. Here, what a
// connection asks for passes ConnLimits first: channels are counted per
// connection and must start in time, and each channel's requests are
// filtered before the library sees them.

// connState is what the server counts for one connection.
type connState struct {
	channels atomic.Int32 // open channels
}

type connStateKey struct{}

// trackConn gives every connection its state, before the handshake.
func trackConn(ctx ssh.Context, conn net.Conn) net.Conn {
	ctx.SetValue(connStateKey{}, &connState{})
	return conn
}

// connOf is the state of the connection ctx belongs to.
func connOf(ctx ssh.Context) *connState {
	if c, ok := ctx.Value(connStateKey{}).(*connState); ok {
		return c
	}
	return &connState{} // not tracked (no ConnCallback): counts for nothing
}

// sessionChannel opens a session channel if the connection has room for
// it, and filters its requests for as long as it is open.
func (s *Server) sessionChannel(srv *ssh.Server, conn *gossh.ServerConn, newChan gossh.NewChannel, ctx ssh.Context) {
	c := connOf(ctx)
	if n := c.channels.Add(1); int(n) > s.cfg.Conn.ChannelsPerConnection {
		c.channels.Add(-1)
		_ = newChan.Reject(gossh.ResourceShortage, fmt.Sprintf("at most %d channels on one connection: close one first", s.cfg.Conn.ChannelsPerConnection))
		return
	}
	defer c.channels.Add(-1)
	ssh.DefaultSessionHandler(srv, conn, filteredChannel{NewChannel: newChan, limits: s.cfg.Conn}, ctx)
}

// filteredChannel is a new channel whose requests pass a requestFilter.
type filteredChannel struct {
	gossh.NewChannel
	limits ConnLimits
}

func (f filteredChannel) Accept() (gossh.Channel, <-chan *gossh.Request, error) {
	ch, in, err := f.NewChannel.Accept()
	if err != nil {
		return ch, in, err
	}
	out := make(chan *gossh.Request)
	rf := &requestFilter{limits: f.limits, ch: ch, out: out,
		resizes: rate.NewLimiter(rate.Every(f.limits.WindowChangeEvery), f.limits.WindowChangeBurst)}
	go rf.run(in)
	return ch, out, nil
}

// requestFilter stands between one channel's requests and the library.
type requestFilter struct {
	limits ConnLimits
	ch     gossh.Channel
	out    chan<- *gossh.Request

	envVars, envBytes int
	started           bool

	resizes      *rate.Limiter
	resizeTimer  *time.Timer
	resizeWaits  bool   // a resize is waiting for its turn
	resizeLatest []byte // the size it will apply: the last one asked for
}

// run passes requests on until the channel closes, and closes a channel
// that has not started a session within the start timeout.
func (f *requestFilter) run(in <-chan *gossh.Request) {
	defer close(f.out)
	start := time.NewTimer(f.limits.ChannelStartTimeout)
	defer start.Stop()
	f.resizeTimer = time.NewTimer(time.Hour)
	f.resizeTimer.Stop()
	defer f.resizeTimer.Stop()
	for {
		select {
		case req, ok := <-in:
			if !ok {
				return
			}
			f.handle(req, start)
		case <-start.C:
			if !f.started {
				_ = f.ch.Close()
			}
		case <-f.resizeTimer.C:
			f.resizeWaits = false
			f.out <- &gossh.Request{Type: "window-change", Payload: f.resizeLatest}
		}
	}
}

func (f *requestFilter) handle(req *gossh.Request, start *time.Timer) {
	switch req.Type {
	case "env":
		if !f.keepEnv(req.Payload) {
			_ = req.Reply(false, nil)
			return
		}
	case "shell", "exec":
		f.started = true
		start.Stop()
	case "window-change":
		f.paceResize(req)
		return
	}
	f.out <- req
}

// keepEnv counts an `env` request against the caps; false refuses it.
func (f *requestFilter) keepEnv(payload []byte) bool {
	var kv struct{ Key, Value string }
	if gossh.Unmarshal(payload, &kv) != nil {
		return false
	}
	size := len(kv.Key) + len(kv.Value)
	if f.envVars+1 > f.limits.EnvVars || f.envBytes+size > f.limits.EnvBytes {
		return false
	}
	f.envVars++
	f.envBytes += size
	return true
}

// paceResize applies a resize now if the session has a token for it, and
// otherwise keeps it to apply when the next token comes, replacing any
// resize already waiting: the last size asked for is the one drawn.
func (f *requestFilter) paceResize(req *gossh.Request) {
	_ = req.Reply(true, nil) // nothing to wait for: the size is applied or merged
	f.resizeLatest = req.Payload
	if f.resizeWaits {
		return
	}
	if wait := f.resizes.Reserve().Delay(); wait > 0 {
		f.resizeWaits = true
		f.resizeTimer.Reset(wait)
		return
	}
	f.out <- &gossh.Request{Type: req.Type, Payload: req.Payload}
}

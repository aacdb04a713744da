package sshapp

import (
	"context"

	"charm.land/ssh"
	gossh "golang.org/x/crypto/ssh"

	"github.com/lightningcamp/camp/schedule"
	"github.com/lightningcamp/camp/schedule/sanitize"
)

// Every key may connect: a key the camp has not seen is a new attendee. What
// a key may do is decided after the handshake, from the key it proved.
func acceptAnyKey(ssh.Context, ssh.PublicKey) bool { return true }

// A client without a key may look, as a read-only guest.
func acceptGuest(ssh.Context, gossh.KeyboardInteractiveChallenge) bool { return true }

// identity is who a session is.
type identity struct {
	fingerprint string // "" for a guest
	person      schedule.Person
	actor       schedule.Actor
	user        string // the SSH user name: only ever text, cleaned for logs
	client      string // the client's version string, cleaned for logs
}

// identify reads the session's identity from the key that authenticated it.
// ssh.Session.PublicKey comes from the permissions of the successful auth
// attempt, never from a key merely offered during authentication (the
// mistake behind soft-serve's GHSA-pchf-49fh-w34r), and never from the user
// name, which anyone can set to anything.
func (s *Server) identify(ctx context.Context, sess ssh.Session) (identity, error) {
	id := identity{
		user:   sanitize.Line(sess.User(), 64),
		client: sanitize.Line(string(sess.Context().ClientVersion()), 64),
		actor:  schedule.Guest,
	}
	key := sess.PublicKey()
	if key == nil {
		return id, nil
	}
	id.fingerprint = gossh.FingerprintSHA256(key)
	p, err := s.cfg.Backend.Login(ctx, id.fingerprint, s.cfg.Organisers[id.fingerprint])
	if err != nil {
		return id, err
	}
	if p.Banned {
		return id, schedule.Errorf(schedule.EFORBIDDEN, "you have been removed from this camp by the organisers")
	}
	id.person = p
	id.actor = p.Actor()
	return id, nil
}

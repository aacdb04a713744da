package sshapp

import (
	"context"
	"errors"

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

// GuestUser is the user name that asks for a read-only guest without any
// authentication (the SSH "none" method): `ssh -o BatchMode=yes
// guest@HOST talks`. BatchMode turns keyboard-interactive off, so a script
// without a key had no way in. OpenSSH tries "none" first, so it is
// accepted only for this name: anyone else goes on to show their key.
// Nothing is gained by it: a guest is what any client may be.
const GuestUser = "guest"

// guestWithoutAuth lets GuestUser in with the "none" method. The
// permissions it grants are empty and fresh, so no key offered earlier on
// the connection can stick to the session (ssh.Session.PublicKey reads the
// permissions of the attempt that succeeded).
func guestWithoutAuth(ctx ssh.Context) *gossh.ServerConfig {
	return &gossh.ServerConfig{
		NoClientAuth: true,
		NoClientAuthCallback: func(conn gossh.ConnMetadata) (*gossh.Permissions, error) {
			if conn.User() != GuestUser {
				return nil, errors.New("no authentication offered")
			}
			fresh := &gossh.Permissions{}
			ctx.Permissions().Permissions = fresh
			return fresh, nil
		},
	}
}

// identity is who a session is.
type identity struct {
	fingerprint string // "" for a guest
	organiser   bool   // the key is one of the organisers' (Config.Organisers)
	person      schedule.Person
	actor       schedule.Actor
	user        string // the SSH user name: only ever text, cleaned for logs
	client      string // the client's version string, cleaned for logs
}

// claim is who a session says it is, from the key that authenticated it,
// without the database: enough to apply the session caps before Login
// writes anything. ssh.Session.PublicKey comes from the permissions of the
// successful auth attempt, never from a key merely offered during
// authentication (the mistake behind soft-serve's GHSA-pchf-49fh-w34r),
// and never from the user name, which anyone can set to anything.
func (s *Server) claim(sess ssh.Session) identity {
	id := identity{
		user:   sanitize.Line(sess.User(), 64),
		client: sanitize.Line(string(sess.Context().ClientVersion()), 64),
		actor:  schedule.Guest,
	}
	if key := sess.PublicKey(); key != nil {
		id.fingerprint = gossh.FingerprintSHA256(key)
		id.organiser = s.cfg.Organisers[id.fingerprint]
	}
	return id
}

// identify completes a claimed identity from the database (Login records
// the key's visit), once the session has been admitted.
func (s *Server) identify(ctx context.Context, id identity) (identity, error) {
	if id.fingerprint == "" {
		return id, nil
	}
	p, err := s.cfg.Backend.Login(ctx, id.fingerprint, id.organiser)
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

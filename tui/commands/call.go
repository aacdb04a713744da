package commands

import (
	"context"
	"errors"
	"time"

	"github.com/spf13/cobra"

	"github.com/lightningcamp/camp/schedule"
)

// call is one command being run: a private copy of the Env with the time
// read once (so one output never mixes two instants), the context, the
// command and its arguments.
type call struct {
	env    Env
	ctx    context.Context
	cmd    *cobra.Command
	args   []string
	prefix string // how the caller runs commands, for hints: "ssh -p 2222 HOST"
}

func newCall(cmd *cobra.Command, args []string, env *Env, prefix string) (*call, error) {
	if env == nil || env.Backend == nil {
		return nil, errors.New("no camp is open")
	}
	c := &call{env: *env, ctx: cmd.Context(), cmd: cmd, args: args, prefix: prefix}
	if c.env.Clock == nil {
		c.env.Clock = schedule.SystemClock{}
	}
	if c.env.now.IsZero() {
		c.env.now = c.env.Clock.Now().UTC()
	}
	if c.ctx == nil {
		c.ctx = context.Background()
	}
	return c, nil
}

func (c *call) backend() Backend         { return c.env.Backend }
func (c *call) actor() schedule.Actor    { return c.env.Actor }
func (c *call) event() *schedule.Event   { return c.env.Backend.Event() }
func (c *call) now() time.Time           { return c.env.now }
func (c *call) viewer() schedule.Viewer  { return schedule.ViewerOf(c.env.Actor) }
func (c *call) isGuest() bool            { return c.env.Actor.IsGuest() }
func (c *call) flagSet(name string) bool { return c.cmd.Flags().Changed(name) }

// me is the caller as the camp knows them; a guest is a person without id,
// and so is a key that has not joined yet (the camp stores it on joining).
func (c *call) me() (schedule.Person, error) {
	switch a := c.actor(); {
	case c.isGuest():
		return schedule.Person{Role: schedule.RoleGuest}, nil
	case a.PersonID == 0:
		return schedule.Person{Role: a.Role, Fingerprint: a.Fingerprint}, nil
	}
	return c.backend().Person(c.ctx, c.actor().PersonID)
}

// require applies the domain's rule for perm to a read that not everyone
// may make, so it is refused with the same words as a write would be.
func (c *call) require(perm schedule.Permission) error {
	p, err := c.me()
	if err != nil {
		return err
	}
	// A mute stops someone writing, not reading their own things.
	p.Muted = false
	return schedule.Authorize(p, c.actor().Role, perm, 0)
}

// viewerZone is the zone the caller reads times in: --tz when the command
// has it and it was given, else the session's (Env.ViewerTZ), else the one
// the person chose when joining, else the event's.
func (c *call) viewerZone() (*time.Location, error) {
	if f := c.cmd.Flags().Lookup("tz"); f != nil && f.Changed {
		loc, err := schedule.LoadZone(f.Value.String())
		if err != nil {
			return nil, UsageError{err}
		}
		return loc, nil
	}
	for _, name := range []string{c.env.ViewerTZ, c.savedZone()} {
		// A zone we cannot read (a client's odd TZ) is not the caller's
		// mistake in this command: try the next one.
		if loc, err := schedule.LoadZone(name); err == nil {
			return loc, nil
		}
	}
	return c.event().Zone, nil
}

// savedZone is the zone the person chose with join --tz, if any.
func (c *call) savedZone() string {
	if c.env.ViewerTZ != "" || c.isGuest() {
		return "" // not needed, or nobody to ask
	}
	p, err := c.me()
	if err != nil {
		return ""
	}
	return p.TZ
}

// extraZones is the viewer's zone when the event's display zones do not
// already show it, for the side-by-side timelines.
func (c *call) extraZones() ([]*time.Location, error) {
	z, err := c.viewerZone()
	if err != nil {
		return nil, err
	}
	for _, d := range c.event().DisplayZones {
		if d.String() == z.String() {
			return nil, nil
		}
	}
	return []*time.Location{z}, nil
}

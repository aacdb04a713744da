package sshapp

import "time"

// ConnLimits bound what one SSH connection can make the server do, at the
// protocol level: before a session is admitted, before its command line is
// parsed and before anything is written to the database. Anyone can open a
// connection (a guest needs no key), so each limit is sized for a real
// client with room to spare, and an attacker who knows the code gets no
// more than that. The session caps that the organiser sets in the schedule
// (schedule.Limits: sessions in all and per key, timeouts) come on top.
//
// A zero field takes its default (DefaultConnLimits).
type ConnLimits struct {
	// ChannelsPerConnection is how many channels one connection may have
	// open at once, sessions or not; one more is rejected when it opens.
	// OpenSSH's own MaxSessions is 10.
	ChannelsPerConnection int
	// ChannelStartTimeout closes a channel that has not asked for a shell
	// or a command this long after it opened: a real client asks at once.
	ChannelStartTimeout time.Duration
	// EnvVars and EnvBytes cap the environment (`env` requests) one session
	// keeps: how many variables, and their names and values in bytes. Camp
	// reads only a few (TZ, TERM, NO_COLOR and the like); later requests
	// are refused, so a flood costs no memory.
	EnvVars  int
	EnvBytes int
	// CommandBytes is the longest command line (`ssh HOST COMMAND`) the
	// server reads. A longer one is refused before it is split into words:
	// splitting is quadratic in a word's length. Longer text (a note, an
	// abstract) goes on standard input with `-`.
	CommandBytes int
	// WindowChangeBurst and WindowChangeEvery pace a session's terminal
	// resizes: a burst at once, then one per interval. Resizes in between
	// are merged, the last one wins, so the screen always ends at the size
	// the terminal has, and a flood redraws no more often than this.
	WindowChangeBurst int
	WindowChangeEvery time.Duration
	// GuestSessions is how many sessions all guests (no key) together may
	// hold: a budget of their own, at most half of the camp's total
	// (schedule.Limits.Sessions), so people with keys always find room.
	// Organisers' keys are admitted even when the camp is full.
	GuestSessions int
	// GuestSessionsPerConnection is how many sessions one guest connection
	// may hold. A key's sessions are capped per key already
	// (schedule.Limits.SessionsPerKey), whatever the connection.
	GuestSessionsPerConnection int
}

// DefaultConnLimits are the limits a camp runs with.
func DefaultConnLimits() ConnLimits {
	return ConnLimits{
		ChannelsPerConnection:      10,
		ChannelStartTimeout:        10 * time.Second,
		EnvVars:                    32,
		EnvBytes:                   4 << 10,
		CommandBytes:               4 << 10,
		WindowChangeBurst:          5,
		WindowChangeEvery:          100 * time.Millisecond,
		GuestSessions:              100,
		GuestSessionsPerConnection: 2,
	}
}

// withDefaults fills every zero field from DefaultConnLimits.
func (l ConnLimits) withDefaults() ConnLimits {
	d := DefaultConnLimits()
	orDefault(&l.ChannelsPerConnection, d.ChannelsPerConnection)
	orDefault(&l.ChannelStartTimeout, d.ChannelStartTimeout)
	orDefault(&l.EnvVars, d.EnvVars)
	orDefault(&l.EnvBytes, d.EnvBytes)
	orDefault(&l.CommandBytes, d.CommandBytes)
	orDefault(&l.WindowChangeBurst, d.WindowChangeBurst)
	orDefault(&l.WindowChangeEvery, d.WindowChangeEvery)
	orDefault(&l.GuestSessions, d.GuestSessions)
	orDefault(&l.GuestSessionsPerConnection, d.GuestSessionsPerConnection)
	return l
}

func orDefault[T int | time.Duration](v *T, d T) {
	if *v <= 0 {
		*v = d
	}
}

// guestBudget is how many sessions guests may hold in a camp of total
// sessions: their own cap, and never more than half the total.
func (l ConnLimits) guestBudget(total int) int {
	if total <= 0 {
		return l.GuestSessions
	}
	return max(1, min(l.GuestSessions, total/2))
}

package commands

import (
	"errors"
	"fmt"
	"strings"

	"github.com/lightningcamp/camp/schedule"
	"github.com/lightningcamp/camp/schedule/sanitize"
)

// Exit codes, the same contract as the camp CLI: scripts over SSH rely on them.
const (
	ExitOK      = 0
	ExitFailure = 1
	ExitUsage   = 2 // the command was called wrongly, or its input is invalid
	// ExitSlowDown says the write was refused only because it came too soon
	// after others (or the camp is full): the same command works a few
	// seconds later, so a script may wait and retry.
	ExitSlowDown = 3
)

// UsageError marks a mistake in how a command was called: a missing or
// extra argument, a bad flag, an unknown command. The local CLI maps it to
// exit code 2 with errors.As (or IsUsage).
type UsageError struct{ Err error }

func (u UsageError) Error() string { return u.Err.Error() }
func (u UsageError) Unwrap() error { return u.Err }

// usagef returns a UsageError with a formatted message.
func usagef(format string, args ...any) error {
	return UsageError{fmt.Errorf(format, args...)}
}

// IsUsage reports whether err is a usage mistake.
func IsUsage(err error) bool {
	var u UsageError
	return errors.As(err, &u)
}

// ExitCode maps an error to the process exit code: 0 for none, 2 for usage
// mistakes and invalid input (schedule.EINVALID), 3 for "slow down"
// (schedule.ERATELIMIT), 1 for everything else.
func ExitCode(err error) int {
	switch {
	case err == nil:
		return ExitOK
	case IsUsage(err), schedule.ErrorCode(err) == schedule.EINVALID:
		return ExitUsage
	case schedule.ErrorCode(err) == schedule.ERATELIMIT:
		return ExitSlowDown
	}
	return ExitFailure
}

// Message is the one line people see for err. Rate limiting gets its own
// wording: the write was fine, only too soon, and trying again later works.
// The message can quote what someone typed, so it is cleaned like any text.
//
// An internal error (a failing disk, a bug) is not described: its text may
// hold SQL or paths that mean nothing to an attendee. The server logs it.
func Message(err error) string {
	msg := schedule.ErrorMessage(err)
	switch schedule.ErrorCode(err) {
	case schedule.ERATELIMIT:
		msg = "slow down: " + strings.TrimPrefix(msg, "slow down: ") + "; wait a few seconds and try again"
	case schedule.EINTERNAL:
		if !IsUsage(err) {
			msg = "something went wrong on the server; please try again, and tell an organiser if it keeps happening"
		}
	}
	return sanitize.Line(msg, 0)
}

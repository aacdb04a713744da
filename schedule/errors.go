package schedule

import (
	"errors"
	"fmt"
)

// Error codes shared by every layer. The CLI maps them to exit codes, the SSH
// command tree to one-line messages, the TUI to a status line.
const (
	ECONFLICT  = "conflict"
	EFORBIDDEN = "forbidden"
	EINTERNAL  = "internal"
	EINVALID   = "invalid"
	ENOTFOUND  = "not_found"
	ERATELIMIT = "rate_limit"
)

// Error is a domain error: a code for programs and a message for people.
type Error struct {
	Code    string
	Message string
}

func (e *Error) Error() string { return e.Message }

// ErrorCode returns the code; other error types carry a code the same way.
func (e *Error) ErrorCode() string { return e.Code }

// coded is any error that knows its code.
type coded interface{ ErrorCode() string }

// Errorf returns an *Error with the given code and a formatted message.
func Errorf(code, format string, args ...any) *Error {
	return &Error{Code: code, Message: fmt.Sprintf(format, args...)}
}

// ErrorCode returns the code of the first *Error in err's chain, EINTERNAL for
// any other error, and "" for nil.
func ErrorCode(err error) string {
	if err == nil {
		return ""
	}
	var c coded
	if errors.As(err, &c) {
		return c.ErrorCode()
	}
	var p Problems
	if errors.As(err, &p) {
		return EINVALID
	}
	return EINTERNAL
}

// ErrorMessage returns the people-facing message of err.
func ErrorMessage(err error) string {
	if err == nil {
		return ""
	}
	var c coded
	if errors.As(err, &c) {
		return err.Error()
	}
	var p Problems
	if errors.As(err, &p) {
		return p.Error()
	}
	return err.Error()
}

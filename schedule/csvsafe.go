package schedule

import (
	"fmt"
	"net/mail"
	"strings"
)

// formulaStarts are the first characters that make a spreadsheet read a
// CSV cell as a formula (OWASP, CSV injection): = + - @, tab and carriage
// return. Text that goes into a CSV people open in Excel or LibreOffice
// (room names, emails in the Zoom file) must not start with one.
const formulaStarts = "=+-@\t\r"

// LooksLikeFormula reports whether s would be read as a formula when it is
// a spreadsheet cell.
func LooksLikeFormula(s string) bool {
	return s != "" && strings.ContainsRune(formulaStarts, rune(s[0]))
}

// RoomNameMax is the longest breakout-room name camp accepts. Zoom does not
// document a limit for names in its pre-assignment CSV; 100 characters is
// far more than its room list shows.
const RoomNameMax = 100

// BreakoutRoomsMax is Zoom's documented limit for pre-assigned rooms.
const BreakoutRoomsMax = 100

// CheckEmail accepts a bare address of the shape people really have:
// local@domain, the domain with a dot, nothing a mail client would take
// for a display name, and no first character a spreadsheet would take
// for a formula. It says what is wrong otherwise.
func CheckEmail(s string) error {
	addr, err := mail.ParseAddress(s)
	switch {
	case s == "":
		return fmt.Errorf("no email")
	case LooksLikeFormula(s):
		return fmt.Errorf("%q is not an email address: it starts with %q, which spreadsheets read as a formula", s, s[:1])
	case err != nil || addr.Address != s || addr.Name != "":
		return fmt.Errorf("%q is not an email address", s)
	}
	local, domain, _ := strings.Cut(s, "@")
	if local == "" || !strings.Contains(strings.Trim(domain, "."), ".") || strings.ContainsAny(s, " \"()<>[]\\,;:") {
		return fmt.Errorf("%q is not an email address: write it as name@example.org", s)
	}
	return nil
}

package schedule_test

import (
	"strings"
	"testing"

	"github.com/lightningcamp/camp/schedule"
)

// TestCheckEmail: addresses people really have pass; formula starts,
// display names and shapes Zoom would not match are refused, saying why.
func TestCheckEmail(t *testing.T) {
	for _, ok := range []string{"ada@example.org", "grace.hopper+camp@mail.example.co.uk", "o'brien@example.ie", "ŁUKASZ@example.pl"} {
		if err := schedule.CheckEmail(ok); err != nil {
			t.Errorf("CheckEmail(%q) = %v, want nil", ok, err)
		}
	}
	for _, tc := range []struct{ in, want string }{
		{"", "no email"},
		{"=1+2@example.org", "formula"},
		{"+1@example.org", "formula"},
		{"-bob@example.org", "formula"},
		{"@example.org", "formula"},
		{"\tbob@example.org", "formula"},
		{"Bob <bob@example.org>", "not an email address"},
		{"bob@localhost", "not an email address"},
		{"bob", "not an email address"},
		{"bob@exa mple.org", "not an email address"},
		{`"a,b"@example.org`, "not an email address"},
	} {
		err := schedule.CheckEmail(tc.in)
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("CheckEmail(%q) = %v, want an error saying %q", tc.in, err, tc.want)
		}
	}
}

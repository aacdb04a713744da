package schedule

import (
	"strings"
	"testing"
	"time"
)

// Issue 14 item 2: asia/tokyo was refused with no suggestion.
func TestZonesInAnyCaseAndNearMisses(t *testing.T) {
	for in, want := range map[string]string{
		"asia/tokyo": "Asia/Tokyo", "AMERICA/NEW_YORK": "America/New_York", "America/New York": "America/New_York",
		"utc": "UTC", "Europe/London": "Europe/London",
	} {
		loc, err := LoadZone(in)
		if err != nil || loc.String() != want {
			t.Errorf("LoadZone(%q) = %v, %v; want %s", in, loc, err, want)
		}
	}
	for in, want := range map[string]string{"Europe/Londn": "Europe/London", "Asia/Tokio": "Asia/Tokyo", "Tokyo": "Asia/Tokyo", "America/Chicgo": "America/Chicago"} {
		_, err := LoadZone(in)
		if err == nil || !strings.Contains(err.Error(), "did you mean") || !strings.Contains(err.Error(), want) {
			t.Errorf("LoadZone(%q): %v; want a suggestion of %s", in, err, want)
		}
	}
	if _, err := LoadZone("Nowhere/Atall"); err == nil || strings.Contains(err.Error(), "did you mean") {
		t.Errorf("a name near nothing: %v", err)
	}
}

// The embedded list is Go's zone database: every name loads.
func TestZoneNamesAllLoad(t *testing.T) {
	names := zoneNames()
	if len(names) < 400 {
		t.Fatalf("only %d zone names", len(names))
	}
	for _, n := range names {
		if _, err := time.LoadLocation(n); err != nil {
			t.Errorf("%s: %v", n, err)
		}
	}
}

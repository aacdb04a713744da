package tui

import "time"

// Shorten makes the status message and the banner's expiry show within
// the time a test waits, and returns what puts them back.
func Shorten(status, banner time.Duration) (restore func()) {
	s, b := statusTTL, bannerRecheck
	statusTTL, bannerRecheck = status, banner
	return func() { statusTTL, bannerRecheck = s, b }
}

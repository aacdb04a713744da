//go:build race

package tui_test

// raceOn says the race detector is on: it slows the form's key handling by
// two orders of magnitude, so timings are not asserted under it.
const raceOn = true

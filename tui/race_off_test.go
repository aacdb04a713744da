//go:build !race

package tui_test

const raceOn = false

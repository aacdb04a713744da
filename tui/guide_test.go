package tui_test

import (
	"testing"

	"github.com/charmbracelet/x/exp/golden"

	"github.com/lightningcamp/camp/store/storetest"
)

// TestGuidePane: t in the Notes view opens the compiler-tool guide over
// the series (three camps in one database), every figure with its n; the
// arrows pick a tool; t or esc goes back to the notes. The goldens are the
// 80x24 frames without colour.
func TestGuidePane(t *testing.T) {
	c := newRealCamp(t)
	c.deps.Guide = storetest.SeriesCamps(t).Camps[2]
	f := startFlowSized(t, c, attendee, 80, 24)
	f.keys("4", "t")
	f.waitFor("Compiler-tool guide", "8 reports from 3 camps", "median 4× (n=3)", "astropy-regions")
	t.Run("cython", func(t *testing.T) { golden.RequireEqual(t, []byte(f.rec.frame())) })
	f.keys("down")
	f.waitFor("mypyc · 3 reports", "range 3×–5× (n=2)")
	t.Run("mypyc", func(t *testing.T) { golden.RequireEqual(t, []byte(f.rec.frame())) })
	f.keys("esc")
	f.waitFor("Talks and topics")
	f.keys("t")
	f.waitFor("Compiler-tool guide")
	f.keys("t")
	f.waitFor("Talks and topics")
}

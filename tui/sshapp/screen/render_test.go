package screen

import (
	"bytes"
	"fmt"
	"io"
	"math/rand/v2"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/colorprofile"
	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/vt"
)

// drawTo is a Renderer writing into a virtual terminal, and the bytes
// of its last frame.
type drawTo struct {
	r    *Renderer
	term *vt.Emulator
	last bytes.Buffer
}

func newDrawTo(t *testing.T, profile colorprofile.Profile, w, h int) *drawTo {
	t.Helper()
	d := &drawTo{term: vt.NewEmulator(w, h)}
	go io.Copy(io.Discard, d.term) // the terminal's answers to queries
	d.r = New(writerFunc(func(p []byte) (int, error) {
		d.last.Write(p)
		return d.term.Write(p)
	}), profile, w, h)
	return d
}

type writerFunc func([]byte) (int, error)

func (f writerFunc) Write(p []byte) (int, error) { return f(p) }

// frame shows content and draws it, as the drawing goroutine would; it
// returns the bytes that went to the terminal.
func (d *drawTo) frame(t *testing.T, content string) string {
	t.Helper()
	d.last.Reset()
	d.r.Show(tea.NewView(content))
	if err := d.r.draw(); err != nil {
		t.Fatal(err)
	}
	select {
	case <-d.r.kick: // drawn already
	default:
	}
	return d.last.String()
}

// sees is what a person reads on the terminal, one string per row, with
// trailing spaces dropped.
func (d *drawTo) sees() []string {
	rows := strings.Split(d.term.String(), "\n")
	for i := range rows {
		rows[i] = strings.TrimRight(rows[i], " ")
	}
	for len(rows) > 0 && rows[len(rows)-1] == "" {
		rows = rows[:len(rows)-1]
	}
	return rows
}

// wants is what the person should read for a frame on a w x h terminal.
func wants(content string, w, h int) []string {
	var rows []string
	for i, l := range strings.Split(content, "\n") {
		if i == h {
			break
		}
		rows = append(rows, strings.TrimRight(ansi.Strip(ansi.Truncate(l, w, "")), " "))
	}
	for len(rows) > 0 && rows[len(rows)-1] == "" {
		rows = rows[:len(rows)-1]
	}
	return rows
}

func TestLineRendererShowsEveryFrameAsDrawn(t *testing.T) {
	// Random frames, one after another, each changing some lines, some
	// longer than the terminal, some shorter than the last: the terminal
	// must show exactly the newest one each time.
	const w, h = 40, 12
	d := newDrawTo(t, colorprofile.TrueColor, w, h)
	rng := rand.New(rand.NewPCG(7, 28))
	words := []string{"Cython", "mypyc", "Codon", "ShedSkin", "Nuitka", "PyPy", "Numba", "·", "→", "été", "日本", "4:59"}
	styles := []lipgloss.Style{
		lipgloss.NewStyle(), lipgloss.NewStyle().Bold(true),
		lipgloss.NewStyle().Foreground(lipgloss.Color("#ff8800")).Background(lipgloss.Color("#102030")),
		lipgloss.NewStyle().Reverse(true),
	}
	var lines []string
	for range h + 2 {
		lines = append(lines, "")
	}
	for round := range 200 {
		for range 1 + rng.IntN(4) {
			var b strings.Builder
			for range rng.IntN(12) {
				b.WriteString(styles[rng.IntN(len(styles))].Render(words[rng.IntN(len(words))]) + " ")
			}
			lines[rng.IntN(len(lines))] = b.String()
		}
		content := strings.Join(lines[:rng.IntN(len(lines))+1], "\n")
		d.frame(t, content)
		if got, want := d.sees(), wants(content, w, h); !equalRows(got, want) {
			t.Fatalf("round %d: the terminal shows\n%s\nwant\n%s", round, strings.Join(got, "\n"), strings.Join(want, "\n"))
		}
		if x, y, ok := sameCells(d.term, reference(content, w, h)); !ok {
			t.Fatalf("round %d: cell (%d, %d) is %+v, want %+v", round, x, y, d.term.CellAt(x, y), reference(content, w, h).CellAt(x, y))
		}
	}
}

// reference is a terminal that was sent content line by line, each cut to
// the width and in its own style, on a clean screen: what the renderer's
// terminal must look like, styles included.
func reference(content string, w, h int) *vt.Emulator {
	term := vt.NewEmulator(w, h)
	go io.Copy(io.Discard, term)
	for row, l := range strings.SplitN(content, "\n", h+1) {
		if row == h {
			break
		}
		_, _ = io.WriteString(term, ansi.CursorPosition(1, row+1)+ansi.Truncate(l, w, "")+ansi.ResetStyle)
	}
	return term
}

// sameCells compares two terminals cell by cell, text and style, and says
// where they first differ.
func sameCells(a, b *vt.Emulator) (x, y int, same bool) {
	for y := range a.Height() {
		for x := range a.Width() {
			ca, cb := a.CellAt(x, y), b.CellAt(x, y)
			if ca == nil || cb == nil {
				if (ca == nil) != (cb == nil) {
					return x, y, false
				}
				continue
			}
			blank := func(c string) string { return strings.TrimSpace(c) }
			if blank(ca.Content) != blank(cb.Content) || !ca.Style.Equal(&cb.Style) {
				return x, y, false
			}
		}
	}
	return 0, 0, true
}

func equalRows(a, b []string) bool {
	return strings.Join(a, "\n") == strings.Join(b, "\n")
}

func TestLineRendererSendsOnlyWhatChanged(t *testing.T) {
	d := newDrawTo(t, colorprofile.TrueColor, 80, 24)
	first := d.frame(t, "Now Opening\nLIVE Ada — Cython in anger\n4:59 left\nyou: Bea")
	for _, want := range []string{ansi.SetModeAltScreenSaveCursor, ansi.HideCursor, ansi.ResetModeAutoWrap, ansi.SetModeBracketedPaste, "Opening", "Cython", "4:59", "Bea"} {
		if !strings.Contains(first, want) {
			t.Errorf("the first frame lacks %q: %q", want, first)
		}
	}
	second := d.frame(t, "Now Opening\nLIVE Ada — Cython in anger\n4:58 left\nyou: Bea")
	if !strings.Contains(second, "4:58") {
		t.Errorf("the changed line was not sent: %q", second)
	}
	for _, same := range []string{"Opening", "Cython", "Bea", ansi.SetModeAltScreenSaveCursor} {
		if strings.Contains(second, same) {
			t.Errorf("an unchanged line or the set-up went again (%q): %q", same, second)
		}
	}
	if got := d.frame(t, "Now Opening\nLIVE Ada — Cython in anger\n4:58 left\nyou: Bea"); got != "" {
		t.Errorf("an unchanged frame wrote %q; it should write nothing", got)
	}
	select {
	case <-d.r.kick:
		t.Error("an unchanged frame woke the drawing goroutine")
	default:
	}
}

func TestLineRendererCutsLongLinesAtTheEdge(t *testing.T) {
	d := newDrawTo(t, colorprofile.TrueColor, 10, 3)
	d.frame(t, "0123456789ABCDEF\nnext line\n日本語日本語日本語")
	if got, want := d.sees(), []string{"0123456789", "next line", "日本語日本"}; !equalRows(got, want) {
		t.Errorf("the terminal shows %q, want %q", got, want)
	}
	// A full-width line is not followed by an erase, which would take its
	// last character.
	d.frame(t, "0123456789\nnext line")
	if got, want := d.sees(), []string{"0123456789", "next line"}; !equalRows(got, want) {
		t.Errorf("the terminal shows %q, want %q", got, want)
	}
	// A wide character that would straddle the edge is dropped, and the
	// column it leaves is cleared (a regression: it kept the old "9").
	d.frame(t, "abcdefghi日本\nnext line")
	if got, want := d.sees(), []string{"abcdefghi", "next line"}; !equalRows(got, want) {
		t.Errorf("the terminal shows %q, want %q", got, want)
	}
}

func TestLineRendererRedrawsWholeAfterAResize(t *testing.T) {
	d := newDrawTo(t, colorprofile.TrueColor, 20, 5)
	d.frame(t, "one\ntwo\nthree")
	d.term.Resize(30, 6)
	d.r.Resize(30, 6)
	out := d.frame(t, "one\ntwo\nthree")
	for _, want := range []string{ansi.EraseEntireScreen, "one", "two", "three"} {
		if !strings.Contains(out, want) {
			t.Errorf("after a resize the frame lacks %q: %q", want, out)
		}
	}
	if got, want := d.sees(), []string{"one", "two", "three"}; !equalRows(got, want) {
		t.Errorf("the terminal shows %q, want %q", got, want)
	}
}

func TestLineRendererUsesTheTerminalsColours(t *testing.T) {
	orange := lipgloss.NewStyle().Foreground(lipgloss.Color("#ff8800")).Render("LIVE")
	for _, c := range []struct {
		profile     colorprofile.Profile
		want, never string
	}{
		{colorprofile.TrueColor, "38;2;255;136;0", ""},
		{colorprofile.ANSI256, "38;5;", "38;2;"},
		{colorprofile.ASCII, "LIVE", "38;"},
	} {
		t.Run(c.profile.String(), func(t *testing.T) {
			d := newDrawTo(t, c.profile, 20, 3)
			out := d.frame(t, orange)
			if !strings.Contains(out, c.want) || (c.never != "" && strings.Contains(out, c.never)) {
				t.Errorf("frame %q: want %q and never %q", out, c.want, c.never)
			}
		})
	}
}

func TestLineRendererKeepsEachLinesStyleToItself(t *testing.T) {
	// The first line leaves red and bold on (as a cut line might); the
	// next line and the rest of the first must be plain.
	d := newDrawTo(t, colorprofile.TrueColor, 20, 3)
	d.frame(t, "\x1b[1;31mLIVE\nplain")
	style := func(x, y int) (bold, coloured bool) {
		c := d.term.CellAt(x, y)
		return c.Style.Attrs != 0, c.Style.Fg != nil
	}
	if bold, coloured := style(0, 0); !bold || !coloured {
		t.Errorf("LIVE lost its style: bold %t, coloured %t", bold, coloured)
	}
	for _, at := range [][2]int{{0, 1}, {4, 1}, {10, 0}} {
		if bold, coloured := style(at[0], at[1]); bold || coloured {
			t.Errorf("the style bled into column %d of row %d: bold %t, coloured %t", at[0], at[1], bold, coloured)
		}
	}
}

func TestLineRendererWaitsForTheFrameOfANewSize(t *testing.T) {
	// A resize alone draws nothing: the old frame at the new size would
	// flash before the model's frame for it.
	d := newDrawTo(t, colorprofile.TrueColor, 20, 5)
	d.frame(t, "one")
	d.r.Resize(30, 6)
	select {
	case <-d.r.kick:
		t.Error("a resize woke the drawing goroutine before the new frame")
	default:
	}
	if out := d.frame(t, "one"); !strings.Contains(out, ansi.EraseEntireScreen) {
		t.Errorf("the frame after a resize was not drawn whole: %q", out)
	}
}

func TestLineRendererGivesTheTerminalBack(t *testing.T) {
	d := newDrawTo(t, colorprofile.TrueColor, 20, 5)
	d.last.Reset()
	if err := d.r.Restore(); err != nil || d.last.Len() != 0 {
		t.Fatalf("restore before any frame wrote %q (%v); it should write nothing", d.last.String(), err)
	}
	v := tea.NewView("hello")
	v.WindowTitle = "camp · Lightning Camp"
	d.r.Show(v)
	if err := d.r.draw(); err != nil {
		t.Fatal(err)
	}
	d.last.Reset()
	if err := d.r.Restore(); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{ansi.ResetModeAltScreenSaveCursor, ansi.ShowCursor, ansi.ResetModeBracketedPaste, ansi.SetModeAutoWrap, ansi.SetWindowTitle("")} {
		if !strings.Contains(d.last.String(), want) {
			t.Errorf("restore lacks %q: %q", want, d.last.String())
		}
	}
}

func TestLineRendererCoalescesABurst(t *testing.T) {
	// A burst of frames while one is being drawn ends in the newest frame,
	// drawn once more, not once per frame.
	var writes int
	var last string
	r := New(writerFunc(func(p []byte) (int, error) {
		writes++
		last = string(p)
		return len(p), nil
	}), colorprofile.TrueColor, 20, 3)
	done := make(chan struct{})
	finished := make(chan struct{})
	r.Show(tea.NewView("frame 0"))
	go func() { defer close(finished); r.Run(done) }()
	for i := 1; i <= 50; i++ {
		r.Show(tea.NewView(fmt.Sprintf("frame %d", i)))
	}
	waitUntil(t, func() bool {
		r.mu.Lock()
		defer r.mu.Unlock()
		return r.drawn.content == "frame 50"
	})
	close(done)
	<-finished
	if writes > 3 || !strings.Contains(last, "frame 50") {
		t.Errorf("%d writes for a burst of 51 frames, the last %q; want at most 3, ending with frame 50", writes, last)
	}
}

func TestLineRendererDrawsTheFrameWithTheDataAtOnce(t *testing.T) {
	// A session's opening frame goes out before its data is read; the
	// frame with the data follows a moment later and must not wait out the
	// 50 ms between frames (it made the first full frame 50 ms late).
	r := New(writerFunc(func(p []byte) (int, error) { return len(p), nil }), colorprofile.TrueColor, 20, 3)
	done, finished := make(chan struct{}), make(chan struct{})
	go func() { defer close(finished); r.Run(done) }()
	for _, f := range []string{"loading…", "Ada · Now"} {
		r.Show(tea.NewView(f))
		waitUntil(t, func() bool {
			r.mu.Lock()
			defer r.mu.Unlock()
			return r.drawn.content == f
		})
	}
	close(done)
	<-finished
	if held := r.held.Load(); held != 0 {
		t.Errorf("%d of the first two frames waited for their turn; want none", held)
	}
}

// waitUntil polls ok for up to 5 s.
func waitUntil(t *testing.T, ok func() bool) {
	t.Helper()
	deadline := time.Now().Add(5 * time.Second)
	for !ok() {
		if time.Now().After(deadline) {
			t.Fatal("gave up waiting after 5 s")
		}
		time.Sleep(5 * time.Millisecond)
	}
}

func TestLineRendererCleansTheWindowTitle(t *testing.T) {
	d := newDrawTo(t, colorprofile.TrueColor, 20, 3)
	v := tea.NewView("hello")
	v.WindowTitle = "camp\a\x1b[2Jgone"
	d.last.Reset()
	d.r.Show(v)
	if err := d.r.draw(); err != nil {
		t.Fatal(err)
	}
	if out := d.last.String(); strings.Contains(out, "\x1b[2Jgone") || !strings.Contains(out, ansi.SetWindowTitle("campgone")) {
		t.Errorf("the title went out uncleaned: %q", out)
	}
}

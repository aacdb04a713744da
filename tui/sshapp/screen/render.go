package screen

import (
	"bytes"
	"io"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/colorprofile"
	"github.com/charmbracelet/x/ansi"
	"golang.org/x/time/rate"

	"github.com/lightningcamp/camp/schedule/sanitize"
)

// Renderer draws one session's frames on its terminal: when a frame
// changes, and then only the lines that changed.
//
// It stands in for Bubble Tea's own renderer in SSH sessions (the program
// runs with tea.WithoutRenderer), because that one wakes every program
// many times a second to look for a new frame, so a crowd of screens on
// which nothing changes still costs CPU; and for each changed frame it
// redraws a cell buffer of 112-byte cells (two per session, ~430 KiB at
// 80x24) and diffs all of it. A camp's screens are full-screen frames that
// change a few lines at a time (the countdown, a banner), so a line diff is
// enough, and it keeps only the lines on the terminal.
// docs/PERFORMANCE.md has the figures.
//
// Frames reach it through show (called from the model's View, so no I/O on
// the program's event loop); a goroutine of its own (run) writes them, at
// most once per minFrameGap, so a burst of changes is one frame.
type Renderer struct {
	out     io.Writer // the session (a StallWriter, which keeps these writes apart from Bubble Tea's own)
	profile colorprofile.Profile

	mu    sync.Mutex
	next  frame // the newest frame, drawn or not
	drawn frame // what the terminal shows
	kick  chan struct{}
	raw   []byte        // sequences to write with the next frame (Raw)
	pace  *rate.Limiter // frames a second, with a burst (see frameBurst)
	held  atomic.Int64  // frames that waited for their turn (for tests)

	// used only by the drawing goroutine
	shown      []string // the terminal's lines, as written
	shownWidth int
	shownTitle string
	started    bool
	buf        bytes.Buffer
}

// frame is what a terminal should show.
type frame struct {
	content       string
	title         string
	width, height int
}

// minFrameGap keeps a session at 20 frames a second at most: more is wasted
// on a countdown, and a burst of changes (a crowd arriving) coalesces.
//
// frameBurst frames may go out back to back before the gap applies: a
// session's opening frame is drawn before its data is read, and the frame
// with the data, a millisecond later, must not wait 50 ms for its turn
// (that wait was most of the time to a first full frame); nor must an
// announcement that lands just after a countdown tick.
const (
	minFrameGap = 50 * time.Millisecond
	frameBurst  = 2
)

func New(out io.Writer, profile colorprofile.Profile, width, height int) *Renderer {
	return &Renderer{
		out: out, profile: profile,
		next: frame{width: width, height: height},
		kick: make(chan struct{}, 1),
		pace: rate.NewLimiter(rate.Every(minFrameGap), frameBurst),
	}
}

// Show takes the program's newest frame. It only stores it and wakes the
// drawing goroutine, and does not even that when the terminal shows it
// already: Bubble Tea asks for a frame after every message.
func (r *Renderer) Show(v tea.View) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.next.content, r.next.title = v.Content, v.WindowTitle
	if r.next != r.drawn {
		r.wake()
	}
}

// Raw writes seq (a bell, a clipboard sequence) with the next frame, at
// once. Bubble Tea would write it from its per-program ticker, which the
// sessions stop (see withoutTicker in package sshapp).
func (r *Renderer) Raw(seq string) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if len(r.raw)+len(seq) <= maxRaw {
		r.raw = append(r.raw, seq...)
	}
	r.wake()
}

// maxRaw bounds what waits to be written besides frames.
const maxRaw = 64 << 10

// Resize takes the terminal's new size. It is drawn (whole) with the next
// frame, which the model draws for that size: waking now would draw the
// old frame at the new size first.
func (r *Renderer) Resize(width, height int) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.next.width, r.next.height = width, height
}

func (r *Renderer) wake() {
	select {
	case r.kick <- struct{}{}:
	default: // already woken; it will draw the newest frame
	}
}

// Run draws frames until done is closed. A session that has more to wait
// for on the same goroutine selects on Woken and calls DrawPaced itself.
func (r *Renderer) Run(done <-chan struct{}) {
	for {
		select {
		case <-done:
			return
		case <-r.Woken():
		}
		if r.DrawPaced(done) != nil {
			return // the connection is gone; the session ends by itself
		}
	}
}

// Woken is ready when there may be a new frame to draw.
func (r *Renderer) Woken() <-chan struct{} { return r.kick }

// DrawPaced draws the newest frame once its turn comes (see minFrameGap
// and frameBurst), or returns nil without drawing if done is closed first.
// An error is the connection's: the session is over.
func (r *Renderer) DrawPaced(done <-chan struct{}) error {
	if !r.pace.Allow() { // (Allow, unlike Reserve, allocates nothing: this runs every second in every session)
		r.held.Add(1)
		pause := time.NewTimer(minFrameGap)
		select {
		case <-done:
			pause.Stop()
			return nil
		case <-pause.C:
		}
	}
	return r.draw()
}

// draw writes the newest frame, if the terminal does not show it yet.
func (r *Renderer) draw() error {
	r.mu.Lock()
	next := r.next
	unchanged := r.started && next == r.drawn
	r.drawn = next
	raw := r.raw
	r.raw = nil
	r.mu.Unlock()
	r.buf.Reset()
	if !unchanged && next.width > 0 && next.height > 0 {
		r.encode(&r.buf, next)
	}
	r.buf.Write(raw)
	if r.buf.Len() == 0 {
		return nil
	}
	_, err := r.out.Write(r.buf.Bytes())
	return err
}

// terminalSetUp enters the alternate screen (the person's scrollback is left
// alone), hides the cursor, turns off automatic wrapping, turns on
// bracketed paste (a paste arrives as one message, not as keys) and asks
// for the background colour (for the palette; Bubble Tea turns the answer
// into a tea.BackgroundColorMsg, and the session's filter drops the
// model's own request, see sessionFilter).
//
// Without wrapping, a line the terminal finds wider than we measured (some
// terminals count an emoji with a skin tone as two characters, not one) is
// cut at the edge instead of spilling onto the next row, where only
// changed lines are redrawn and the damage would stay.
// terminalRestore undoes it all when the session ends.
const (
	terminalSetUp = ansi.SetModeAltScreenSaveCursor + ansi.HideCursor + ansi.ResetModeAutoWrap +
		ansi.SetModeBracketedPaste + ansi.RequestBackgroundColor
	terminalRestore = ansi.ResetModeBracketedPaste + ansi.ResetStyle + ansi.SetModeAutoWrap + ansi.ShowCursor +
		ansi.ResetModeAltScreenSaveCursor
)

// encode writes the escape codes that turn what the terminal shows into f.
func (r *Renderer) encode(b *bytes.Buffer, f frame) {
	if !r.started {
		b.WriteString(terminalSetUp)
	}
	whole := !r.started || f.width != r.shownWidth || len(r.shown) != f.height
	if whole {
		b.WriteString(ansi.ResetStyle + ansi.EraseEntireScreen)
		r.shown = make([]string, f.height)
	}
	if f.title != r.shownTitle {
		// Cleaned again: a control character in it would end the
		// sequence and write the rest to the screen.
		b.WriteString(ansi.SetWindowTitle(sanitize.Line(f.title, 200)))
	}
	r.started, r.shownTitle, r.shownWidth = true, f.title, f.width
	lines := frameLines(f.content, f.height)
	for row := range f.height {
		line := ""
		if row < len(lines) {
			line = lines[row]
		}
		if line == r.shown[row] {
			continue
		}
		b.WriteString(ansi.CursorPosition(1, row+1))
		r.encodeLine(b, line, f.width)
		r.shown[row] = line
	}
}

// encodeLine writes one line: cut to the terminal's width, in the
// terminal's colours, clearing what is left of the old line.
func (r *Renderer) encodeLine(b *bytes.Buffer, line string, width int) {
	b.WriteString(encodedLines.get(encodedLineKey{line, width, r.profile}))
}

// encodedLines keeps recently encoded lines for every session of the
// process: in any second, the sessions watching a talk draw the same
// countdown lines, and measuring and recolouring a line costs more than
// drawing it. It forgets everything once it holds encodedLinesMax lines.
var encodedLines = lineMemo{items: map[encodedLineKey]string{}}

const encodedLinesMax = 4096

type encodedLineKey struct {
	line    string
	width   int
	profile colorprofile.Profile
}

type lineMemo struct {
	mu    sync.Mutex
	items map[encodedLineKey]string
}

func (l *lineMemo) get(k encodedLineKey) string {
	l.mu.Lock()
	s, ok := l.items[k]
	l.mu.Unlock()
	if ok {
		return s
	}
	s = encodeLine(k)
	k.line = strings.Clone(k.line) // not a slice of its frame, which it would keep alive
	l.mu.Lock()
	if len(l.items) >= encodedLinesMax {
		clear(l.items)
	}
	l.items[k] = s
	l.mu.Unlock()
	return s
}

// encodeLine starts with the default style (the line before ends with a
// reset) and ends with one.
func encodeLine(k encodedLineKey) string {
	line := strings.ReplaceAll(k.line, "\t", "    ") // as lipgloss draws tabs
	w := ansi.StringWidth(line)
	if w > k.width {
		line = ansi.Truncate(line, k.width, "")
		w = ansi.StringWidth(line) // one short when a wide character met the edge
	}
	var b strings.Builder
	if k.profile == colorprofile.TrueColor {
		b.WriteString(line)
	} else {
		colours := colorprofile.Writer{Forward: &b, Profile: k.profile}
		_, _ = colours.WriteString(line)
	}
	b.WriteString(ansi.ResetStyle)
	if w < k.width {
		// Not after the last column: the cursor stays on it, and an
		// erase would take the line's last character.
		b.WriteString(ansi.EraseLineRight)
	}
	return b.String()
}

// frameLines splits a frame into at most height lines.
func frameLines(content string, height int) []string {
	lines := strings.SplitN(content, "\n", height+1)
	if len(lines) > height {
		lines = lines[:height]
	}
	for i, l := range lines {
		lines[i] = strings.TrimSuffix(l, "\r")
	}
	return lines
}

// Restore gives the person their terminal back as it was. It must be
// called after run has returned.
func (r *Renderer) Restore() error {
	if !r.started {
		return nil
	}
	seq := terminalRestore
	if r.shownTitle != "" {
		seq += ansi.SetWindowTitle("")
	}
	_, err := io.WriteString(r.out, seq)
	return err
}

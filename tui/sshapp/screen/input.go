package screen

import (
	"io"
	"strings"
	"sync"
	"time"

	tea "charm.land/bubbletea/v2"
	uv "github.com/charmbracelet/ultraviolet"
	"github.com/charmbracelet/x/ansi"
)

// Input turns what a session's terminal sends into Bubble Tea messages, in
// place of Bubble Tea's own input reader (the program runs with
// tea.WithInput(nil)).
//
// Bubble Tea's reader builds a table of key sequences for every program
// (~104 KiB of the ~450 KiB a session held, measured at 1,000 sessions)
// and reads with two goroutines. This one reads with one, the caller's,
// and decodes with ultraviolet's EventDecoder, the same decoder Bubble Tea
// uses; the table only names sequences the decoder already knows for the
// terminals attendees use. What it keeps of Bubble Tea's reader:
//   - an escape byte that arrives alone waits escTimeout for the rest of
//     its sequence before it counts as the Escape key;
//   - a bracketed paste arrives as one tea.PasteMsg, cut at maxPaste;
//   - an incomplete sequence waits for more input, at most maxPending bytes.
//
// Events go to send untranslated (uv events are tea.Msg); the program's
// event loop translates them as it does its own reader's.
type Input struct {
	send func(tea.Msg)

	mu      sync.Mutex
	dec     uv.EventDecoder
	pending []byte // bytes read but not yet decoded: an incomplete sequence
	paste   []byte // a bracketed paste under way; nil when none
	pasting bool
	expire  *time.Timer // decodes pending as complete, escTimeout after the last read
}

const (
	escTimeout = 50 * time.Millisecond // as Bubble Tea's reader
	maxPending = 4 << 10               // an unfinished sequence longer than this is taken as it is
	maxPaste   = 64 << 10              // a longer paste is cut; no field takes that much
)

// NewInput returns an Input that sends each event it decodes to send.
func NewInput(send func(tea.Msg)) *Input {
	in := &Input{send: send}
	in.expire = time.AfterFunc(time.Hour, in.expired)
	in.expire.Stop()
	return in
}

// Run reads r until it fails (the session ends), sending events as they
// arrive. It returns nil at io.EOF.
func (in *Input) Run(r io.Reader) error {
	defer in.expire.Stop()
	var buf [1024]byte
	for {
		n, err := r.Read(buf[:])
		if n > 0 {
			in.take(buf[:n])
		}
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return err
		}
	}
}

func (in *Input) take(p []byte) {
	in.mu.Lock()
	defer in.mu.Unlock()
	in.pending = append(in.pending, p...)
	in.scan(len(in.pending) > maxPending)
	if len(in.pending) > 0 {
		in.expire.Reset(escTimeout)
	} else {
		in.expire.Stop()
	}
}

// expired runs escTimeout after the last read left bytes undecoded: no more
// is coming, so they are what they are (a lone escape is the Escape key).
func (in *Input) expired() {
	in.mu.Lock()
	defer in.mu.Unlock()
	in.scan(true)
}

// scan decodes pending, sending every complete event. Unless final, it
// stops at a sequence that may not be complete yet.
func (in *Input) scan(final bool) {
	buf := in.pending
	for len(buf) > 0 {
		esc := buf[0] == ansi.ESC
		n, ev := in.dec.Decode(buf)
		if n == 0 {
			break
		}
		_, unknown := ev.(uv.UnknownEvent)
		if !final && (unknown || esc && n <= 2) {
			break // wait for the rest, or for escTimeout
		}
		in.deliver(ev, buf[:n])
		buf = buf[n:]
	}
	in.pending = append(in.pending[:0], buf...)
	if len(in.pending) == 0 && cap(in.pending) > 2*maxPending {
		in.pending = nil // a flood is over: give its buffer back
	}
}

// deliver sends one event (raw is the bytes it came from), gathering a
// bracketed paste into one message as Bubble Tea's reader does: the text
// of its keys, and the bytes of its other keys (Enter is "\r").
func (in *Input) deliver(ev uv.Event, raw []byte) {
	switch ev := ev.(type) {
	case uv.PasteStartEvent:
		in.pasting, in.paste = true, in.paste[:0]
	case uv.PasteEndEvent:
		text := string(in.paste)
		in.pasting, in.paste = false, nil
		in.send(uv.PasteEvent{Content: strings.ToValidUTF8(text, "")})
	case uv.KeyPressEvent:
		if !in.pasting {
			in.send(ev)
			return
		}
		more := raw
		if ev.Text != "" {
			more = []byte(ev.Text)
		}
		if len(in.paste)+len(more) <= maxPaste {
			in.paste = append(in.paste, more...)
		}
	case uv.MultiEvent:
		for _, e := range ev {
			in.deliver(e, nil)
		}
	case uv.BackgroundColorEvent, uv.ForegroundColorEvent, uv.CursorPositionEvent, uv.ModeReportEvent:
		if !in.pasting {
			in.send(ev) // answers to the terminal queries a session may send
		}
	}
	// Everything else (mouse reports, focus, sequences the decoder does not
	// know or ignores) means nothing to a session and is dropped.
}

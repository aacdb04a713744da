package screen

import (
	"strings"
	"sync"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	uv "github.com/charmbracelet/ultraviolet"
)

// received collects what an Input sends.
type received struct {
	mu   sync.Mutex
	msgs []tea.Msg
}

func (r *received) send(m tea.Msg) { r.mu.Lock(); r.msgs = append(r.msgs, m); r.mu.Unlock() }

func (r *received) all() []tea.Msg {
	r.mu.Lock()
	defer r.mu.Unlock()
	return append([]tea.Msg(nil), r.msgs...)
}

// keys renders what arrived as key strings ("a", "enter", "up", ...) and
// pastes as paste(...).
func (r *received) keys() string {
	var out []string
	for _, m := range r.all() {
		switch m := m.(type) {
		case uv.KeyPressEvent:
			out = append(out, m.String())
		case uv.PasteEvent:
			out = append(out, "paste("+m.Content+")")
		}
	}
	return strings.Join(out, " ")
}

func TestInputBurstArrivesAsKeysInOrder(t *testing.T) {
	// People type fast: text, Enter, text, Enter in one write.
	var r received
	in := NewInput(r.send)
	in.take([]byte("Ada\rhi\r\x1b[A\x1b[B"))
	if got, want := r.keys(), "A d a enter h i enter up down"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}

func TestInputSequenceSplitAcrossReads(t *testing.T) {
	var r received
	in := NewInput(r.send)
	in.take([]byte("x\x1b"))
	in.take([]byte("[A"))
	if got, want := r.keys(), "x up"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}

func TestInputLoneEscapeIsEscapeAfterTheTimeout(t *testing.T) {
	var r received
	in := NewInput(r.send)
	in.take([]byte{0x1b})
	if got := r.keys(); got != "" {
		t.Fatalf("a lone escape was taken at once as %q; it may begin a sequence", got)
	}
	deadline := time.Now().Add(5 * time.Second)
	for r.keys() == "" && time.Now().Before(deadline) {
		time.Sleep(5 * time.Millisecond)
	}
	if got := r.keys(); got != "esc" {
		t.Errorf("got %q after the timeout, want esc", got)
	}
}

func TestInputPasteArrivesWhole(t *testing.T) {
	var r received
	in := NewInput(r.send)
	in.take([]byte("\x1b[200~line one\rline two\x1b[201~z"))
	if got, want := r.keys(), "paste(line one\rline two) z"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}

func TestInputLimits(t *testing.T) {
	// A paste past maxPaste is cut; an escape sequence that never ends is
	// not buffered past maxPending.
	var r received
	in := NewInput(r.send)
	in.take([]byte("\x1b[200~"))
	chunk := []byte(strings.Repeat("x", 1000))
	for range 2 * maxPaste / len(chunk) {
		in.take(chunk)
	}
	in.take([]byte("\x1b[201~"))
	msgs := r.all()
	if len(msgs) != 1 {
		t.Fatalf("got %d messages, want one paste", len(msgs))
	}
	if p := msgs[0].(uv.PasteEvent); len(p.Content) != maxPaste {
		t.Errorf("paste of %d bytes, want it cut at %d", len(p.Content), maxPaste)
	}
	in.take([]byte("\x1b]11;"))
	for range 3 * maxPending / len(chunk) {
		in.take(chunk)
		if n := len(in.pending); n > maxPending+len(chunk) {
			t.Fatalf("%d bytes pending, want at most %d", n, maxPending+len(chunk))
		}
	}
}

// FuzzInput: any bytes, in any split, send only events and never keep more
// than maxPending undecoded.
func FuzzInput(f *testing.F) {
	for _, s := range []string{"abc\r", "\x1b[A", "\x1b[200~x\x1b[201~", "\x1b]11;rgb:0000/0000/0000\x07", "\x1b", "\x1bO", "\xff\xfe", "\x1b[<0;1;2M"} {
		f.Add([]byte(s), uint8(1))
	}
	f.Fuzz(func(t *testing.T, data []byte, split uint8) {
		var r received
		in := NewInput(r.send)
		defer in.expire.Stop()
		step := int(split%16) + 1
		for i := 0; i < len(data); i += step {
			in.take(data[i:min(i+step, len(data))])
			if len(in.pending) > maxPending+step {
				t.Fatalf("%d bytes pending", len(in.pending))
			}
		}
		in.expired()
		if len(in.pending) != 0 {
			t.Fatalf("%q left undecoded after the timeout", in.pending)
		}
	})
}

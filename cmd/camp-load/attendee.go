package main

import (
	"bytes"
	"context"
	"io"
	"math/rand/v2"
	"sync"
	"sync/atomic"
	"time"

	gossh "golang.org/x/crypto/ssh"
)

// attendee is one simulated person: a key, a joined name and, once arrived,
// one terminal session whose output is scanned as it comes in.
//
// The output is not drawn into a virtual terminal: at 1,000 sessions on the
// server's own two cores that would measure the load tool. Instead each
// session looks for text that only one frame can contain, in the raw bytes:
// its own name (the status bar of the first frame with data) and the
// marker of the current broadcast. Bubble Tea's renderer writes a changed
// run of cells in one piece, and the tool chooses texts that do not trip its
// optimisations: no spaces (erased with ECH rather than written), no digits
// (the countdown), and with TERM=xterm-256color no REP.
type attendee struct {
	idx    int
	name   string
	needle []byte // what of the name must show
	key    gossh.Signer

	mu     sync.Mutex
	client *gossh.Client
	sess   *gossh.Session
	stdin  io.WriteCloser

	dialedAt   time.Time
	firstFrame atomic.Int64  // unix nanoseconds; 0 until the name shows
	first      chan struct{} // closed at the first frame
	seenRound  atomic.Int64  // the last broadcast round seen
	received   atomic.Int64  // bytes of output
}

// broadcast is the organiser's announcement being waited for.
type broadcast struct {
	round    int64
	needle   []byte
	arrivals []atomic.Int64 // unix nanoseconds, by attendee index
	seen     atomic.Int64   // how many attendees saw it
	all      chan struct{}  // closed when want attendees saw it
	want     int64
}

func newBroadcast(round int64, marker string, attendees, want int) *broadcast {
	return &broadcast{round: round, needle: []byte(markerNeedle(marker)), arrivals: make([]atomic.Int64, attendees),
		want: int64(want), all: make(chan struct{})}
}

func (b *broadcast) saw(idx int, at time.Time) {
	b.arrivals[idx].Store(at.UnixNano())
	if b.seen.Add(1) == b.want {
		close(b.all)
	}
}

// Texts that identify one frame. Letters only, so no countdown digit and
// no space can interrupt them; consonants, so no English word on the
// screen matches by chance.
const markerLetters = "BCDFGHJKLMNPQRSTVWXZ"

// markerLen is the length of an announcement marker; the middle of it is
// what sessions look for, so a first or last letter that happens to equal
// the cell it replaces (and so is not rewritten) cannot hide it.
const markerLen = 16

func markerNeedle(marker string) string { return marker[2 : len(marker)-2] }

// nextMarker returns a marker that differs from prev at every position, so
// the renderer's line diff rewrites all of it.
func nextMarker(r *rand.Rand, prev string) string {
	b := make([]byte, markerLen)
	for i := range b {
		for {
			b[i] = markerLetters[r.IntN(len(markerLetters))]
			if prev == "" || b[i] != prev[i] {
				break
			}
		}
	}
	return string(b)
}

// attendeeName is a unique display name made of letters: a run tag (so
// runs against one server do not collide) and the index in base 26.
func attendeeName(tag string, idx int) string {
	digits := []byte{'a', 'a', 'a'}
	for i := len(digits) - 1; i >= 0 && idx > 0; i-- {
		digits[i] = byte('a' + idx%26)
		idx /= 26
	}
	return "Load" + tag + "x" + string(digits)
}

// scanner looks for the texts in a session's output as it arrives.
type scanner struct {
	a       *attendee
	current *atomic.Pointer[broadcast]
	answer  func([]byte) // writes to the session's input
	tail    []byte       // the end of the previous read, for texts split across reads
	joined  []byte
}

// oscBackgroundQuery is Bubble Tea asking for the terminal's background
// colour. Most terminals answer it; with --answer-queries the simulated one
// does too. By default it does not, like a terminal (or a pipe) that never
// answers: the worst case for a first frame that waits for the answer.
var (
	oscBackgroundQuery  = []byte("\x1b]11;?")
	oscBackgroundAnswer = []byte("\x1b]11;rgb:0000/0000/0000\x07")
)

const tailLen = 64

func (s *scanner) run(r io.Reader) {
	buf := make([]byte, 8<<10)
	for {
		n, err := r.Read(buf)
		if n > 0 {
			s.scan(buf[:n], time.Now())
		}
		if err != nil {
			return
		}
	}
}

func (s *scanner) scan(chunk []byte, now time.Time) {
	a := s.a
	a.received.Add(int64(len(chunk)))
	if a.firstFrame.Load() == 0 && s.contains(chunk, a.needle) {
		a.firstFrame.Store(now.UnixNano())
		close(a.first)
	}
	if b := s.current.Load(); b != nil && a.seenRound.Load() < b.round && s.contains(chunk, b.needle) {
		a.seenRound.Store(b.round)
		b.saw(a.idx, now)
	}
	if s.answer != nil && s.contains(chunk, oscBackgroundQuery) {
		s.answer(oscBackgroundAnswer)
	}
	if len(chunk) >= tailLen {
		s.tail = append(s.tail[:0], chunk[len(chunk)-tailLen:]...)
	} else {
		s.tail = append(s.tail, chunk...)
		if len(s.tail) > tailLen {
			s.tail = s.tail[len(s.tail)-tailLen:]
		}
	}
}

// contains looks for needle in chunk, or straddling the previous read and
// this one.
func (s *scanner) contains(chunk, needle []byte) bool {
	if bytes.Contains(chunk, needle) {
		return true
	}
	if len(s.tail) == 0 {
		return false
	}
	s.joined = append(append(s.joined[:0], s.tail...), chunk[:min(len(chunk), len(needle)-1)]...)
	return bytes.Contains(s.joined, needle)
}

// arrive connects, opens a terminal session and starts scanning its output.
// It returns once the shell is started; the first frame is awaited apart.
func (a *attendee) arrive(ctx context.Context, addr string, cfg config, current *atomic.Pointer[broadcast]) error {
	a.dialedAt = time.Now()
	client, err := dial(ctx, addr, clientConfig("attendee", a.key, cfg.timeout))
	if err != nil {
		return err
	}
	sess, err := client.NewSession()
	if err != nil {
		client.Close()
		return err
	}
	a.mu.Lock()
	a.client, a.sess = client, sess
	a.mu.Unlock()
	if err := sess.RequestPty("xterm-256color", cfg.height, cfg.width, gossh.TerminalModes{}); err != nil {
		return err
	}
	out, err := sess.StdoutPipe()
	if err != nil {
		return err
	}
	sess.Stderr = io.Discard
	stdin, err := sess.StdinPipe()
	if err != nil {
		return err
	}
	a.mu.Lock()
	a.stdin = stdin
	a.mu.Unlock()
	go newScanner(a, current, stdin, cfg.answerQueries).run(out)
	return sess.Shell()
}

// newScanner scans a session's output for a, answering the terminal's
// queries on stdin only when answerQueries is set.
func newScanner(a *attendee, current *atomic.Pointer[broadcast], stdin io.Writer, answerQueries bool) *scanner {
	sc := &scanner{a: a, current: current}
	if answerQueries {
		sc.answer = func(p []byte) { go stdin.Write(p) }
	}
	return sc
}

// press types keys into the session.
func (a *attendee) press(keys string) error {
	a.mu.Lock()
	in := a.stdin
	a.mu.Unlock()
	if in == nil {
		return nil
	}
	_, err := in.Write([]byte(keys))
	return err
}

// leave closes the session and the connection.
func (a *attendee) leave() {
	a.mu.Lock()
	defer a.mu.Unlock()
	if a.sess != nil {
		a.sess.Close()
	}
	if a.client != nil {
		a.client.Close()
	}
	a.sess, a.client, a.stdin = nil, nil, nil
}

func (a *attendee) connection() *gossh.Client {
	a.mu.Lock()
	defer a.mu.Unlock()
	return a.client
}

// connectLatency is dial to first frame, if the first frame came.
func (a *attendee) connectLatency() (time.Duration, bool) {
	at := a.firstFrame.Load()
	if at == 0 || a.dialedAt.IsZero() {
		return 0, false
	}
	return time.Unix(0, at).Sub(a.dialedAt), true
}

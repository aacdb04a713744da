package linemode

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"strings"
	"sync"
	"time"
	"unicode/utf8"
)

// DefaultMaxLine bounds a typed line, as the SSH layer bounds a command line.
const DefaultMaxLine = 4096

// SessionConfig is one line-mode conversation.
type SessionConfig struct {
	Watch Config
	Zone  *time.Location
	In    io.Reader
	Out   io.Writer
	// Terminal says the client's terminal is raw (ssh -t, a PTY): what is
	// typed is echoed back, backspace erases, lines end with CR LF.
	// Without it the client edits the line itself and sends it whole.
	Terminal bool
	// Run runs one typed command line through the command tree, printing
	// its output and errors to out, and returns its exit code.
	Run     func(ctx context.Context, line string, out io.Writer) int
	MaxLine int // 0: DefaultMaxLine
	// Intro, if set, is said after the greeting (e.g. how to join).
	Intro  string
	Limits Limits
}

// greeting is the first line: how to use line mode.
const greeting = "Line mode. Events arrive as lines. Type a command and press Enter: help lists them, now says what is on, quit leaves."

// RunSession speaks the day as lines and runs what is typed, until the
// person quits, the input ends on a terminal, or ctx ends. Nothing is ever
// redrawn and no escape sequence is sent.
func RunSession(ctx context.Context, cfg SessionConfig) error {
	if cfg.MaxLine <= 0 {
		cfg.MaxLine = DefaultMaxLine
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	s := &session{cfg: cfg}
	s.println(greeting)
	if cfg.Intro != "" {
		s.println(cfg.Intro)
	}
	box := NewOutbox(cfg.Limits.OutboxSize, cfg.Limits.MaxWait, cfg.Watch.Clock)
	watchErr := make(chan error, 1)
	go func() { watchErr <- NewWatcher(cfg.Watch).Run(ctx, box.Put) }()
	events := make(chan Event)
	go func() {
		for {
			ev, ok := box.Next(ctx)
			if !ok {
				return
			}
			select {
			case events <- ev:
			case <-ctx.Done():
				return
			}
		}
	}()
	lines := make(chan string)
	inputDone := make(chan struct{})
	go func() {
		defer close(inputDone)
		s.readLines(ctx, lines)
	}()
	for {
		select {
		case <-ctx.Done():
			return nil
		case err := <-watchErr:
			if err != nil {
				s.println("camp: cannot follow the day: " + err.Error())
			}
			return err
		case ev := <-events:
			if text := Text(ev, cfg.Zone); text != "" {
				s.event(text)
			}
		case l := <-lines:
			if !s.command(ctx, l) {
				return nil
			}
		case <-inputDone:
			if cfg.Terminal {
				return nil // the terminal has gone
			}
			inputDone = nil // input ended (ssh -T ... </dev/null): go on speaking until hang-up
		}
	}
}

type session struct {
	cfg SessionConfig

	mu      sync.Mutex // held while writing, and for the typed line
	typed   []byte     // what has been typed of the current line (terminal mode)
	failure error      // the first write that failed
}

func (s *session) write(text string) {
	if s.failure != nil {
		return
	}
	_, s.failure = io.WriteString(s.cfg.Out, Plain(text, s.cfg.Terminal))
}

func (s *session) println(text string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.write(text + "\n")
}

// event prints an event's line; a half-typed line moves below it.
func (s *session) event(text string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if len(s.typed) > 0 && s.cfg.Terminal {
		s.write("\n" + text + "\n" + string(s.typed))
		return
	}
	s.write(text + "\n")
}

// command runs one typed line; false ends the session.
func (s *session) command(ctx context.Context, l string) bool {
	l = strings.TrimSpace(l)
	word, _, _ := strings.Cut(l, " ")
	switch word {
	case "":
		return true
	case "quit", "exit", "bye":
		s.println("Bye.")
		return false
	case "plain", "follow":
		s.println("You are in line mode already: events arrive as lines by themselves.")
		return true
	}
	var out bytes.Buffer
	s.cfg.Run(ctx, l, &out)
	text := strings.TrimRight(out.String(), "\n")
	if text == "" {
		text = "Done."
	}
	s.println(text)
	return true
}

// readLines reads what is typed, a line at a time, doing what a terminal's
// line discipline would (the client's terminal is raw over ssh -t): echo,
// backspace, Ctrl+U, Ctrl+C, Ctrl+D. Arrow keys and other escape sequences
// are swallowed. A line longer than MaxLine is refused whole.
func (s *session) readLines(ctx context.Context, lines chan<- string) {
	var (
		buf     [512]byte
		pending []byte // a rune split between reads
		esc     int    // 0: none; 1: after ESC; 2: inside CSI/SS3
		lastCR  bool
		over    bool
	)
	send := func(l string) bool {
		select {
		case lines <- l:
			return true
		case <-ctx.Done():
			return false
		}
	}
	for {
		n, err := s.cfg.In.Read(buf[:])
		data := append(pending, buf[:n]...)
		pending = nil
		for len(data) > 0 {
			c := data[0]
			switch {
			case esc == 1:
				esc = 0
				if c == '[' || c == 'O' {
					esc = 2
					data = data[1:]
					continue
				} // a lone Esc: the key after it is typed as usual
			case esc == 2:
				data = data[1:]
				if c >= 0x40 && c <= 0x7e {
					esc = 0
				}
				continue
			}
			if c >= 0x80 && !utf8.FullRune(data) {
				if err == nil {
					pending = append([]byte{}, data...)
				}
				data = nil
				break
			}
			r, size := rune(c), 1
			if c >= 0x80 {
				r, size = utf8.DecodeRune(data)
			}
			data = data[size:]
			cr := lastCR
			lastCR = r == '\r'
			switch r {
			case '\n', '\r':
				if r == '\n' && cr {
					continue // CR LF is one line end
				}
				l, wasOver := s.endLine(), over
				over = false
				if wasOver {
					s.println(fmt.Sprintf("camp: that line is longer than %d bytes and was not run; send long text with a command over ssh, with - in its place", s.cfg.MaxLine))
					continue
				}
				if !send(l) {
					return
				}
			case 0x7f, 0x08:
				s.erase(1)
			case 0x15: // Ctrl+U
				s.erase(-1)
			case 0x03: // Ctrl+C: forget the line
				s.endLine()
				over = false
			case 0x04: // Ctrl+D on an empty line: leave
				if s.typedLen() == 0 {
					send("quit")
					return
				}
			case 0x1b:
				esc = 1
			default:
				if !printable(r) {
					continue
				}
				if s.typedLen()+utf8.RuneLen(r) > s.cfg.MaxLine {
					over = true
					continue
				}
				s.typeRune(r)
			}
		}
		if err != nil {
			return
		}
	}
}

func (s *session) typedLen() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return len(s.typed)
}

func (s *session) typeRune(r rune) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.typed = utf8.AppendRune(s.typed, r)
	if s.cfg.Terminal {
		s.write(string(r))
	}
}

// erase removes n runes of the typed line (all of it for n < 0).
func (s *session) erase(n int) {
	s.mu.Lock()
	defer s.mu.Unlock()
	for n != 0 && len(s.typed) > 0 {
		_, size := utf8.DecodeLastRune(s.typed)
		s.typed = s.typed[:len(s.typed)-size]
		if s.cfg.Terminal && s.failure == nil {
			_, s.failure = io.WriteString(s.cfg.Out, "\b \b") // the one control we send: the client asked for it
		}
		n--
	}
}

// endLine takes the typed line and moves the echo to a new line.
func (s *session) endLine() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	l := string(s.typed)
	s.typed = s.typed[:0]
	if s.cfg.Terminal {
		s.write("\n")
	}
	return l
}

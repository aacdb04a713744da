// Package sshapp is the camp's SSH server: attendees join with a plain ssh
// client, no install. A session with a terminal gets the TUI; a command
// (`ssh HOST talks --json`) gets the command tree. Identity is the key the
// client proved it holds; everything else (names, user names) is just text.
package sshapp

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"sync"
	"sync/atomic"
	"time"

	"charm.land/ssh"
	"charm.land/wish/v2"

	"github.com/lightningcamp/camp/schedule"
	"github.com/lightningcamp/camp/tui/commands"
	"github.com/lightningcamp/camp/tui/linemode"
	"github.com/lightningcamp/camp/tui/sshapp/screen"
)

// Config is what the server needs from the camp and its organiser.
type Config struct {
	Addr        string // host:port; 127.0.0.1:2222 by default
	HostKeyPath string // created (mode 0600) if missing
	Limits      schedule.Limits
	// Conn bounds what one connection may ask of the server at the SSH
	// level (channels, environment, command line, resizes, guests).
	Conn ConnLimits
	// Organisers are the SHA256 fingerprints of the organisers' keys.
	Organisers map[string]bool
	Backend    commands.Backend
	Feed       schedule.Feed
	// Publish announces changes the server itself makes (who is online).
	Publish func(...schedule.Change)
	// Sessions records the terminal sessions for every process on the
	// database to see (who is online, and so who is in a room); nil: none.
	Sessions SessionBook
	Clock    schedule.Clock
	Logger   *slog.Logger
	// StallTimeout drops a session whose client has not read its output for
	// this long (default 30 s).
	StallTimeout time.Duration
	// Follow bounds what waits for a slow `follow` or line-mode client
	// (zero values: linemode's defaults, 1,000 events and 60 s).
	Follow linemode.Limits
	// ExportEvent and ExportMine back the `export` command.
	ExportEvent func(ctx context.Context, w io.Writer) error
	ExportMine  func(ctx context.Context, w io.Writer, personID int64) error
	// Rehearsal, if set, marks every screen as a rehearsal (tui.Deps.Rehearsal).
	Rehearsal string
}

// DefaultAddr is where attendees connect unless told otherwise. Loopback:
// exposing the camp to the world is the organiser's explicit choice.
const DefaultAddr = "127.0.0.1:2222"

// Server is a running camp SSH server.
type Server struct {
	cfg      Config
	ssh      *ssh.Server
	registry *registry
	backend  commands.Backend // the camp: it rate-limits every write itself
	started  time.Time
	mu       sync.Mutex
	ln       net.Listener
	tuis     tuiSessions      // what the terminal sessions share (tui.go)
	stopping stopSignal       // closed by Goodbye (goodbye.go)
	resizes  atomic.Int64     // terminal resizes applied, by all sessions
	watchdog *screen.Watchdog // drops clients that stop reading, for every session
	clock    *metronome       // ticks every session's countdown (metronome.go)
}

// New builds the server; Listen then Serve starts it.
func New(cfg Config) (*Server, error) {
	if cfg.Backend == nil || cfg.Feed == nil || cfg.Clock == nil {
		return nil, errors.New("sshapp: Config needs Backend, Feed and Clock")
	}
	if cfg.Addr == "" {
		cfg.Addr = DefaultAddr
	}
	if cfg.Logger == nil {
		cfg.Logger = slog.New(slog.DiscardHandler)
	}
	if cfg.Publish == nil {
		cfg.Publish = func(...schedule.Change) {}
	}
	if cfg.StallTimeout <= 0 {
		cfg.StallTimeout = 30 * time.Second
	}
	cfg.Conn = cfg.Conn.withDefaults()
	s := &Server{cfg: cfg, registry: newRegistry(), started: time.Now(), watchdog: screen.NewWatchdog(cfg.StallTimeout), clock: newMetronome(cfg.Clock)}
	s.backend = cfg.Backend
	s.tuis.log = cfg.Logger
	srv, err := wish.NewServer(
		wish.WithAddress(cfg.Addr),
		wish.WithHostKeyPath(cfg.HostKeyPath),
		wish.WithPublicKeyAuth(acceptAnyKey),
		wish.WithKeyboardInteractiveAuth(acceptGuest),
		wish.WithIdleTimeout(cfg.Limits.IdleTimeout),
		wish.WithMaxTimeout(cfg.Limits.MaxSession),
		wish.WithVersion("SSH-2.0-camp"),
	)
	if err != nil {
		return nil, fmt.Errorf("ssh server: %w", err)
	}
	srv.ServerConfigCallback = guestWithoutAuth
	srv.HandshakeTimeout = cfg.Limits.HandshakeTimeout
	srv.ConnCallback = trackConn
	srv.ChannelHandlers = map[string]ssh.ChannelHandler{"session": s.sessionChannel} // and no other kind
	srv.Handler = s.handle
	s.ssh = srv
	return s, nil
}

// Listen opens the listener now, so callers learn of a busy port before
// they start serving.
func (s *Server) Listen() error {
	ln, err := net.Listen("tcp", s.cfg.Addr)
	if err != nil {
		return fmt.Errorf("cannot listen on %s: %w (is another camp running? use --listen)", s.cfg.Addr, err)
	}
	s.setListener(ln)
	return nil
}

func (s *Server) setListener(ln net.Listener) {
	s.mu.Lock()
	s.ln = ln
	s.mu.Unlock()
}

func (s *Server) listener() net.Listener {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.ln
}

// Serve serves connections from ln (or the one Listen opened, if ln is nil).
func (s *Server) Serve(ln net.Listener) error {
	if ln == nil {
		ln = s.listener()
	} else {
		s.setListener(ln)
	}
	err := s.ssh.Serve(ln)
	if errors.Is(err, ssh.ErrServerClosed) {
		return nil
	}
	return err
}

// Addr is the address the server listens on (useful with port 0).
func (s *Server) Addr() string {
	if ln := s.listener(); ln != nil {
		return ln.Addr().String()
	}
	return s.cfg.Addr
}

// Close stops the server and ends every session.
func (s *Server) Close() error { return s.ssh.Close() }

// Shutdown stops accepting connections and waits for sessions to end, or
// for ctx to be done.
func (s *Server) Shutdown(ctx context.Context) error { return s.ssh.Shutdown(ctx) }

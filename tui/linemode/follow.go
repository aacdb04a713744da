package linemode

import (
	"context"
	"io"
	"time"
)

// FollowConfig is one `follow` client.
type FollowConfig struct {
	Watch  Config
	Zone   *time.Location // for text lines
	Out    io.Writer
	JSON   bool // newline-delimited JSON instead of text lines
	CRLF   bool // the client's terminal is raw (ssh -t): end lines with CR LF
	Limits Limits
	// Keys, if set, is a raw terminal's input (ssh -t): Ctrl+C, Ctrl+D or
	// q there ends the stream, since the terminal sends them as bytes
	// rather than stopping ssh.
	Keys io.Reader
}

// Follow streams events to cfg.Out until ctx ends or a write fails. The
// Watcher never waits for the client: a client that stops reading loses
// its own events, and is told so by a gap event, while everyone else's go on.
func Follow(ctx context.Context, cfg FollowConfig) error {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	if cfg.Keys != nil {
		go quitOnKey(cfg.Keys, cancel)
	}
	box := NewOutbox(cfg.Limits.OutboxSize, cfg.Limits.MaxWait, cfg.Watch.Clock)
	watchErr := make(chan error, 1)
	go func() {
		watchErr <- NewWatcher(cfg.Watch).Run(ctx, box.Put)
		cancel()
	}()
	for {
		ev, ok := box.Next(ctx)
		if !ok {
			break
		}
		if err := writeEvent(cfg, ev); err != nil {
			cancel()
			break
		}
	}
	cancel()
	return <-watchErr
}

func writeEvent(cfg FollowConfig, ev Event) error {
	if cfg.JSON {
		b, err := JSON(ev)
		if err != nil {
			return err
		}
		end := "\n"
		if cfg.CRLF {
			end = "\r\n"
		}
		_, err = cfg.Out.Write(append(b, end...))
		return err
	}
	text := Text(ev, cfg.Zone)
	if text == "" {
		return nil
	}
	_, err := io.WriteString(cfg.Out, Plain(text+"\n", cfg.CRLF))
	return err
}

// quitOnKey calls quit when r brings Ctrl+C, Ctrl+D or q, or ends.
func quitOnKey(r io.Reader, quit func()) {
	defer quit()
	buf := make([]byte, 64)
	for {
		n, err := r.Read(buf)
		for _, b := range buf[:n] {
			if b == 0x03 || b == 0x04 || b == 'q' {
				return
			}
		}
		if err != nil {
			return
		}
	}
}

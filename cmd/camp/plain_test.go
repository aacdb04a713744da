package main

import (
	"bytes"
	"context"
	"io"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/lightningcamp/camp/schedule"
)

type lockedBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (l *lockedBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *lockedBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

// TestConsoleInLineMode: `camp --plain` is the organiser's console as
// lines: what is on, events as they happen, and the command tree at a
// prompt, with no escape sequence. (TERM=dumb gets it without the flag
// when standard input is a terminal, which a test cannot give it.)
func TestConsoleInLineMode(t *testing.T) {
	for _, c := range []struct {
		name string
		args []string
		env  map[string]string
	}{
		{"flag", []string{"--plain"}, map[string]string{}},
	} {
		t.Run(c.name, func(t *testing.T) {
			c.env["CAMP_DATA"] = t.TempDir()
			in, typed := io.Pipe()
			out := &lockedBuffer{}
			m := &Main{Stdin: in, Stdout: out, Stderr: out, Getenv: func(k string) string { return c.env[k] },
				Clock: schedule.NewManualClock(time.Date(2026, 3, 28, 10, 2, 0, 0, time.UTC))}
			done := make(chan int, 1)
			go func() { done <- m.Run(context.Background(), append(c.args, "--listen", "127.0.0.1:0")) }()
			waitFor := func(want string) {
				t.Helper()
				deadline := time.Now().Add(10 * time.Second)
				for !strings.Contains(out.String(), want) {
					if time.Now().After(deadline) {
						t.Fatalf("no %q within 10 s:\n%s", want, out.String())
					}
					time.Sleep(10 * time.Millisecond)
				}
			}
			waitFor("10:02 GMT  Now: Lightning talks I, until 10:45.")
			io.WriteString(typed, "rooms --plain\n")
			waitFor("Next in the breakout rooms: Open space I, slot 1")
			io.WriteString(typed, "announce 'Open space at 11:00'\n")
			waitFor("10:02 GMT  Announcement from Organiser: Open space at 11:00\n")
			io.WriteString(typed, "quit\n")
			select {
			case code := <-done:
				if code != 0 {
					t.Errorf("exit %d:\n%s", code, out.String())
				}
			case <-time.After(10 * time.Second):
				t.Fatal("quit did not end the console")
			}
			if strings.ContainsAny(out.String(), "\x1b\r") {
				t.Errorf("escape or CR in line mode:\n%q", out.String())
			}
		})
	}
}

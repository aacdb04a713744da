package sshapp

import (
	"fmt"
	"io"
	"os"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/colorprofile"
)

// BenchmarkLineRenderer is one session's countdown second: a frame in
// which the header and the big countdown changed, encoded for an
// xterm-256color terminal. "first" is the first session to draw that
// second (nothing shared yet); "others" are the rest, which find the
// changed lines already encoded.
func BenchmarkLineRenderer(b *testing.B) {
	frames := countdownFrames(b, "../testdata/TestViews/attendee_now_80x24.golden", 60)
	for _, c := range []struct {
		name   string
		shared bool
	}{{"first", false}, {"others", true}} {
		b.Run("80x24/"+c.name, func(b *testing.B) {
			r := newLineRenderer(io.Discard, colorprofile.ANSI256, 80, 24)
			b.ReportAllocs()
			for i := 0; b.Loop(); i++ {
				if !c.shared {
					encodedLines.forget()
				}
				r.show(tea.NewView(frames[i%len(frames)]))
				if err := r.draw(); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// countdownFrames turns a golden Now view into n styled frames, one per
// second of a countdown: the first line (the header's timer) and the
// countdown's four lines change each second, as on the day.
func countdownFrames(tb testing.TB, golden string, n int) []string {
	tb.Helper()
	raw, err := os.ReadFile(golden)
	if err != nil {
		tb.Fatal(err)
	}
	text := lipgloss.NewStyle().Foreground(lipgloss.Color("#c0caf5"))
	live := lipgloss.NewStyle().Foreground(lipgloss.Color("#ff9e64")).Bold(true)
	lines := strings.Split(strings.TrimRight(string(raw), "\n"), "\n")
	var frames []string
	for sec := range n {
		styled := make([]string, len(lines))
		for i, l := range lines {
			left := fmt.Sprintf("%d:%02d", 4-sec/60, 59-sec%60)
			switch {
			case i == 0 || i == 10: // "LIVE 3:00 left", "3:00 left of 5:00"
				styled[i] = live.Render(strings.Replace(l, "3:00", left, 1))
			case i >= 7 && i <= 9: // the big digits
				styled[i] = live.Render(strings.Replace(l, "█", "▀", 1+sec%3))
			default:
				styled[i] = text.Render(l)
			}
		}
		frames = append(frames, strings.Join(styled, "\n"))
	}
	return frames
}

// forget empties the memo (benchmarks only).
func (l *lineMemo) forget() {
	l.mu.Lock()
	clear(l.items)
	l.mu.Unlock()
}

// BenchmarkCommandLine is reading the longest command line the server
// accepts (ConnLimits.CommandBytes) when it is one quoted word, the worst
// case for the splitter, which is quadratic in a word's length; and a
// 250 KB line, refused before it is split.
func BenchmarkCommandLine(b *testing.B) {
	s := &Server{cfg: Config{Conn: DefaultConnLimits()}}
	most := s.cfg.Conn.CommandBytes
	for _, c := range []struct {
		name  string
		bytes int
		ok    bool
	}{{"4KiB_one_word", most, true}, {"250KB_refused", 250_000, false}} {
		line := "notes add talk:1 '" + strings.Repeat("a", c.bytes-len("notes add talk:1 ''")) + "'"
		b.Run(c.name, func(b *testing.B) {
			for b.Loop() {
				if _, err := s.commandLine(line); (err == nil) != c.ok {
					b.Fatal(err)
				}
			}
		})
	}
}

package sshapp

import (
	"strings"
	"testing"
)

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

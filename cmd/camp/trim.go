package main

import (
	"io"
	"os"
)

// trimmedLines passes text on without the spaces at the end of its lines:
// fang pads help to a width, and a line that ends in spaces is noise in a
// file, a diff or a terminal that shows them. Spaces (and the colour codes
// among them) are held back until something visible follows them; at a
// line's end the spaces are dropped and the codes kept.
type trimmedLines struct {
	w       io.Writer
	pending []byte
	esc     int // 0: text; 1: after ESC; 2: in a CSI sequence
}

func (t *trimmedLines) Write(p []byte) (int, error) {
	out := make([]byte, 0, len(p)+len(t.pending))
	for _, b := range p {
		switch {
		case t.esc == 1:
			t.pending = append(t.pending, b)
			t.esc = 0
			if b == '[' {
				t.esc = 2
			}
		case t.esc == 2:
			t.pending = append(t.pending, b)
			if b >= 0x40 && b <= 0x7e {
				t.esc = 0
			}
		case b == 0x1b:
			t.pending = append(t.pending, b)
			t.esc = 1
		case b == ' ':
			t.pending = append(t.pending, b)
		case b == '\n':
			for _, c := range t.pending {
				if c != ' ' {
					out = append(out, c)
				}
			}
			t.pending = t.pending[:0]
			out = append(out, b)
		default:
			out = append(append(out, t.pending...), b)
			t.pending = t.pending[:0]
		}
	}
	if _, err := t.w.Write(out); err != nil {
		return 0, err
	}
	return len(p), nil
}

// trimmedFile is trimmedLines over a file that is still the file for
// everything else (its descriptor), so colour detection sees the terminal.
type trimmedFile struct {
	*os.File
	lines *trimmedLines
}

func (t trimmedFile) Write(p []byte) (int, error) { return t.lines.Write(p) }

// trimmed wraps w so that its lines lose their trailing spaces.
func trimmed(w io.Writer) io.Writer {
	if f, ok := w.(*os.File); ok {
		return trimmedFile{File: f, lines: &trimmedLines{w: f}}
	}
	return &trimmedLines{w: w}
}

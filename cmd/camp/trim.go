package main

import "io"

// trimmedLines passes text on without the spaces at the end of its lines:
// fang pads help to a width, and a line that ends in spaces is noise in a
// file, a diff or a terminal that shows them. Spaces are held back until
// something other than a line end follows them.
type trimmedLines struct {
	w      io.Writer
	spaces int
}

func (t *trimmedLines) Write(p []byte) (int, error) {
	out := make([]byte, 0, len(p))
	for _, b := range p {
		switch b {
		case ' ':
			t.spaces++
			continue
		case '\n':
			t.spaces = 0
		default:
			for ; t.spaces > 0; t.spaces-- {
				out = append(out, ' ')
			}
		}
		out = append(out, b)
	}
	if _, err := t.w.Write(out); err != nil {
		return 0, err
	}
	return len(p), nil
}

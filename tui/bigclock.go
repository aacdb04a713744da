package tui

import "strings"

// bigGlyphs is a three-row font for the talk countdown, drawn with block
// characters so that it reads from across a room and needs no colour.
var bigGlyphs = map[rune][3]string{
	'0': {"█▀█", "█ █", "▀▀▀"},
	'1': {" ▀█", "  █", "  ▀"},
	'2': {"▀▀█", "█▀▀", "▀▀▀"},
	'3': {"▀▀█", " ▀█", "▀▀▀"},
	'4': {"█ █", "▀▀█", "  ▀"},
	'5': {"█▀▀", "▀▀█", "▀▀▀"},
	'6': {"█▀▀", "█▀█", "▀▀▀"},
	'7': {"▀▀█", "  █", "  ▀"},
	'8': {"█▀█", "█▀█", "▀▀▀"},
	'9': {"█▀█", "▀▀█", "▀▀▀"},
	':': {" ", "▀", "▀"},
	'-': {"   ", "▀▀▀", "   "},
}

// bigText renders s in the big font, each cell repeated scale times across
// and down, so large terminals get a larger countdown from the same font.
func bigText(s string, scale int) []string {
	scale = max(scale, 1)
	var rows [3]strings.Builder
	for i, r := range s {
		g, ok := bigGlyphs[r]
		if !ok {
			continue
		}
		for row := range rows {
			if i > 0 {
				rows[row].WriteString(strings.Repeat(" ", scale))
			}
			for _, c := range g[row] {
				rows[row].WriteString(strings.Repeat(string(c), scale))
			}
		}
	}
	out := make([]string, 0, 3*scale)
	for row := range rows {
		for range scale {
			out = append(out, rows[row].String())
		}
	}
	return out
}

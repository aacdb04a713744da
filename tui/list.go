package tui

import (
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
)

// picker is a list cursor that remembers the item, not the row: when a
// reload inserts, removes or reorders rows, the same item stays selected.
// If the item is gone, the cursor stays at the same row number.
type picker struct {
	id    int64
	index int
	// want is an item to select whenever it is listed (after an undo, say),
	// until the person moves the cursor: a read that started before the
	// write can still arrive without it, and must not lose it for good.
	want int64
}

// sync finds the remembered item among ids.
func (p *picker) sync(ids []int64) {
	if p.want != 0 {
		for i, id := range ids {
			if id == p.want {
				p.id, p.index = id, i
				return
			}
		}
	}
	for i, id := range ids {
		if id == p.id {
			p.index = i
			return
		}
	}
	p.clamp(ids)
}

func (p *picker) clamp(ids []int64) {
	if len(ids) == 0 {
		p.index, p.id = 0, 0
		return
	}
	p.index = min(max(p.index, 0), len(ids)-1)
	p.id = ids[p.index]
}

// move shifts the cursor by delta rows.
func (p *picker) move(ids []int64, delta int) {
	p.want = 0 // the person has moved on
	p.index += delta
	p.clamp(ids)
}

// await selects id once it is listed: now, or after the reload that the
// write being made will bring.
func (p *picker) await(ids []int64, id int64) {
	p.want = id
	p.sync(ids)
}

// navigate applies the shared list keys (up, down, page, first, last) and
// reports whether k was one of them. page is the visible height.
func (p *picker) navigate(keys KeyMap, k tea.KeyPressMsg, ids []int64, page int) bool {
	switch {
	case key.Matches(k, keys.Up):
		p.move(ids, -1)
	case key.Matches(k, keys.Down):
		p.move(ids, 1)
	case key.Matches(k, keys.PageUp):
		p.move(ids, -max(page, 1))
	case key.Matches(k, keys.PageDown):
		p.move(ids, max(page, 1))
	case key.Matches(k, keys.Top):
		p.move(ids, -len(ids))
	case key.Matches(k, keys.End):
		p.move(ids, len(ids))
	default:
		return false
	}
	return true
}

// window is the first and last+1 row to show so that the cursor is visible,
// keeping it near the middle. It needs no state, so every frame of the same
// data looks the same.
func window(total, cursor, rows int) (start, end int) {
	if rows <= 0 || total == 0 {
		return 0, 0
	}
	start = min(max(cursor-rows/2, 0), max(total-rows, 0))
	return start, min(start+rows, total)
}

// columns lays out fixed-width cells of one row, truncating each so that at
// least one space separates it from the next; the last cell takes what is
// left.
func columns(width int, cells []string, widths []int) string {
	var b strings.Builder
	used := 0
	for i, c := range cells {
		w := width - used
		last := i == len(cells)-1
		if !last && i < len(widths) && widths[i] < w {
			w = widths[i]
		}
		if w <= 0 {
			break
		}
		if last {
			b.WriteString(truncate(c, w))
			break
		}
		c = truncate(c, w-1)
		b.WriteString(c)
		b.WriteString(strings.Repeat(" ", w-cellWidth(c)))
		used += w
	}
	return b.String()
}

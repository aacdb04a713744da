package tui

import "sync"

// renderMemo keeps recent drawings of the parts of a frame that depend only
// on what they show, for every session in the process to reuse. At any
// second, the sessions watching a talk all draw the same countdown panel:
// one draws it, the others copy the string.
//
// A key must name everything the drawing depends on, styles included (they
// depend only on whether the background is dark). The memo forgets
// everything once it holds renderMemoMax drawings; it is a cache of the
// last seconds, not a store.
type renderMemo struct {
	mu    sync.Mutex
	items map[string]string
}

const renderMemoMax = 512

func (r *renderMemo) get(key string, draw func() string) string {
	r.mu.Lock()
	s, ok := r.items[key]
	r.mu.Unlock()
	if ok {
		return s
	}
	s = draw()
	r.mu.Lock()
	if r.items == nil || len(r.items) >= renderMemoMax {
		r.items = make(map[string]string, renderMemoMax)
	}
	r.items[key] = s
	r.mu.Unlock()
	return s
}

// Drawings shared by every session: countdown panels (see timerPanel),
// section headings, headers (the tabs and the running timer), the parts of
// the Now view that depend only on the time, the zone and shared reads,
// the rehearsal marker row, and the announcement banner.
var timerPanels, headings, headers, nowParts, markers, banners renderMemo

// lastDraw keeps one part of one session's frame with the key it was drawn
// for: the header, the status bar and the key help change far less often
// than the frame around them.
type lastDraw struct{ key, out string }

func (l *lastDraw) get(key string, draw func() string) string {
	if l.key != key || l.out == "" {
		l.key, l.out = key, draw()
	}
	return l.out
}

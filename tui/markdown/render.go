// Package markdown renders attendee Markdown (talk abstracts) for the
// console with bounded work: the text is cut and flattened first (Bound),
// glamour renders only as much of it as Budget allows (the rest is shown as
// plain text; see budget.go), renders run off the event loop, a few at a time process-wide, each with a
// deadline and a plain-text fallback, and results are cached process-wide, so
// a hundred sessions showing one abstract render it once.
//
// The one door is Render; Cached and Plain let a view draw at once while a
// render is under way.
package markdown

import (
	"context"
	"crypto/sha256"
	"errors"
	"strconv"
	"strings"
	"sync"
	"time"

	"charm.land/glamour/v2"
	glamourstyles "charm.land/glamour/v2/styles"
	"github.com/charmbracelet/x/ansi"
	lru "github.com/hashicorp/golang-lru/v2"
	"github.com/lightningcamp/camp/schedule/sanitize"
	"golang.org/x/sync/singleflight"
)

const (
	// Deadline is how long one render may take before the plain text is
	// shown (and cached) instead.
	Deadline = time.Second
	// Workers is how many renders run at once in the whole process.
	Workers = 2
	// CacheEntries bounds the process-wide cache: at most
	// CacheEntries × MaxOutputBytes (16 MiB), usually far less.
	CacheEntries = 256
)

// ErrTooDeep and ErrTooSlow say why Render returned plain text.
var (
	ErrTooDeep = errors.New("markdown: nested too deep to render; shown as plain text")
	ErrTooSlow = errors.New("markdown: render took too long; shown as plain text")
)

type key [sha256.Size]byte

func keyOf(text string, width int, style string) key {
	return sha256.Sum256([]byte(style + "\x00" + strconv.Itoa(width) + "\x00" + text))
}

var (
	cache, _ = lru.New[key, string](CacheEntries)
	flights  singleflight.Group
	workers  = make(chan struct{}, Workers)
)

// Cached returns the rendering of text at width in style if one is cached.
func Cached(text string, width int, style string) (string, bool) {
	return cache.Get(keyOf(text, clampWidth(width), style))
}

// Render returns text rendered as Markdown in the glamour standard style at
// width cells, without trailing blanks. It always returns something to show:
// on an error (too deep, too slow, ctx done, bad style) it is the plain text.
func Render(ctx context.Context, text string, width int, style string) (string, error) {
	width = clampWidth(width)
	k := keyOf(text, width, style)
	if out, ok := cache.Get(k); ok {
		return out, nil
	}
	ch := flights.DoChan(string(k[:]), func() (any, error) {
		return renderOnce(k, text, width, style)
	})
	select {
	case r := <-ch:
		return r.Val.(string), r.Err
	case <-ctx.Done():
		return Plain(text, width), ctx.Err()
	}
}

// renderOnce renders on a worker and caches the result, or the plain text if
// the render is refused or misses its deadline. A render that misses its
// deadline runs on (glamour cannot be stopped), holding its worker, and
// replaces the plain text in the cache when it ends.
func renderOnce(k key, text string, width int, style string) (string, error) {
	limit := deadline
	workers <- struct{}{}
	done := make(chan result, 1)
	go func() {
		defer func() { <-workers }()
		out, err := renderUncached(text, width, style)
		if err == nil || err == ErrTooDeep {
			cache.Add(k, out)
		}
		done <- result{out, err}
	}()
	timer := time.NewTimer(limit)
	defer timer.Stop()
	select {
	case r := <-done:
		return r.out, r.err
	case <-timer.C:
		out := Plain(text, width)
		cache.ContainsOrAdd(k, out)
		return out, ErrTooSlow
	}
}

// renderUncached bounds text and renders it, or returns the plain text and
// why not.
func renderUncached(text string, width int, style string) (string, error) {
	bounded := Bound(text)
	if nestedTooDeep(bounded) {
		return Plain(text, width), ErrTooDeep
	}
	head, tail := withinBudget(bounded)
	out, err := render(head, width, style)
	if err != nil {
		return Plain(text, width), err
	}
	if tail != "" {
		out = capOutput(strings.TrimLeft(strings.TrimRight(out, "\n")+"\n\n"+plainTail(tail, width, style), "\n"))
	}
	return out, nil
}

// plainTail is the text past the budget as plain text, indented like
// glamour's document margin in style so that it lines up with the head.
func plainTail(tail string, width int, style string) string {
	margin := 0
	if s, ok := glamourstyles.DefaultStyles[style]; ok && s.Document.Margin != nil {
		margin = int(*s.Document.Margin)
	}
	lines := strings.Split(Plain(tail, width-margin), "\n")
	for i, l := range lines {
		if l != "" {
			lines[i] = strings.Repeat(" ", margin) + l
		}
	}
	return strings.Join(lines, "\n")
}

// deadline and render are Deadline and glamourRender; tests replace them
// to reach the deadline without a slow machine.
var (
	deadline = Deadline
	render   = glamourRender
)

type result struct {
	out string
	err error
}

// renderers keeps glamour renderers per style and width: building one costs
// more than rendering a short abstract. A renderer is not safe for
// concurrent use, so each is taken out while it renders.
var renderers = struct {
	sync.Mutex
	free map[string][]*glamour.TermRenderer
}{free: map[string][]*glamour.TermRenderer{}}

func glamourRender(text string, width int, style string) (string, error) {
	rk := style + "|" + strconv.Itoa(width)
	renderers.Lock()
	var r *glamour.TermRenderer
	if free := renderers.free[rk]; len(free) > 0 {
		r, renderers.free[rk] = free[len(free)-1], free[:len(free)-1]
	}
	renderers.Unlock()
	if r == nil {
		var err error
		if r, err = glamour.NewTermRenderer(glamour.WithStandardStyle(style), glamour.WithWordWrap(width)); err != nil {
			return "", err
		}
	}
	out, err := r.Render(text)
	renderers.Lock()
	renderers.free[rk] = append(renderers.free[rk], r)
	renderers.Unlock()
	if err != nil {
		return "", err
	}
	return capOutput(trimLineEnds(strings.Trim(out, "\n"))), nil
}

// Plain is the fallback: the text bounded like Render's input, cleaned of
// anything but printable text, wrapped to width, unstyled.
func Plain(text string, width int) string {
	s := cutBytes(strings.ToValidUTF8(text, "\uFFFD"), MaxBytes)
	s = sanitize.Multiline(s, 0)
	lines := strings.SplitN(s, "\n", MaxLines+1)
	if len(lines) > MaxLines {
		lines = lines[:MaxLines]
	}
	return capOutput(trimLineEnds(ansi.Wrap(strings.Join(lines, "\n"), clampWidth(width), "")))
}

func clampWidth(w int) int {
	return min(max(w, 10), MaxWidth)
}

// capOutput keeps at most MaxOutputLines lines and MaxOutputBytes bytes,
// cutting only between lines so no escape sequence is split.
func capOutput(s string) string {
	lines := strings.SplitN(s, "\n", MaxOutputLines+1)
	if len(lines) > MaxOutputLines {
		lines = lines[:MaxOutputLines]
	}
	n := 0
	for i, l := range lines {
		if n += len(l) + 1; n > MaxOutputBytes {
			lines = lines[:i]
			break
		}
	}
	return strings.Join(lines, "\n")
}

// trimLineEnds drops the blanks glamour pads every line with (styled or
// not), so that the text sits in a pane without trailing blanks and the
// cache holds text, not padding. A line that lost a style sequence ends
// with a reset.
func trimLineEnds(s string) string {
	rows := strings.Split(s, "\n")
	for i, r := range rows {
		rows[i] = trimLineEnd(r)
	}
	return strings.Join(rows, "\n")
}

func trimLineEnd(r string) string {
	end, cut := 0, false
	for i := 0; i < len(r); {
		if r[i] == '\x1b' {
			j := i + 1
			if j < len(r) && r[j] == '[' {
				for j++; j < len(r) && (r[j] < 0x40 || r[j] > 0x7e); j++ {
				}
			}
			i = min(j+1, len(r))
			continue
		}
		if r[i] != ' ' {
			end = i + 1
		}
		i++
	}
	for _, c := range r[end:] {
		if c != ' ' {
			cut = true
			break
		}
	}
	if cut && end > 0 {
		return r[:end] + "\x1b[m"
	}
	return r[:end]
}

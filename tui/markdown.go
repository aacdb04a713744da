package tui

import (
	"strconv"
	"strings"

	"charm.land/glamour/v2"
	glamourstyles "charm.land/glamour/v2/styles"
	"github.com/charmbracelet/colorprofile"
)

// markdown renders abstracts with glamour. Building a renderer and rendering
// both cost far more than a frame may, so renderers are kept per style and
// width, and results per text, and a redraw of the same abstract is a map
// lookup.
type markdown struct {
	renderers map[string]*glamour.TermRenderer
	rendered  map[string]string
}

// markdownCacheSize bounds the cache; the console shows one abstract at a
// time, so a full reset now and then costs one render.
const markdownCacheSize = 256

func newMarkdown() *markdown {
	return &markdown{renderers: map[string]*glamour.TermRenderer{}, rendered: map[string]string{}}
}

func (md *markdown) reset() {
	clear(md.renderers)
	clear(md.rendered)
}

// markdownStyle is the glamour style for this session: forced by Options, or
// plain on colourless terminals, or dark/light by the background.
func (l *look) markdownStyle() string {
	switch {
	case l.mdStyle != "":
		return l.mdStyle
	case l.profile == colorprofile.NoTTY || l.profile == colorprofile.ASCII:
		return glamourstyles.NoTTYStyle
	case l.st.dark:
		return glamourstyles.DarkStyle
	}
	return glamourstyles.LightStyle
}

// render renders already sanitised Markdown text to width cells, in the
// session's style.
func (md *markdown) render(l *look, text string, width int) string {
	style := l.markdownStyle()
	rkey := style + "|" + strconv.Itoa(width)
	key := rkey + "|" + text
	if out, ok := md.rendered[key]; ok {
		return out
	}
	r, ok := md.renderers[rkey]
	if !ok {
		var err error
		r, err = glamour.NewTermRenderer(glamour.WithStandardStyle(style), glamour.WithWordWrap(width))
		if err != nil {
			return wrap(text, width)
		}
		md.renderers[rkey] = r
	}
	out, err := r.Render(text)
	if err != nil {
		out = wrap(text, width)
	}
	out = trimLineEnds(strings.Trim(out, "\n"))
	if len(md.rendered) >= markdownCacheSize {
		clear(md.rendered)
	}
	md.rendered[key] = out
	return out
}

// trimLineEnds drops the spaces glamour pads every line with, so that the
// text sits in a pane without trailing blanks.
func trimLineEnds(s string) string {
	rows := strings.Split(s, "\n")
	for i, r := range rows {
		rows[i] = strings.TrimRight(r, " ")
	}
	return strings.Join(rows, "\n")
}

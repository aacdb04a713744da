package tui

import (
	"context"

	tea "charm.land/bubbletea/v2"
	glamourstyles "charm.land/glamour/v2/styles"
	"github.com/charmbracelet/colorprofile"
	mdrender "github.com/lightningcamp/camp/tui/markdown"
)

// Abstracts are attendee Markdown: rendering one may cost far more than a
// frame may (issue 12), so a frame never renders. It shows the abstract as
// plain text and asks for a render; Update sends the request as a command,
// off the event loop, and the result arrives as a markdownMsg. The
// markdown package bounds the work and caches results for every session.
type markdown struct {
	shown  map[mdRequest]string // renders that arrived
	asked  map[mdRequest]bool   // renders under way
	wanted []mdRequest          // renders a frame asked for, not yet sent
}

type mdRequest struct {
	text, style string
	width       int
}

// markdownMsg brings finished renders back to the session.
type markdownMsg []mdResult

type mdResult struct {
	req mdRequest
	out string
}

// shownCacheSize bounds a session's own renders; the process-wide cache
// behind them keeps more.
const shownCacheSize = 64

func newMarkdown() *markdown {
	return &markdown{shown: map[mdRequest]string{}, asked: map[mdRequest]bool{}}
}

func (md *markdown) reset() {
	clear(md.shown)
}

func (md *markdown) keep(r mdResult) {
	if len(md.shown) >= shownCacheSize {
		clear(md.shown)
	}
	md.shown[r.req] = r.out
	delete(md.asked, r.req)
}

// markdownStyle is the glamour style for this session: forced by Options, or
// plain on colourless terminals, or dark/light by the background.
func (m *Model) markdownStyle() string {
	switch {
	case m.mdStyle != "":
		return m.mdStyle
	case m.profile == colorprofile.NoTTY || m.profile == colorprofile.ASCII:
		return glamourstyles.NoTTYStyle
	case m.st.dark:
		return glamourstyles.DarkStyle
	}
	return glamourstyles.LightStyle
}

// renderMarkdown returns already sanitised Markdown text rendered to width
// cells if a render is at hand, and otherwise the plain text while it asks
// for one.
func (m *Model) renderMarkdown(text string, width int) string {
	req := mdRequest{text: text, width: width, style: m.markdownStyle()}
	if out, ok := m.md.shown[req]; ok {
		return out
	}
	if out, ok := mdrender.Cached(req.text, req.width, req.style); ok {
		m.md.keep(mdResult{req, out})
		return out
	}
	if !m.md.asked[req] {
		m.md.asked[req] = true
		m.md.wanted = append(m.md.wanted, req)
	}
	return mdrender.Plain(text, width)
}

// sendRenders returns a command per render the frames asked for, each
// run by the program off the event loop.
func (m *Model) sendRenders() tea.Cmd {
	var cmds []tea.Cmd
	for _, req := range m.md.wanted {
		cmds = append(cmds, renderCmd(m.ctx, req))
	}
	m.md.wanted = nil
	return tea.Batch(cmds...)
}

// RenderMarkdown returns one command rendering every abstract still shown
// as plain text. A running program gets these renders from Update; tests and
// callers that drive the model without a program use it to see the
// rendered abstracts: m.Update(m.RenderMarkdown()()).
func (m *Model) RenderMarkdown() tea.Cmd {
	m.md.wanted = nil
	reqs := make([]mdRequest, 0, len(m.md.asked))
	for req := range m.md.asked {
		reqs = append(reqs, req)
	}
	ctx := m.ctx
	return func() tea.Msg {
		var msg markdownMsg
		for _, req := range reqs {
			msg = append(msg, renderCmd(ctx, req)().(markdownMsg)...)
		}
		return msg
	}
}

func renderCmd(ctx context.Context, req mdRequest) tea.Cmd {
	return func() tea.Msg {
		// On an error the output is the plain text, which is kept: a render
		// that failed or was too slow once is not tried again.
		out, _ := mdrender.Render(ctx, req.text, req.width, req.style)
		return markdownMsg{{req, out}}
	}
}

// onRendered keeps renders that arrived; the frame is redrawn with them.
func (m *Model) onRendered(msg markdownMsg) {
	for _, r := range msg {
		m.md.keep(r)
	}
}

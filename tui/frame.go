package tui

import (
	"fmt"
	"strconv"
	"strings"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	"charm.land/lipgloss/v2"

	"github.com/lightningcamp/camp/schedule"
	"github.com/lightningcamp/camp/tui/live"
)

// render draws the whole frame. The body always gets exactly the lines left
// between the header and the status bar, so a resize never leaves debris and
// the status bar never moves.
func (m *Model) render() string {
	w, h := m.width, m.height
	rows := make([]string, 0, h)
	rows = append(rows, m.renderHeader(w))
	if b := m.withRehearsal(m.renderBanner(w), w); b != "" {
		rows = append(rows, strings.Split(b, "\n")...)
	}
	if c := m.renderCue(w); c != "" {
		rows = append(rows, c)
	}
	status := m.renderStatus(w)
	bottom := strings.Count(status, "\n") + 2 // status and help
	if bodyH := h - len(rows) - bottom; bodyH > 0 {
		rows = fitRows(rows, m.renderBodyParts(w, bodyH), w, bodyH)
	}
	rows = append(rows, status, m.renderShortHelp(w))
	return strings.Join(rows, "\n")
}

// renderBodyParts is the body as blocks of lines: the Now view's sections
// as they are (see nowView.renderParts), any other body as one block.
func (m *Model) renderBodyParts(w, h int) []string {
	if m.current == viewNow && !m.showHelp && m.chat == nil && m.form == nil && m.data.Loaded[live.Talks] {
		return m.nowView.renderParts(&m.look, w, h)
	}
	return []string{m.renderBody(w, h)}
}

func (m *Model) renderBody(w, h int) string {
	switch {
	case m.showHelp:
		return m.renderFullHelp(w)
	case m.chat != nil:
		return m.renderChat(w)
	case m.form != nil:
		return m.renderForm(w, h)
	case !m.data.Loaded[live.Talks]:
		return m.st.faint.Render("loading…")
	}
	return m.view(m.current).render(&m.look, w, h)
}

// renderHeader is the tab row; the current view is bracketed (not only
// highlighted) and a running countdown shows on the right on every view.
func (m *Model) renderHeader(w int) string {
	label, left, phase, ok := m.headerTimer()
	key := fmt.Sprintf("%t %d %d %t %t %d %s %s\x00%s", m.isOrganiser(), m.current, w, m.st.dark, ok, phase, left, label, m.deps.Event.Name)
	return headers.get(key, func() string {
		timer := ""
		if ok {
			word := "left"
			if phase == stageOverrun {
				word = "over"
			}
			timer = m.st.digitStyle(phase).Render(fmt.Sprintf("%s %s %s", label, left, word))
		}
		return m.drawHeader(w, timer)
	})
}

func (m *Model) drawHeader(w int, timer string) string {
	var tabs []string
	for _, id := range m.tabs() {
		label := fmt.Sprintf("%d %s", id+1, m.view(id).title())
		if id == m.current {
			tabs = append(tabs, m.st.tabActive.Render("["+label+"]"))
		} else {
			tabs = append(tabs, m.st.tab.Render(" "+label+" "))
		}
	}
	left := strings.Join(tabs, "")
	if name := line(m.deps.Event.Name); w >= cellWidth(left)+cellWidth(name)+20 {
		left = m.st.app.Render(name) + "  " + left
	}
	return spread(left, timer, w)
}

// headerTimer is the live talk's countdown, or else the newest running
// timer: its label, the time left and its stage.
func (m *Model) headerTimer() (label, left string, st stage, ok bool) {
	t, label, ok := m.mainTimer()
	if !ok {
		return "", "", 0, false
	}
	return label, countdown(t.Remaining(m.now)), stageOf(t, m.now), true
}

// renderBanner shows the newest announcement still shown, on every view:
// one line, ending in "! more" when it is cut; ! shows all of it.
func (m *Model) renderBanner(w int) string {
	a, ok := m.bannerAnnouncement()
	m.bannerShown = a.ID
	if !ok {
		return ""
	}
	expand, back := m.keys.ExpandBanner.Help().Key, m.keys.Back.Help().Key
	key := fmt.Sprintf("%d %d %s %d %t %t %s %s\x00%s", a.ID, a.CreatedAt.UnixNano(), m.zone, w, m.st.dark, m.bannerOpen, expand, back, a.Text)
	return m.drawn.banner.get(key, func() string { return banners.get(key, func() string { return m.drawBanner(a, w, expand, back) }) })
}

// drawBanner draws announcement a, one line or opened, with the keys that
// open and close it.
func (m *Model) drawBanner(a schedule.Announcement, w int, expand, back string) string {
	label := m.st.bannerLabel.Render("» Announcement " + a.CreatedAt.In(m.zone).Format("15:04") + ":")
	text := strings.Join(strings.Fields(a.Text), " ")
	if m.bannerOpen {
		more := expand + " or " + back + " closes"
		body := wrap(label+" "+m.st.banner.Render(text)+" "+m.st.faint.Render("("+more+")"), w)
		return crop(body, bannerMaxLines)
	}
	one := label + " " + m.st.banner.Render(text)
	if cellWidth(one) <= w {
		return one
	}
	more := m.st.faint.Render(" " + expand + " more")
	return truncate(one, w-cellWidth(more)) + more
}

// bannerMaxLines bounds the opened banner: an announcement is at most 280
// characters, some 4 lines at 80 columns.
const bannerMaxLines = 8

// bannerAnnouncement is the newest announcement shown at the model's time.
func (m *Model) bannerAnnouncement() (schedule.Announcement, bool) {
	for _, a := range m.data.Announcements {
		if a.Active(m.now) {
			return a, true
		}
	}
	return schedule.Announcement{}, false
}

// renderStatus is the last message on the left (errors marked in words) and
// how attendees connect on the right.
func (m *Model) renderStatus(w int) string {
	hint := ""
	switch p, ok := m.data.Person(m.actor.PersonID); {
	case m.isOrganiser():
		hint = m.deps.ConnectHint
	case m.actor.IsGuest():
		hint = "guest: read only; connect with an SSH key to take part"
	case ok:
		hint = fmt.Sprintf("you: %s · %s (%s changes)", p.Name, zoneCity(m.zone), m.keys.Profile.Help().Key)
	}
	key := fmt.Sprintf("%t %s\x00%s\x00%d %t", m.status.isErr, m.status.text, hint, w, m.st.dark)
	return m.drawn.status.get(key, func() string { return m.drawStatus(w, hint) })
}

func (m *Model) drawStatus(w int, hint string) string {
	var msg string
	switch {
	case m.status.isErr && !widthAtMost("✗ error: "+m.status.text, w):
		return m.drawLongError(w)
	case m.status.isErr:
		msg = m.st.statusErr.Render("✗ error: " + m.status.text)
	case m.status.text != "":
		msg = m.st.statusOK.Render("✓ " + m.status.text)
	}
	if hint != "" {
		hint = m.st.hint.Render(hint)
	}
	if msg != "" && cellWidth(msg)+cellWidth(hint)+2 > w {
		hint = ""
	}
	return m.st.statusBar.Width(w).MaxWidth(w).Render(spread(msg, hint, w))
}

// drawLongError gives an error too long for the status line a second
// line, as the end of a message is often what matters: why the camp refused,
// and that the draft is kept. The body gives up that line for as long as the
// error shows.
func (m *Model) drawLongError(w int) string {
	lines := strings.Split(wrap("✗ error: "+m.status.text, w), "\n")
	if len(lines) > 2 {
		lines = []string{lines[0], truncate(strings.Join(lines[1:], " "), w)}
	}
	bar := m.st.statusBar.Width(w).MaxWidth(w)
	for i, l := range lines {
		lines[i] = bar.Render(m.st.statusErr.Render(l))
	}
	return strings.Join(lines, "\n")
}

func (m *Model) helpModel(w int) help.Model {
	h := help.New()
	h.Styles = m.st.help
	h.SetWidth(w)
	return h
}

// renderShortHelp is the one-line key help: the keys for what the cursor
// is on, most useful first, as many whole as fit, then always "? all keys"
// and quit (see footerKeys).
func (m *Model) renderShortHelp(w int) string {
	var keys, tail []key.Binding
	switch {
	case m.form != nil && m.form.leaving:
		keys = []key.Binding{leaveKeys.keep, leaveKeys.discard, leaveKeys.back}
	case m.form != nil:
		keys, tail = m.form.form.Huh().KeyBinds(), []key.Binding{withHelp(m.keys.Back, "esc", "leave the form")}
	case m.showHelp:
		keys = []key.Binding{withHelp(m.keys.Help, "?", "close help"), m.keys.Back, m.keys.Quit}
	case m.chat != nil:
		keys = m.chatKeys()
	default:
		keys = append(m.view(m.current).shortKeys(&m.look), m.viewsHint())
		if _, ok := m.bannerAnnouncement(); ok {
			keys = append(keys, withHelp(m.keys.ExpandBanner, "!", "announcement"))
		}
		if m.actor.PersonID != 0 {
			keys = append(keys, withHelp(m.keys.Profile, "y", "you"))
		}
		tail = []key.Binding{withHelp(m.keys.Help, "?", "all keys"), m.keys.Quit}
	}
	// The key is built by hand: this runs every frame, every second, in
	// every session.
	var sig strings.Builder
	sig.Grow(512)
	sig.WriteString(strconv.Itoa(w))
	sig.WriteString(strconv.FormatBool(m.st.dark))
	for _, ks := range [][]key.Binding{keys, tail} {
		for _, k := range ks {
			h := k.Help()
			sig.WriteString(strconv.FormatBool(k.Enabled()))
			sig.WriteString("\x1f" + h.Key + "\x1f" + h.Desc + "\x00")
		}
	}
	return m.drawn.help.get(sig.String(), func() string { return m.footer(keys, tail, w) })
}

// footer lays out whole keys in order while they fit beside tail, which is
// always shown: a key is never cut in the middle, and the ones left out
// are the least useful, all listed by ?.
func (m *Model) footer(keys, tail []key.Binding, w int) string {
	st := m.st.help
	sep := st.ShortSeparator.Render(" • ")
	item := func(k key.Binding) string {
		h := k.Help()
		return st.ShortKey.Render(h.Key) + " " + st.ShortDesc.Render(h.Desc)
	}
	join := func(ks []key.Binding) []string {
		var out []string
		for _, k := range ks {
			if k.Enabled() && k.Help().Key != "" {
				out = append(out, item(k))
			}
		}
		return out
	}
	end := strings.Join(join(tail), sep)
	room := w
	if end != "" {
		room -= cellWidth(end) + cellWidth(sep)
	}
	var shown []string
	used := 0
	for _, it := range join(keys) {
		add := cellWidth(it)
		if len(shown) > 0 {
			add += cellWidth(sep)
		}
		if used+add > room {
			break
		}
		shown, used = append(shown, it), used+add
	}
	if end != "" {
		shown = append(shown, end)
	}
	return truncate(strings.Join(shown, sep), w)
}

// renderFullHelp lists every key of the current view, then the global ones.
func (m *Model) renderFullHelp(w int) string {
	groups := m.view(m.current).fullKeys(&m.look)
	groups = append(groups,
		[]key.Binding{m.keys.Now, m.keys.Talks, m.keys.Board, m.keys.Notes, m.keys.People, m.keys.Announce},
		[]key.Binding{m.keys.NextView, m.keys.PrevView, m.keys.Help, m.keys.Back, m.keys.ExpandBanner, m.keys.Profile, m.keys.Chat, m.keys.Quit})
	title := m.heading("Keys: "+m.view(m.current).title(), w)
	return stack(title, m.helpRows(groups, w))
}

// helpRows lays the help columns out side by side while they fit the width,
// then starts another row of columns below, so narrow screens lose nothing.
func (m *Model) helpRows(groups [][]key.Binding, w int) string {
	h := m.helpModel(0)
	var rows []string
	var chunk [][]key.Binding
	for _, g := range groups {
		if len(chunk) > 0 && lipgloss.Width(h.FullHelpView(append(chunk, g))) > w {
			rows = append(rows, h.FullHelpView(chunk))
			chunk = nil
		}
		chunk = append(chunk, g)
	}
	if len(chunk) > 0 {
		rows = append(rows, h.FullHelpView(chunk))
	}
	return paragraphs(rows...)
}

// viewsHint is a help-only binding: "1-6 views" (1-4 for attendees).
func (m *Model) viewsHint() key.Binding {
	tabs := m.tabs()
	return key.NewBinding(key.WithKeys("1"), key.WithHelp(fmt.Sprintf("1-%d/tab", int(tabs[len(tabs)-1])+1), "views"))
}

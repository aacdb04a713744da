package tui

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/lightningcamp/camp/tui/linemode"
)

// The chat-text overlay: the organiser's key for the text they paste into
// Zoom chat all day, the same lines as `now --plain`, `rooms --plain` and
// `queue --plain`. It is drawn without styling, so what the mouse selects is
// exactly the text; y also puts it on the clipboard (OSC 52, where the
// terminal allows it).

// chatPage is one text the overlay shows.
type chatPage int

const (
	chatNow chatPage = iota
	chatRooms
	chatQueue
	chatPages
)

var chatTitles = [chatPages]string{"what is on now", "the breakout rooms", "the talks to come"}
var chatCommands = [chatPages]string{"now --plain", "rooms --plain", "queue --plain"}

// chatOverlay is the open overlay: which text it shows.
type chatOverlay struct{ page chatPage }

// chatText is the page's message, cut to Zoom's chat limit.
func (m *Model) chatText(p chatPage) string {
	var lines []string
	switch p {
	case chatNow:
		lines = linemode.ChatNow(m.ev, m.now, m.data.Talks)
	case chatRooms:
		lines = linemode.ChatRooms(m.ev, m.now, m.data.Topics)
	case chatQueue:
		lines = linemode.ChatQueue(m.ev, m.now, m.data.Talks)
	}
	return strings.Join(linemode.FitChat(lines, linemode.ZoomChatLimit, "camp "+chatCommands[p]), "\n")
}

func (m *Model) chatKey(k tea.KeyPressMsg) tea.Cmd {
	switch {
	case key.Matches(k, m.keys.Back), key.Matches(k, m.keys.Chat):
		m.chat = nil
	case key.Matches(k, m.keys.Quit):
		return tea.Quit
	case key.Matches(k, m.keys.Right), key.Matches(k, m.keys.NextView):
		m.chat.page = (m.chat.page + 1) % chatPages
	case key.Matches(k, m.keys.Left), key.Matches(k, m.keys.PrevView):
		m.chat.page = (m.chat.page + chatPages - 1) % chatPages
	case k.String() == "y":
		m.status = statusLine{text: "Copied " + chatTitles[m.chat.page] + " to the clipboard (if your terminal allows it)."}
		return tea.SetClipboard(m.chatText(m.chat.page))
	}
	return nil
}

// renderChat shows the page's text, wrapped to the width but not styled.
func (m *Model) renderChat(w int) string {
	p := m.chat.page
	title := m.heading(fmt.Sprintf("Paste into Zoom chat: %s (%d of %d)", chatTitles[p], p+1, chatPages), w)
	hint := m.st.faint.Render(ansi.Wordwrap("y copies it; ←/→ shows the others; esc closes. Same as: camp "+chatCommands[p], w, " "))
	return stack(title, ansi.Wordwrap(m.chatText(p), w, " "), "", hint)
}

func (m *Model) chatKeys() []key.Binding {
	return []key.Binding{key.NewBinding(key.WithKeys("y"), key.WithHelp("y", "copy")), m.keys.Left, m.keys.Right, m.keys.Back, m.keys.Quit}
}

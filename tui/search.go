package tui

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
)

// search is a list's "/" search: what is typed narrows the list to items
// whose title or name holds it, in any case. While it is typed, every key
// but the arrows, enter and esc is text (the root model asks typing), so
// "q" or "2" in a name does not quit or change the view.
type search struct {
	typing bool
	query  string
}

// searchMax bounds what a search holds; no title is longer.
const searchMax = 200

func (s *search) isTyping() bool { return s.typing }

// key handles k: / starts typing; while typing, text edits the query,
// enter keeps it and esc drops it; with a query kept, esc drops it. It
// reports whether k was used and whether the query changed.
func (s *search) key(keys KeyMap, k tea.KeyPressMsg) (used, changed bool) {
	if !s.typing {
		switch {
		case key.Matches(k, keys.Search):
			s.typing = true
			return true, false
		case key.Matches(k, keys.Back) && s.query != "":
			s.query = ""
			return true, true
		}
		return false, false
	}
	switch {
	case k.Code == tea.KeyEnter:
		s.typing = false
	case k.Code == tea.KeyEscape:
		s.typing, changed = false, s.query != ""
		s.query = ""
	case k.Code == tea.KeyBackspace:
		if s.query != "" {
			_, size := utf8.DecodeLastRuneInString(s.query)
			s.query, changed = s.query[:len(s.query)-size], true
		}
	case k.String() == "ctrl+u":
		s.query, changed = "", s.query != ""
	case k.Text != "" && !strings.ContainsFunc(k.Text, unicode.IsControl) && k.Mod&^tea.ModShift == 0:
		if len(s.query)+len(k.Text) <= searchMax {
			s.query, changed = s.query+k.Text, true
		}
	case k.Code == tea.KeyUp || k.Code == tea.KeyDown:
		return false, false // the list still moves
	}
	return true, changed
}

// matches says whether any field holds the query (always, without one).
func (s *search) matches(fields ...string) bool {
	if s.query == "" {
		return true
	}
	q := strings.ToLower(s.query)
	for _, f := range fields {
		if strings.Contains(strings.ToLower(f), q) {
			return true
		}
	}
	return false
}

// line is what the view shows of the search: the query being typed, with
// a block for the cursor and how to finish, or the query kept.
func (s *search) line(l *look, w int) string {
	switch {
	case s.typing:
		return truncate(l.st.bold.Render("Search: "+line(s.query)+"█")+l.st.faint.Render("  enter keeps · esc clears"), w)
	case s.query != "":
		return truncate(l.st.bold.Render("Search: “"+line(s.query)+"”")+l.st.faint.Render("  / changes · esc clears"), w)
	}
	return ""
}

// typer is a view that is taking text (a search being typed): the root
// model then gives it every key first.
type typer interface{ typing() bool }

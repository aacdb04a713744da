package tui

import (
	"time"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
)

// Things on screen that go away with time rather than with a read: the
// banner when its announcement expires, and the status message.

// statusTTL is how long a message stays in the status bar; errors stay
// twice as long. A variable so tests need not wait.
var statusTTL = 8 * time.Second

// statusExpiredMsg clears the status message numbered seq, if it is still
// the one shown.
type statusExpiredMsg struct{ seq int }

// bannerDueMsg says the banner's announcement may have expired.
type bannerDueMsg struct{}

// bannerRecheck bounds the wait for an expiry: on a rehearsal clock the
// camp's time runs faster than the wall clock.
var bannerRecheck = 10 * time.Second

// expiries returns the commands that will clear the status message and
// redraw the banner when their time comes; each is asked for once.
func (m *Model) expiries() tea.Cmd {
	var cmds []tea.Cmd
	if m.status.text != "" && m.status.seq != m.statusTimed {
		m.statusTimed = m.status.seq
		seq, ttl := m.status.seq, statusTTL
		if m.status.isErr {
			ttl *= 2
		}
		cmds = append(cmds, tea.Tick(ttl, func(time.Time) tea.Msg { return statusExpiredMsg{seq} }))
	}
	if a, ok := m.bannerAnnouncement(); ok && !a.ExpiresAt.IsZero() && !m.bannerWaiting {
		m.bannerWaiting = true
		wait := min(max(a.ExpiresAt.Sub(m.now), 100*time.Millisecond), bannerRecheck)
		cmds = append(cmds, tea.Tick(wait, func(time.Time) tea.Msg { return bannerDueMsg{} }))
	}
	return tea.Batch(cmds...)
}

// onExpiry handles the two messages above; it reports whether msg was one.
func (m *Model) onExpiry(msg tea.Msg) bool {
	switch msg := msg.(type) {
	case statusExpiredMsg:
		if m.status.seq == msg.seq {
			m.status = statusLine{}
		} else {
			m.unchanged = true
		}
		return true
	case bannerDueMsg:
		m.bannerWaiting = false
		a, ok := m.bannerAnnouncement()
		if !ok {
			m.bannerOpen = false
		}
		m.unchanged = a.ID == m.bannerShown // still the same banner: no frame
		return true
	}
	return false
}

// bannerKey opens and closes the whole announcement; esc closes it too.
// It reports whether it used k.
func (m *Model) bannerKey(k tea.KeyPressMsg) bool {
	_, shown := m.bannerAnnouncement()
	switch {
	case key.Matches(k, m.keys.ExpandBanner) && shown:
		m.bannerOpen = !m.bannerOpen
	case key.Matches(k, m.keys.Back) && m.bannerOpen:
		m.bannerOpen = false
	default:
		return false
	}
	return true
}

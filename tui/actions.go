package tui

import (
	"context"

	tea "charm.land/bubbletea/v2"

	"github.com/lightningcamp/camp/tui/live"
)

// Writes leave in the order they were asked for, one at a time. Bubble Tea
// runs every command on its own goroutine, so two quick key presses (move
// down, move down) would otherwise race and land in either order.
type (
	// doneMsg is the answer to a write. The feed brings the new data; this
	// only says how it went, and then runs what the action wants done next.
	doneMsg struct {
		ok   string
		err  error
		then func() tea.Cmd
		// ask, if not nil, may answer a refusal with a question instead
		// of an error on the status line (duplicates.go): it says whether
		// it took err.
		ask func(err error) (tea.Cmd, bool)
		// from is the form whose submission asked for the write, if a
		// refusal keeps what was typed into it (openDraftForm).
		from *openedForm
	}
	// writtenMsg wraps the answer of a queued write, so Update knows the
	// next write may go.
	writtenMsg struct{ msg tea.Msg }
)

// write queues do. ok is the status message on success; then, if not nil,
// runs in Update after a success.
func (m *Model) write(ok string, do func(ctx context.Context) error, then func() tea.Cmd) tea.Cmd {
	return m.enqueue(func(ctx context.Context) tea.Msg {
		return doneMsg{ok: ok, err: do(ctx), then: then}
	})
}

// enqueue queues a write whose answer is any message.
func (m *Model) enqueue(run func(ctx context.Context) tea.Msg) tea.Cmd {
	if f := m.submitting; f != nil && f.rebuild != nil {
		run = answeringFor(f, run)
	}
	m.writes = append(m.writes, run)
	return m.nextWrite()
}

func (m *Model) nextWrite() tea.Cmd {
	if m.writing || len(m.writes) == 0 {
		return nil
	}
	run, ctx := m.writes[0], m.ctx
	m.writes, m.writing = m.writes[1:], true
	return func() tea.Msg { return writtenMsg{run(ctx)} }
}

// answeringFor marks run's answer as the answer to submitting form f.
func answeringFor(f *openedForm, run func(ctx context.Context) tea.Msg) func(ctx context.Context) tea.Msg {
	return func(ctx context.Context) tea.Msg {
		msg := run(ctx)
		if done, ok := msg.(doneMsg); ok {
			done.from = f
			return done
		}
		return msg
	}
}

func (m *Model) onWritten(msg writtenMsg) tea.Cmd {
	m.writing = false
	return tea.Batch(m.update(msg.msg), m.nextWrite())
}

// writeAsking is write whose refusal ask may answer with a question
// (a near-duplicate title asks whether to propose anyway).
func (m *Model) writeAsking(ok string, do func(ctx context.Context) error, ask func(err error) (tea.Cmd, bool)) tea.Cmd {
	return m.enqueue(func(ctx context.Context) tea.Msg {
		return doneMsg{ok: ok, err: do(ctx), ask: ask}
	})
}

func (m *Model) onDone(msg doneMsg) tea.Cmd {
	if msg.err != nil && msg.ask != nil {
		if cmd, ok := msg.ask(msg.err); ok {
			return tea.Batch(cmd, m.reload(live.Talks))
		}
	}
	if msg.err != nil {
		if msg.from != nil {
			m.keepRefused(msg.from, msg.err)
		} else {
			m.fail(msg.err)
		}
		return m.reload(live.Talks) // undo what was shown ahead of the write
	}
	m.tell(msg.ok)
	if msg.then != nil {
		return msg.then()
	}
	return nil
}

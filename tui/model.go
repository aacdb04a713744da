package tui

import (
	"context"
	"math/rand/v2"
	"sync/atomic"
	"time"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/colorprofile"
	"github.com/lightningcamp/camp/schedule"
)

// viewID names the views; its value plus one is the number key that shows it.
type viewID int

const (
	viewNow viewID = iota
	viewTalks
	viewBoard
	viewNotes
	viewPeople
	viewAnnounce
)

// view is one screen of the console. Views keep their own cursor and mode;
// the data they show is the Model's shared snapshot.
type view interface {
	title() string
	// shortKeys are shown at the bottom; fullKeys on '?'.
	shortKeys(m *Model) []key.Binding
	fullKeys(m *Model) [][]key.Binding
	// handleKey reports whether the view used the key.
	handleKey(m *Model, k tea.KeyPressMsg) (tea.Cmd, bool)
	render(m *Model, width, height int) string
	// sync finds the view's selection again after the data changed.
	sync(m *Model) tea.Cmd
}

// Model is one session's console: the organiser's terminal or one attendee's
// SSH session. Create it with New.
type Model struct {
	deps    Deps
	actor   schedule.Actor
	zone    *time.Location
	keys    KeyMap
	st      *styles
	profile colorprofile.Profile
	mdStyle string
	ctx     context.Context
	link    *liveLink
	md      *markdown

	width, height int
	now           time.Time
	data          snapshot
	reads         atomic.Uint64     // numbers reads in the order they start
	applied       [partCount]uint64 // the number of the read each part shows
	ticking       bool
	tickPhase     time.Duration        // how long after each second this session ticks (see keepTicking)
	peopleReadAt  time.Time            // real time of the last read of the people and who is online
	staleAt       [partCount]time.Time // when each part was last known to have changed: reads must start later
	peopleDue     bool                 // the people changed and are still to be read
	peopleTimer   bool                 // a peopleDueMsg is on its way
	redrawOnLoad  bool                 // the next frame waits for the read under way

	// frame is the last frame drawn; frameStale says something it shows may
	// have changed since. Bubble Tea asks for a frame after every message,
	// and many messages change nothing on screen.
	frame       string
	frameStale  bool
	dataChanged bool   // a read brought something new in this update
	typingAhead bool   // this update only gathered a key typed into a text area
	title       string // the window title
	drawn       struct{ status, help, banner, rooms lastDraw }

	writes  []func(context.Context) tea.Msg // queued writes, sent one at a time
	writing bool

	current  viewID
	showHelp bool
	status   statusLine
	form     *form

	nowView      nowView
	talksView    talksView
	boardView    boardView
	notes        notesView
	peopleView   peopleView
	announceView announceView
}

// statusLine is the last message or error, shown until the next one.
type statusLine struct {
	text  string
	isErr bool
}

// New returns the console of actor. d must have Event, Clock, Feed and every
// service set; it panics otherwise, because that is a wiring mistake.
func New(d Deps, actor schedule.Actor, opts Options) *Model {
	if d.Event == nil || d.Clock == nil || d.Feed == nil || d.People == nil || d.Talks == nil ||
		d.Topics == nil || d.Notes == nil || d.Timers == nil || d.Announcements == nil {
		panic("tui.New: Deps needs Event, Clock, Feed and every service")
	}
	keys := DefaultKeyMap()
	if opts.Keys != nil {
		keys = *opts.Keys
	}
	m := &Model{
		deps:    d,
		actor:   actor,
		zone:    cmpOr(opts.Zone, d.Event.Zone, time.UTC),
		keys:    keys.forRole(actor.Role),
		st:      newStyles(opts.DarkBackground),
		profile: opts.Profile,
		mdStyle: opts.MarkdownStyle,
		ctx:     cmpOr(opts.Context, context.Background()),
		link:    newLiveLink(),
		md:      newMarkdown(),
		width:   positive(opts.Width, 80),
		height:  positive(opts.Height, 24),
		now:     d.Clock.Now(),

		frameStale: true,
		title:      "camp · " + line(d.Event.Name),
		tickPhase:  rand.N(tickSpread + 1),
	}
	m.talksView.block = m.defaultTalksBlock()
	m.boardView.block = m.defaultOpenSpaceBlock()
	return m
}

func cmpOr[T comparable](xs ...T) T {
	var zero T
	for _, x := range xs {
		if x != zero {
			return x
		}
	}
	return zero
}

func positive(v, def int) int {
	if v > 0 {
		return v
	}
	return def
}

// Init subscribes to the feed (the first read follows the subscription) and
// asks the terminal for its background colour.
func (m *Model) Init() tea.Cmd {
	return tea.Batch(m.link.subscribe(m.ctx, m.deps.Feed), tea.RequestBackgroundColor, m.keepTicking())
}

// Reload returns a command that reads everything the views show. Init does
// this by itself once subscribed; tests and callers that render without a
// running program use it to fill the model: m.Update(m.Reload()()).
func (m *Model) Reload() tea.Cmd {
	for p := range m.staleAt {
		m.staleAt[p] = time.Now()
	}
	return m.reload(allParts()...)
}

// Close ends the feed subscription. Call it when the program has returned,
// unless Options.Context is cancelled then, which does the same.
func (m *Model) Close() { m.link.close() }

// Update handles one message. The clock is read once here so that a whole
// update and the frame after it agree on what time it is.
func (m *Model) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	m.now = m.deps.Clock.Now()
	m.dataChanged, m.typingAhead = false, false
	cmd := m.update(msg)
	_, tick := msg.(tickMsg)
	switch {
	case isLoad(msg) && m.redrawOnLoad:
		m.frameStale, m.redrawOnLoad = true, false
	case tick && m.redrawOnLoad, leavesScreen(msg), isLoad(msg) && !m.dataChanged, m.typingAhead:
		// Nothing to draw yet (the tick's frame waits for its read), or
		// nothing new.
	default:
		m.frameStale = true
	}
	m.drawFrame() // now, so that Markdown the frame shows plain is sent to render with this update's commands
	return m, tea.Batch(cmd, m.keepTicking(), m.keepPeople(), m.sendRenders())
}

// leavesScreen reports messages that only start reads: nothing on screen
// changes until the reads come back. (The time moves on, but a countdown
// moves on its tick.)
func leavesScreen(msg tea.Msg) bool {
	switch msg.(type) {
	case subscribedMsg, changedMsg, peopleDueMsg:
		return true
	}
	return false
}

// isLoad reports the answers to reads: they change the screen only if they
// brought something new (dataChanged).
func isLoad(msg tea.Msg) bool {
	switch msg.(type) {
	case loadedMsg, loadedAllMsg:
		return true
	}
	return false
}

func (m *Model) update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case subscribedMsg:
		m.peopleReadAt = time.Now()
		for p := range m.staleAt {
			m.staleAt[p] = msg.at
		}
		return m.readThenWait(allParts()...)
	case changedMsg:
		return m.onChanges(msg.changes, msg.at)
	case peopleDueMsg:
		return m.onPeopleDue()
	case loadedMsg:
		return m.apply(msg)
	case loadedAllMsg:
		var cmds []tea.Cmd
		for _, l := range msg {
			cmds = append(cmds, m.apply(l))
		}
		return tea.Batch(cmds...)
	case tickMsg:
		return m.onTick()
	case writtenMsg:
		return m.onWritten(msg)
	case doneMsg:
		return m.onDone(msg)
	case staleMsg:
		return m.notes.openConflict(m, msg)
	case markdownMsg:
		m.onRendered(msg)
		return nil
	case tea.KeyPressMsg:
		return m.onKey(msg)
	case tea.WindowSizeMsg:
		m.width, m.height = msg.Width, msg.Height
		m.resizeForm()
		return nil
	case tea.BackgroundColorMsg:
		m.st = newStyles(msg.IsDark())
		m.md.reset()
	case tea.ColorProfileMsg:
		m.profile = msg.Profile
		m.md.reset()
	}
	if m.form != nil {
		return m.updateForm(msg) // the form's own messages: cursor blink, field moves
	}
	return nil
}

func (m *Model) onKey(k tea.KeyPressMsg) tea.Cmd {
	if m.form != nil {
		return m.updateForm(k)
	}
	if m.showHelp {
		switch {
		case key.Matches(k, m.keys.Quit):
			return tea.Quit
		case key.Matches(k, m.keys.Help, m.keys.Back):
			m.showHelp = false
		}
		return nil
	}
	switch {
	case key.Matches(k, m.keys.Quit):
		return tea.Quit
	case key.Matches(k, m.keys.Help):
		m.showHelp = true
	case key.Matches(k, m.keys.NextView):
		return m.cycle(1)
	case key.Matches(k, m.keys.PrevView):
		return m.cycle(-1)
	default:
		if id, ok := m.viewKey(k); ok {
			return m.show(id)
		}
		cmd, used := m.view(m.current).handleKey(m, k)
		if !used && key.Matches(k, m.keys.Back) {
			m.status = statusLine{}
		}
		return cmd
	}
	return nil
}

// viewKey maps the number keys to the views the role may open.
func (m *Model) viewKey(k tea.KeyPressMsg) (viewID, bool) {
	bindings := []key.Binding{m.keys.Now, m.keys.Talks, m.keys.Board, m.keys.Notes, m.keys.People, m.keys.Announce}
	for i, b := range bindings {
		if key.Matches(k, b) {
			return viewID(i), true
		}
	}
	return 0, false
}

// tabs lists the views the session's role may see, in order.
func (m *Model) tabs() []viewID {
	if m.isOrganiser() {
		return []viewID{viewNow, viewTalks, viewBoard, viewNotes, viewPeople, viewAnnounce}
	}
	return []viewID{viewNow, viewTalks, viewBoard, viewNotes}
}

func (m *Model) cycle(delta int) tea.Cmd {
	tabs := m.tabs()
	for i, id := range tabs {
		if id == m.current {
			return m.show(tabs[(i+delta+len(tabs))%len(tabs)])
		}
	}
	return m.show(tabs[0])
}

func (m *Model) show(id viewID) tea.Cmd {
	m.current = id
	return m.view(id).sync(m)
}

func (m *Model) view(id viewID) view {
	switch id {
	case viewTalks:
		return &m.talksView
	case viewBoard:
		return &m.boardView
	case viewNotes:
		return &m.notes
	case viewPeople:
		return &m.peopleView
	case viewAnnounce:
		return &m.announceView
	}
	return &m.nowView
}

// syncSelections lets every view find its cursor again after new data.
func (m *Model) syncSelections() tea.Cmd {
	var cmds []tea.Cmd
	for _, id := range []viewID{viewNow, viewTalks, viewBoard, viewNotes, viewPeople, viewAnnounce} {
		cmds = append(cmds, m.view(id).sync(m))
	}
	return tea.Batch(cmds...)
}

// View draws the frame: header, banner, the current view, status and help.
func (m *Model) View() tea.View {
	m.drawFrame()
	v := tea.NewView(m.frame)
	v.AltScreen = true
	v.WindowTitle = m.title
	return v
}

func (m *Model) drawFrame() {
	if m.frameStale {
		m.frame, m.frameStale = m.render(), false
	}
}

func (m *Model) fail(err error)   { m.status = statusLine{text: schedule.ErrorMessage(err), isErr: true} }
func (m *Model) tell(text string) { m.status = statusLine{text: text} }

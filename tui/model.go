package tui

import (
	"context"
	"math/rand/v2"
	"strings"
	"time"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/lightningcamp/camp/schedule"
	"github.com/lightningcamp/camp/tui/live"
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

// view is one screen of the console, a component in the manner of crush's
// components: it keeps its own cursor and mode and its key handling, reads
// the session's look (the snapshot, the time, the keys, the styles) and
// changes the camp only through writes. The root model only routes to it.
type view interface {
	title() string
	// shortKeys are shown at the bottom; fullKeys on '?'.
	shortKeys(l *look) []key.Binding
	fullKeys(l *look) [][]key.Binding
	// handleKey reports whether the view used the key.
	handleKey(l *look, w writes, k tea.KeyPressMsg) (tea.Cmd, bool)
	render(l *look, width, height int) string
	// sync finds the view's selection again after the data changed.
	sync(l *look) tea.Cmd
}

// Model is one session's console: the organiser's terminal or one attendee's
// SSH session. Create it with New.
type Model struct {
	look   // what the views read: the snapshot, the time, the viewer, keys and styles
	deps   Deps
	ctx    context.Context
	link   *live.Link
	reader live.Reader
	md     *markdown

	pacer        *live.Pacer // when to read what, and which read counts
	ticking      bool
	tickPhase    time.Duration // how long after each second this session ticks (see keepTicking)
	sharedClock  bool          // the host sends Tick every second (Options.SharedClock)
	wantTicks    func(bool)    // Options.WantTicks
	redrawOnLoad bool          // the next frame waits for the read under way

	// frame is the last frame drawn; frameStale says something it shows may
	// have changed since. Bubble Tea asks for a frame after every message,
	// and many messages change nothing on screen.
	frame       string
	frameStale  bool
	frames      int    // how many frames were drawn: tests count them
	dataChanged bool   // a read brought something new in this update
	typingAhead bool   // this update only gathered a key typed into a text area
	unchanged   bool   // this update changed nothing on screen (an expiry that was not due)
	title       string // the window title
	rangFor     string // the cue the bell last rang for (cues.go)
	drawn       struct{ status, help, banner lastDraw }

	writes     []func(context.Context) tea.Msg // queued writes, sent one at a time
	writing    bool
	submitting *openedForm // the form whose submit runs now (passToForm)
	undos      []undoable  // the organiser's last steps, newest last (undo.go)

	quitChoice string // what the organiser chose on quitting (quit.go)

	current  viewID
	showHelp bool
	chat     *chatOverlay // the chat-text overlay, when open (chat.go)
	status   statusLine
	form     *openedForm

	statusSeq     int           // numbers status messages, so each expires on its own
	statusTimed   int           // the last status message whose expiry was asked for
	bannerOpen    bool          // the whole announcement is shown (!)
	bannerWaiting bool          // a bannerDueMsg is on its way
	bannerShown   int64         // the announcement the banner shows (0: none)
	drafts        []*openedForm // forms left with text in them, to reopen (drafts.go)

	nowView      nowView
	talksView    talksView
	boardView    boardView
	notes        notesView
	peopleView   peopleView
	announceView announceView
}

// statusLine is the last message or error, shown until the next one or
// until it expires (statusTTL).
type statusLine struct {
	text  string
	isErr bool
	seq   int
}

// New returns the console of actor. d must have Event, Clock, Feed and every
// service set; it panics otherwise, because that is a wiring mistake.
func New(d Deps, actor schedule.Actor, opts Options) *Model {
	if d.Event == nil || d.Clock == nil || d.Feed == nil || d.People == nil || d.Talks == nil ||
		d.Topics == nil || d.Notes == nil || d.Timers == nil || d.Announcements == nil {
		panic("tui.New: Deps needs Event, Clock, Feed and every service")
	}
	d.Guide, d.Stars = guideAndStars(d)
	keys := DefaultKeyMap()
	if opts.Keys != nil {
		keys = *opts.Keys
	}
	m := &Model{
		look: look{
			ev:    d.Event,
			actor: actor,
			zone:  cmpOr(opts.Zone, d.Event.Zone, time.UTC),
			keys:  keys.forRole(actor.Role),
			st:    newStyles(opts.DarkBackground),
			now:   d.Clock.Now(),
			width: positive(opts.Width, 80), height: positive(opts.Height, 24),
			profile: opts.Profile, mdStyle: opts.MarkdownStyle,
		},
		deps:   d,
		ctx:    cmpOr(opts.Context, context.Background()),
		link:   live.NewLink(),
		reader: live.Reader{Event: d.Event, Source: source{d}, Shared: d.Shared, Viewer: actor.PersonID, Role: actor.Role, Sees: schedule.ViewerOf(actor)},
		pacer:  &live.Pacer{},
		md:     newMarkdown(),

		frameStale:  true,
		title:       "camp · " + line(d.Event.Name),
		tickPhase:   rand.N(tickSpread + 1),
		sharedClock: opts.SharedClock,
		wantTicks:   opts.WantTicks,
	}
	if d.Rehearsal != "" { // the window says so too, wherever the terminal shows its title
		short, _, _ := strings.Cut(d.Rehearsal, " · ")
		m.title = "camp · " + short + " · " + line(d.Event.Name)
	}
	m.nowView.talks, m.nowView.timers = &m.talksView, timerControls{d.Timers}
	m.talksView.talks, m.talksView.timers, m.talksView.desk = d.Talks, d.Timers, m
	m.notes.svc, m.notes.desk, m.notes.guideSvc = d.Notes, m, d.Guide
	m.boardView.topics, m.boardView.timers, m.boardView.desk = d.Topics, d.Timers, m
	m.boardView.stage, m.nowView.speaker.stage, m.nowView.speaker.desk = d.Stage, d.Stage, m
	m.talksView.stars, m.boardView.stars = d.Stars, d.Stars
	m.peopleView.people = d.People
	m.announceView.announcements = d.Announcements
	m.talksView.block = m.defaultTalksBlock()
	m.boardView.block = m.defaultOpenSpaceBlock()
	m.draw()
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
	return tea.Batch(m.link.Subscribe(m.ctx, m.deps.Feed), tea.RequestBackgroundColor, m.keepTicking())
}

// Reload returns a command that reads everything the views show. Init does
// this by itself once subscribed; tests and callers that render without a
// running program use it to fill the model: m.Update(m.Reload()()).
func (m *Model) Reload() tea.Cmd {
	m.pacer.StaleAll(time.Now())
	return m.reload(live.AllParts()...)
}

// Close ends the feed subscription. Call it when the program has returned,
// unless Options.Context is cancelled then, which does the same.
func (m *Model) Close() { m.link.Close() }

// Update handles one message. The clock is read once here so that a whole
// update and the frame after it agree on what time it is.
func (m *Model) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	m.now = m.deps.Clock.Now()
	m.dataChanged, m.typingAhead, m.unchanged = false, false, false
	cmd := m.update(msg)
	_, tick := msg.(tickMsg)
	switch {
	case isLoad(msg) && m.redrawOnLoad:
		m.frameStale, m.redrawOnLoad = true, false
	case tick && m.redrawOnLoad, leavesScreen(msg), isLoad(msg) && !m.dataChanged, m.typingAhead, m.unchanged:
		// Nothing to draw yet (the tick's frame waits for its read), or
		// nothing new.
	default:
		m.frameStale = true
	}
	m.draw() // also asks for the Markdown the frame shows plain, sent to render with this update's commands
	return m, tea.Batch(cmd, m.keepTicking(), m.keepPeople(), m.sendRenders(), m.expiries(), m.ringForCue())
}

// draw renders the frame if something it shows may have changed. It runs
// at the end of Update, so that View only hands the frame out.
func (m *Model) draw() {
	if m.frameStale {
		m.frame, m.frameStale = m.render(), false
		m.frames++
	}
}

// leavesScreen reports messages that only start reads: nothing on screen
// changes until the reads come back. (The time moves on, but a countdown
// moves on its tick.)
func leavesScreen(msg tea.Msg) bool {
	switch msg.(type) {
	case live.Subscribed, live.Changed, peopleDueMsg:
		return true
	}
	return false
}

// isLoad reports the answers to reads: they change the screen only if they
// brought something new (dataChanged).
func isLoad(msg tea.Msg) bool {
	switch msg.(type) {
	case loadedMsg:
		return true
	}
	return false
}

func (m *Model) update(msg tea.Msg) tea.Cmd {
	if m.onExpiry(msg) {
		return nil
	}
	switch msg := msg.(type) {
	case live.Subscribed:
		m.pacer.Subscribed(msg.At)
		return m.readThenWait(live.AllParts()...)
	case live.Changed:
		return m.onChanges(msg.Changes, msg.At)
	case peopleDueMsg:
		return m.onPeopleDue()
	case loadedMsg:
		return m.apply(msg)
	case tickMsg:
		return m.onTick()
	case writtenMsg:
		return m.onWritten(msg)
	case doneMsg:
		return m.onDone(msg)
	case staleMsg:
		return m.notes.openConflict(&m.look, msg)
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
	if m.chat != nil {
		return m.chatKey(k)
	}
	if m.showHelp {
		switch {
		case key.Matches(k, m.keys.Quit):
			return m.quit()
		case key.Matches(k, m.keys.Help, m.keys.Back):
			m.showHelp = false
		}
		return nil
	}
	if t, ok := m.view(m.current).(typer); ok && t.typing() {
		cmd, _ := m.view(m.current).handleKey(&m.look, m, k)
		return cmd
	}
	if m.bannerKey(k) {
		return nil
	}
	if key.Matches(k, m.keys.Profile) && m.actor.PersonID != 0 {
		return m.meForm()
	}
	switch {
	case key.Matches(k, m.keys.Quit):
		return m.quit()
	case key.Matches(k, m.keys.Help):
		m.showHelp = true
	case key.Matches(k, m.keys.Undo) && !(m.current == viewBoard && key.Matches(k, m.keys.Unplace)):
		return m.undoLast()
	case key.Matches(k, m.keys.Chat):
		m.chat = &chatOverlay{}
	case key.Matches(k, m.keys.NextView):
		return m.cycle(1)
	case key.Matches(k, m.keys.PrevView):
		return m.cycle(-1)
	default:
		if id, ok := m.viewKey(k); ok {
			return m.show(id)
		}
		cmd, used := m.view(m.current).handleKey(&m.look, m, k)
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
	if id != m.current {
		m.status = statusLine{} // a message about one view does not follow to the next
	}
	m.current = id
	return m.view(id).sync(&m.look)
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

// showAhead changes the snapshot ahead of the write that will make the
// change (the read after the write confirms or undoes it), and lets every
// view find its cursor again. The snapshot is the model's, so views ask.
func (m *Model) showAhead(change func(*live.Snapshot)) tea.Cmd {
	change(&m.data)
	return m.syncSelections()
}

// syncSelections lets the view on screen find its cursor again after new
// data. The others find theirs when they are shown (show): syncing every
// view on every change cost each session a pass over every person of the
// camp (the People view's list), so a crowd's sessions cost sessions times
// people per announcement.
func (m *Model) syncSelections() tea.Cmd {
	return m.view(m.current).sync(&m.look)
}

// View returns the frame drawn by the last Update (or New): header, banner,
// the current view, status and help. It changes nothing.
func (m *Model) View() tea.View {
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

func (m *Model) fail(err error) {
	m.statusSeq++
	m.status = statusLine{text: schedule.ErrorMessage(err), isErr: true, seq: m.statusSeq}
}

func (m *Model) tell(text string) {
	m.statusSeq++
	m.status = statusLine{text: text, seq: m.statusSeq}
}

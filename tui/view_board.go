package tui

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/lightningcamp/camp/schedule"
	"github.com/lightningcamp/camp/tui/live"
)

// boardView is the open-space board of one block: tracks (breakout rooms)
// across, slots down, and the unplaced topics by votes.
type boardView struct {
	block    string
	onGrid   bool // which pane has the cursor: the grid or the unplaced list
	row, col int  // grid cursor: slot, track
	unplaced picker
	holding  int64 // the topic being placed or moved
	// heldFromGrid: the topic being placed was picked up from the grid (to
	// move it), not from the unplaced list.
	heldFromGrid bool
	preview      []schedule.Placement // a suggested board awaiting a yes
	detail       int64                // the topic shown whole (enter), or 0
	search       search               // "/": the unplaced topics by title, leader or tag

	topics Topics // the services it writes to: the board, votes and
	timers Timers // proposals, and the slots' timers
	desk   writes
	stars  Stars // the viewer's agenda (*); nil: no stars
}

func (*boardView) title() string { return "Open space" }

func topicIDs(ts []schedule.Topic) []int64 {
	ids := make([]int64, len(ts))
	for i, t := range ts {
		ids[i] = t.ID
	}
	return ids
}

func (v *boardView) slots(l *look) []schedule.Slot {
	b, _ := l.ev.Block(v.block)
	return b.Slots()
}

// cell is the grid cell under the cursor.
func (v *boardView) cell(l *look) (schedule.Track, schedule.Slot, bool) {
	slots, tracks := v.slots(l), l.ev.Tracks
	if len(slots) == 0 || len(tracks) == 0 {
		return schedule.Track{}, schedule.Slot{}, false
	}
	return tracks[v.col], slots[v.row], true
}

// selectedTopic is the topic under the cursor in whichever pane has focus.
func (v *boardView) selectedTopic(l *look) (schedule.Topic, bool) {
	if !v.onGrid {
		return l.data.Topic(v.unplaced.id)
	}
	tr, s, ok := v.cell(l)
	if !ok {
		return schedule.Topic{}, false
	}
	t, ok := l.data.Cells[live.Cell{Track: tr.ID, Slot: s.ID()}]
	return t, ok
}

func (v *boardView) sync(l *look) tea.Cmd {
	v.unplaced.sync(topicIDs(v.unplacedTopics(l)))
	v.row = min(max(v.row, 0), max(len(v.slots(l))-1, 0))
	v.col = min(max(v.col, 0), max(len(l.ev.Tracks)-1, 0))
	if t, ok := l.data.Topic(v.holding); v.holding != 0 && (!ok || t.Status == schedule.TopicWithdrawn) {
		v.drop()
	}
	if _, ok := l.data.Topic(v.detail); !ok {
		v.detail = 0
	}
	if v.preview != nil { // keep the preview true to the board as it now is
		v.preview = l.ev.SuggestBoard(v.block, l.data.Topics)
	}
	return nil
}

// shortKeys are the keys for what the cursor is on, most useful first.
func (v *boardView) shortKeys(l *look) []key.Binding {
	k := l.keys
	switch {
	case v.preview != nil:
		return []key.Binding{withHelp(k.Select, "enter", "apply suggestion"), withHelp(k.Back, "esc", "keep the board")}
	case v.detail != 0:
		return v.detailKeys(l)
	case v.holding != 0:
		return []key.Binding{placeHere(k), withHelp(k.Back, "esc", "cancel"), k.Up, k.Down, k.Left, k.Right}
	case v.search.isTyping():
		return []key.Binding{withHelp(k.Select, "enter", "keep the search"), withHelp(k.Back, "esc", "clear it"), k.Up, k.Down}
	}
	t, onTopic := v.selectedTopic(l)
	var keys []key.Binding
	if onTopic {
		keys = append(keys, withHelp(k.Select, "enter", "open topic"), k.Vote)
		if l.isOrganiser() {
			keys = append(keys, k.Place)
			if t.Status == schedule.TopicPlaced {
				keys = append(keys, k.Unplace)
			}
		}
		if v.mayEdit(l, t) {
			keys = append(keys, k.Edit)
		}
		keys = append(keys, k.Star)
	}
	keys = append(keys, k.Focus)
	if l.isOrganiser() {
		keys = append(keys, k.StartSlot, k.Suggest)
	}
	if t, _, ok := l.mainTimer(); ok && t.Kind == schedule.TimerSlot {
		keys = append([]key.Binding{k.Pause, k.Extend, k.StopTimer}, keys...) // the slot timer's, first
	}
	return append(keys, k.New, k.Search, k.PrevBlock, k.NextBlock)
}

// placeHere is the key that puts the held topic into the cell: p, as it
// was picked up, or enter.
func placeHere(k KeyMap) key.Binding {
	return key.NewBinding(key.WithKeys(append(k.Place.Keys(), k.Select.Keys()...)...),
		key.WithHelp(k.Place.Help().Key+"/"+k.Select.Help().Key, "place here"))
}

func (v *boardView) fullKeys(l *look) [][]key.Binding {
	k := l.keys
	return [][]key.Binding{
		{k.Up, k.Down, k.Left, k.Right, k.Focus, k.Search, k.PrevBlock, k.NextBlock},
		{withHelp(k.Select, "enter", "open topic"), k.Vote, k.Star, withHelp(k.Edit, "e", "edit title/tags"), k.New},
		{withHelp(k.Place, "p", "pick up (p/enter places)"), k.Unplace, k.Suggest, k.StartSlot, k.Back},
		{k.Pause, k.Extend, k.StopTimer, withHelp(k.Undo, "ctrl+z", "undo")},
	}
}

func (v *boardView) render(l *look, w, h int) string {
	if t, ok := l.data.Topic(v.detail); ok && v.detail != 0 {
		return v.renderDetail(l, t, w, h)
	}
	b, ok := l.ev.Block(v.block)
	if !ok {
		return l.st.faint.Render("this camp has no open-space blocks")
	}
	head := stack(l.heading(fmt.Sprintf("%s · %s · %d slots × %d rooms", b.Title, spanIn(b.Start, b.End, l.zone), len(b.Slots()), len(l.ev.Tracks)), w),
		v.yourRooms(l, w), v.modeLine(l, w))
	// Titles wrap over two lines above the leader's when the screen has the
	// room (it does at 80x24 with two slots), else one.
	lines := 3
	if h-height(head)-v.headerHeight(l, w)-1-len(b.Slots())*lines < 5 {
		lines = 2
	}
	grid := v.grid(l, w, lines)
	return stack(head, grid, v.sidePane(l, w, h-height(head)-height(grid)))
}

// yourRooms tells an attendee, in one line, which breakout room to join in
// each slot of this block: the topic they lead, else the one they voted for.
func (v *boardView) yourRooms(l *look, w int) string {
	if l.actor.PersonID == 0 || l.isOrganiser() {
		return ""
	}
	var parts []string
	for _, s := range v.slots(l) {
		if tr, t, ok := l.roomToJoin(s); ok {
			parts = append(parts, fmt.Sprintf("slot %d → %s (%s)", s.Index, l.roomName(tr), t.Title))
		}
	}
	if len(parts) == 0 {
		return l.st.faint.Render(truncate("Vote for topics (v) and the board shows which room to join.", w))
	}
	return l.st.mine.Render(truncate("Join: "+strings.Join(parts, " · "), w))
}

// modeLine explains the placing or preview mode, and whether the cell under
// the cursor would take the held topic.
func (v *boardView) modeLine(l *look, w int) string {
	switch {
	case v.preview != nil:
		return l.st.warn.Render(truncate(fmt.Sprintf("Suggested board: %d placements, shown with +. enter applies, esc keeps the board as it is.", len(v.preview)), w))
	case v.holding != 0:
		t, _ := l.data.Topic(v.holding)
		verdict := l.st.statusOK.Render("✓ this cell is free")
		if err := v.checkCell(l, t); err != nil {
			msg := "✗ " + schedule.ErrorMessage(err)
			if tr, _, ok := v.cell(l); ok && tr.ReservedFor != "" && !t.HasTag(tr.ReservedFor) && v.mayEdit(l, t) {
				msg += fmt.Sprintf(" (esc, then %s on the topic adds the tag)", l.keys.Edit.Help().Key)
			}
			// Wrapped, not cut: the end of the refusal says what to do.
			verdict = l.st.statusErr.Render(wrap(msg, w))
		}
		how := crop(wrap(fmt.Sprintf("Placing “%s”: arrows pick a cell, p or enter places it, esc cancels.", t.Title), w), 2)
		return l.st.warn.Render(how) + "\n" + verdict
	}
	return ""
}

func (v *boardView) checkCell(l *look, t schedule.Topic) error {
	tr, s, ok := v.cell(l)
	if !ok {
		return schedule.Errorf(schedule.ENOTFOUND, "this block has no cells")
	}
	return l.ev.CheckPlacement(t, tr.ID, s.ID(), l.data.Topics)
}

const slotLabelWidth = 10

// grid draws the board: a header of rooms (reserved tracks marked in
// words), then lines rows per slot; each cell is the topic's title and, on
// its last line, who leads it and its votes.
func (v *boardView) grid(l *look, w, lines int) string {
	tracks, slots := l.ev.Tracks, v.slots(l)
	cellW := v.cellWidth(l, w)
	widths := []int{slotLabelWidth}
	for range tracks {
		widths = append(widths, cellW)
	}
	rows := v.roomHeaders(l, w, widths)
	rows = append(rows, l.st.faint.Render(strings.Repeat("─", w)))
	suggested := v.suggestedCells(l)
	for r, s := range slots {
		cells := make([][]string, lines)
		cells[0] = []string{fmt.Sprintf("#%d %s", s.Index, s.Start.In(l.zone).Format("15:04"))}
		for i := 1; i < lines; i++ {
			cells[i] = []string{""}
		}
		for c, tr := range tracks {
			text := v.cellText(l, tr, s, suggested, cellW-3, lines)
			cells[0] = append(cells[0], l.marked(text[0], r == v.row && c == v.col, v.onGrid))
			for i := 1; i < lines; i++ {
				cells[i] = append(cells[i], "  "+text[i])
			}
		}
		for _, cl := range cells {
			rows = append(rows, columns(w, cl, widths))
		}
	}
	return strings.Join(rows, "\n")
}

func (v *boardView) cellWidth(l *look, w int) int {
	return max((w-slotLabelWidth)/max(len(l.ev.Tracks), 1), 8)
}

// roomHeaders names each room over as many lines as it needs (at most two),
// then what the track is for: a reserved track says so, shortened to
// "[TAG only]" rather than cut when "[reserved: TAG]" does not fit.
func (v *boardView) roomHeaders(l *look, w int, widths []int) []string {
	cellW := v.cellWidth(l, w) - 1
	names := make([][]string, len(l.ev.Tracks))
	nameLines := 1
	for i, tr := range l.ev.Tracks {
		names[i] = titleLines(l.roomName(tr), cellW, 2)
		nameLines = max(nameLines, len(names[i]))
	}
	rows := make([][]string, nameLines+1)
	rows[0] = []string{"Room"}
	for r := 1; r <= nameLines; r++ {
		rows[r] = []string{""}
	}
	for i, tr := range l.ev.Tracks {
		for r := 0; r < nameLines; r++ {
			name := ""
			if r < len(names[i]) {
				name = l.st.bold.Render(names[i][r])
			}
			rows[r] = append(rows[r], name)
		}
		rows[nameLines] = append(rows[nameLines], reservedNote(l, tr, cellW))
	}
	out := make([]string, len(rows))
	for i, r := range rows {
		out[i] = columns(w, r, widths)
	}
	return out
}

func (v *boardView) headerHeight(l *look, w int) int {
	n := 1
	for _, tr := range l.ev.Tracks {
		n = max(n, len(titleLines(l.roomName(tr), v.cellWidth(l, w)-1, 2)))
	}
	return n + 1
}

// reservedNote is the line under a room's name: the track's name, or which
// tag a reserved track takes, in the words that fit.
func reservedNote(l *look, tr schedule.Track, w int) string {
	if tr.ReservedFor == "" {
		return l.st.faint.Render(line(tr.Name))
	}
	for _, note := range []string{"[reserved: " + tr.ReservedFor + "]", "[" + tr.ReservedFor + " only]", "[" + tr.ReservedFor + "]"} {
		if cellWidth(note) <= w {
			return l.st.reserved.Render(note)
		}
	}
	return l.st.reserved.Render(truncate("["+tr.ReservedFor, w))
}

// cellText is the lines of one cell: the title, wrapped over all lines but
// the last, then who leads it and the votes.
func (v *boardView) cellText(l *look, tr schedule.Track, s schedule.Slot, suggested map[live.Cell]schedule.Topic, w, lines int) []string {
	out := make([]string, lines)
	t, placed := l.data.Cells[live.Cell{Track: tr.ID, Slot: s.ID()}]
	st, ok := suggested[live.Cell{Track: tr.ID, Slot: s.ID()}]
	switch {
	case placed:
		copy(out, titleLines(l.starPrefix(schedule.Target{Kind: "topic", ID: t.ID})+t.Title, w, lines-1))
		out[lines-1] = leaderLine(l, t, w)
	case ok:
		copy(out, titleLines("+ "+st.Title, w, lines-1))
		out[lines-1] = l.st.faint.Render(truncate("suggested · "+plural(st.Votes, "vote"), w))
	default:
		out[0] = l.st.faint.Render("(free)")
	}
	return out
}

// titleLines wraps a title over at most n lines of width w, cutting the last.
func titleLines(title string, w, n int) []string {
	rows := strings.Split(wrap(title, w), "\n")
	if len(rows) > n {
		rows = rows[:n]
		rows[n-1] = truncate(rows[n-1]+" …", w)
	}
	return rows
}

func (v *boardView) suggestedCells(l *look) map[live.Cell]schedule.Topic {
	cells := map[live.Cell]schedule.Topic{}
	for _, p := range v.preview {
		if t, ok := l.data.Topic(p.TopicID); ok {
			cells[live.Cell{Track: p.Track, Slot: p.Slot}] = t
		}
	}
	return cells
}

// sidePane is the unplaced topics, most votes first.
func (v *boardView) sidePane(l *look, w, h int) string {
	if h <= 1 {
		return ""
	}
	ts := v.unplacedTopics(l)
	head := stack(l.heading(fmt.Sprintf("Unplaced topics, by votes (✓ yours) · %d", len(ts)), w), v.search.line(l, w))
	h -= height(head) - 1
	if len(ts) == 0 {
		return stack(head, l.st.faint.Render("none: n proposes a topic"))
	}
	list := l.renderList(len(ts), v.unplaced.index, h-1, w, !v.onGrid, func(i, width int) string {
		t := ts[i]
		tags := ""
		if len(t.Tags) > 0 {
			tags = "#" + strings.Join(t.Tags, " #")
		}
		mark := ""
		if l.data.MyVotes[t.ID] {
			mark = "✓"
		}
		// Tags before the leader: they say which reserved room a topic may
		// go into, and the leader's name can be read in the detail.
		text := l.starPrefix(schedule.Target{Kind: "topic", ID: t.ID}) + t.Title
		if tags != "" {
			text += "  " + tags
		}
		return columns(width, []string{plural(t.Votes, "vote"), mark, text + " — " + t.Leader}, []int{9, 2, width})
	})
	return stack(head, list)
}

// leaderLine is a cell's last line: the votes (and ✓ for the viewer's own)
// whole, then as much of the leader's name as fits.
func leaderLine(l *look, t schedule.Topic, w int) string {
	votes := plural(t.Votes, "vote")
	if l.data.MyVotes[t.ID] {
		votes += " ✓"
	}
	return truncate(votes+" · "+t.Leader, w)
}

// unplacedTopics are the unplaced topics the search lets through.
func (v *boardView) unplacedTopics(l *look) []schedule.Topic {
	if v.search.query == "" {
		return l.data.Unplaced
	}
	var out []schedule.Topic
	for _, t := range l.data.Unplaced {
		if v.search.matches(t.Title, t.Leader, strings.Join(t.Tags, " ")) {
			out = append(out, t)
		}
	}
	return out
}

func (v *boardView) typing() bool { return v.search.isTyping() }

func (v *boardView) voteMark(l *look, t schedule.Topic) string {
	if l.data.MyVotes[t.ID] {
		return " ✓ your vote"
	}
	return ""
}

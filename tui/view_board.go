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

	topics Topics // the services it writes to: the board, votes and
	timers Timers // proposals, and the slots' timers
	stage  Stage  // who is in which room (presence.go); nil: no presence
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
	v.unplaced.sync(topicIDs(l.data.Unplaced))
	v.row = min(max(v.row, 0), max(len(v.slots(l))-1, 0))
	v.col = min(max(v.col, 0), max(len(l.ev.Tracks)-1, 0))
	if t, ok := l.data.Topic(v.holding); !ok || t.Status == schedule.TopicWithdrawn {
		v.drop()
	}
	if v.preview != nil { // keep the preview true to the board as it now is
		v.preview = l.ev.SuggestBoard(v.block, l.data.Topics)
	}
	return nil
}

func (v *boardView) shortKeys(l *look) []key.Binding {
	k := l.keys
	switch {
	case v.holding != 0:
		return []key.Binding{k.Up, k.Down, k.Left, k.Right, k.Select, k.Back}
	case v.preview != nil:
		return []key.Binding{k.Select, k.Back}
	}
	return []key.Binding{k.Focus, k.Place, k.Unplace, k.Suggest, k.StartSlot, k.Vote, k.New, k.Here, k.NextBlock, k.Star}
}

func (v *boardView) fullKeys(l *look) [][]key.Binding {
	k := l.keys
	return [][]key.Binding{
		{k.Up, k.Down, k.Left, k.Right, k.Focus, k.PrevBlock, k.NextBlock},
		{k.Place, k.Select, k.Unplace, k.Suggest, k.StartSlot, k.Back},
		{k.Vote, k.New, k.Here, k.Star},
	}
}

func (v *boardView) render(l *look, w, h int) string {
	b, ok := l.ev.Block(v.block)
	if !ok {
		return l.st.faint.Render("this camp has no open-space blocks")
	}
	head := stack(l.heading(fmt.Sprintf("%s · %s · %d slots × %d rooms", b.Title, spanIn(b.Start, b.End, l.zone), len(b.Slots()), len(l.ev.Tracks)), w),
		v.yourRooms(l, w), l.hereLine(w), l.whoIsWhere(w), v.modeLine(l, w))
	lines := 2
	if h >= 30 {
		lines = 3 // tall screens wrap titles instead of cutting them
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
		for _, tr := range l.ev.Tracks {
			if t, ok := l.data.Cells[live.Cell{Track: tr.ID, Slot: s.ID()}]; ok && (t.LeaderID == l.actor.PersonID || l.data.MyVotes[t.ID]) {
				parts = append(parts, fmt.Sprintf("slot %d → %s (%s)", s.Index, l.roomName(tr), t.Title))
				break
			}
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
			verdict = l.st.statusErr.Render("✗ " + schedule.ErrorMessage(err))
		}
		return l.st.warn.Render(truncate(fmt.Sprintf("Placing “%s”: arrows pick a cell, enter places, esc cancels.", t.Title), w)) +
			"\n" + truncate(verdict, w)
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
	cellW := max((w-slotLabelWidth)/max(len(tracks), 1), 8)
	widths := []int{slotLabelWidth}
	names, notes := []string{"Room"}, []string{""}
	for _, tr := range tracks {
		widths = append(widths, cellW)
		names = append(names, l.st.bold.Render(l.roomName(tr)))
		note := l.st.faint.Render(line(tr.Name))
		if tr.ReservedFor != "" {
			note = l.st.reserved.Render("[reserved: " + tr.ReservedFor + "]")
		}
		notes = append(notes, note)
	}
	rows := []string{columns(w, names, widths), columns(w, notes, widths), l.st.faint.Render(strings.Repeat("─", w))}
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

// cellText is the lines of one cell: the title, wrapped over all lines but
// the last, then who leads it and the votes.
func (v *boardView) cellText(l *look, tr schedule.Track, s schedule.Slot, suggested map[live.Cell]schedule.Topic, w, lines int) []string {
	out := make([]string, lines)
	t, placed := l.data.Cells[live.Cell{Track: tr.ID, Slot: s.ID()}]
	st, ok := suggested[live.Cell{Track: tr.ID, Slot: s.ID()}]
	switch {
	case placed:
		copy(out, titleLines(l.starPrefix(schedule.Target{Kind: "topic", ID: t.ID})+t.Title, w, lines-1))
		out[lines-1] = truncate(fmt.Sprintf("%s%s · %s%s", l.headsHere(tr, s), t.Leader, plural(t.Votes, "vote"), v.voteMark(l, t)), w)
	case ok:
		copy(out, titleLines("+ "+st.Title, w, lines-1))
		out[lines-1] = l.st.faint.Render(truncate("suggested · "+plural(st.Votes, "vote"), w))
	default:
		out[0] = l.headsHere(tr, s) + l.st.faint.Render("(free)")
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
	ts := l.data.Unplaced
	head := l.heading(fmt.Sprintf("Unplaced topics, by votes · %d", len(ts)), w)
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
			mark = "✓ voted"
		}
		title := l.starPrefix(schedule.Target{Kind: "topic", ID: t.ID}) + t.Title
		return columns(width, []string{plural(t.Votes, "vote"), mark, title + " — " + t.Leader + "  " + tags}, []int{9, 8, width})
	})
	return stack(head, list)
}

func (v *boardView) voteMark(l *look, t schedule.Topic) string {
	if l.data.MyVotes[t.ID] {
		return " ✓ your vote"
	}
	return ""
}

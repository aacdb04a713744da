package tui

import "charm.land/bubbles/v2/key"

// KeyMap is every key the console answers to. A binding is used only in the
// views it belongs to, so one key can mean different things in two views
// (r rejects a talk, and adds a report in Notes). Bindings the session's role
// may not use are switched off per session and vanish from the help.
type KeyMap struct {
	// Moving around, everywhere.
	NextView, PrevView                                key.Binding
	Now, Talks, Board, Notes, People, Announce        key.Binding
	Up, Down, Left, Right, PageUp, PageDown, Top, End key.Binding
	Select, Back, Help, Quit                          key.Binding

	// Everyone who may contribute.
	New, Edit, Withdraw, Vote, Report key.Binding
	Star                              key.Binding // star/unstar for the personal agenda (Talks, board)
	Guide                             key.Binding // the compiler-tool guide (Notes); everyone

	// Talks (organisers).
	Approve, Reject, Undo, MoveUp, MoveDown key.Binding
	Start, Finish, Skip, Extend             key.Binding
	StartNext, Pause, StopTimer             key.Binding
	ApproveAll                              key.Binding
	Later, NextCamp, Filter, PrevBlock      key.Binding
	NextBlock                               key.Binding

	// Open space (organisers).
	Place, Unplace, Suggest, StartSlot, Focus key.Binding

	// Notes and People (organisers).
	Hide, Mute, Ban key.Binding

	// Announcements: clearing (organisers), and reading the banner whole
	// (everyone, on every view).
	ClearAnnouncement, ExpandBanner key.Binding

	// Search narrows a list by title or name (Talks).
	Search key.Binding

	// Profile changes the viewer's display name and zone (every view).
	Profile key.Binding

	// Paste-ready text for Zoom chat (organisers, every view).
	Chat key.Binding
}

func bind(help, desc string, keys ...string) key.Binding {
	return key.NewBinding(key.WithKeys(keys...), key.WithHelp(help, desc))
}

// DefaultKeyMap is the key map of the console and the attendee sessions.
func DefaultKeyMap() KeyMap {
	return KeyMap{
		NextView: bind("tab", "next view", "tab"),
		PrevView: bind("shift+tab", "previous view", "shift+tab"),
		Now:      bind("1", "now", "1"),
		Talks:    bind("2", "talks", "2"),
		Board:    bind("3", "open space", "3"),
		Notes:    bind("4", "notes", "4"),
		People:   bind("5", "people", "5"),
		Announce: bind("6", "announce", "6"),
		Up:       bind("↑/k", "up", "up", "k"),
		Down:     bind("↓/j", "down", "down", "j"),
		Left:     bind("←/h", "left", "left", "h"),
		Right:    bind("→/l", "right", "right", "l"),
		PageUp:   bind("pgup", "page up", "pgup"),
		PageDown: bind("pgdn", "page down", "pgdown"),
		Top:      bind("g/home", "first", "home", "g"),
		End:      bind("G/end", "last", "end", "G"),
		Select:   bind("enter", "open", "enter"),
		Back:     bind("esc", "back", "esc"),
		Help:     bind("?", "help", "?"),
		Quit:     bind("q", "quit", "q", "ctrl+c"),

		New:      bind("n", "new", "n"),
		Edit:     bind("e", "edit", "e"),
		Withdraw: bind("w", "withdraw", "w"),
		Vote:     bind("v", "vote/unvote", "v"),
		Report:   bind("r", "report", "r"),
		Star:     bind("*", "star/unstar", "*"),
		Guide:    bind("t", "tool guide", "t"),

		Approve:    bind("a", "approve", "a"),
		Reject:     bind("r", "reject", "r"),
		Undo:       bind("u", "undo", "u", "ctrl+z"),
		MoveUp:     bind("K", "move up", "K", "shift+up"),
		MoveDown:   bind("J", "move down", "J", "shift+down"),
		Start:      bind("s", "start", "s"),
		Finish:     bind("f", "finish", "f"),
		Skip:       bind("x", "skip", "x"),
		Extend:     bind("+", "extend 1 min", "+", "="),
		StartNext:  bind("s", "start next", "s"),
		ApproveAll: bind("A", "approve all shown", "A"),
		Pause:      bind("space", "pause/resume", "space"),
		StopTimer:  bind("X", "stop timer", "X"),
		Later:      bind("b", "later block", "b"),
		NextCamp:   bind("N", "next camp", "N"),
		Filter:     bind("F", "next filter", "F"),
		PrevBlock:  bind("[", "prev block", "["),
		NextBlock:  bind("]", "next block", "]"),

		Place:     bind("p", "place/move", "p"),
		Unplace:   bind("u", "unplace", "u"),
		Suggest:   bind("S", "suggest board", "S"),
		StartSlot: bind("t", "start slot timer", "t"),
		Focus:     bind("f", "board/unplaced", "f"),

		Hide: bind("x", "hide/show", "x"),
		Mute: bind("m", "mute/unmute", "m"),
		Ban:  bind("B", "ban/unban", "B"),

		ClearAnnouncement: bind("x", "clear/bring back", "x"),
		ExpandBanner:      bind("!", "read announcement", "!"),
		Search:            bind("/", "search", "/"),
		Profile:           bind("y", "your name & zone", "y"),
		Chat:              bind("c", "chat text", "c"),
	}
}

package screen

import (
	"image/color"
	"io"
	"slices"
	"sync"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
)

// counting records, for every View call, the number of the last update it
// followed.
type counting struct {
	mu      sync.Mutex
	updates int
	views   []int
}

type numbered int

func (c *counting) Init() tea.Cmd { return nil }

func (c *counting) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	if n, ok := msg.(numbered); ok {
		c.mu.Lock()
		c.updates = int(n)
		c.mu.Unlock()
	}
	return c, nil
}

func (c *counting) View() tea.View {
	c.mu.Lock()
	c.views = append(c.views, c.updates)
	c.mu.Unlock()
	return tea.NewView("")
}

// TestBubbleTeaCallsViewAfterEveryUpdate pins what the Renderer rests on:
// with tea.WithoutRenderer, Bubble Tea still calls View after every update,
// and Drawn hands each view to the Renderer. Were it to stop (or to skip
// views between quick updates), sessions would freeze on an old frame.
func TestBubbleTeaCallsViewAfterEveryUpdate(t *testing.T) {
	m := &counting{}
	p := tea.NewProgram(m, tea.WithoutRenderer(), tea.WithInput(nil), tea.WithOutput(io.Discard),
		tea.WithoutSignalHandler(), tea.WithWindowSize(80, 24))
	done := make(chan error, 1)
	go func() { _, err := p.Run(); done <- err }()
	const n = 200
	for i := 1; i <= n; i++ {
		p.Send(numbered(i))
	}
	p.Quit()
	select {
	case err := <-done:
		if err != nil {
			t.Fatal(err)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("the program did not end")
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	for i := 1; i <= n; i++ {
		if !slices.Contains(m.views, i) {
			t.Fatalf("no View after update %d: Bubble Tea no longer calls View after every update under WithoutRenderer", i)
		}
	}
}

// knownView has exactly the fields of tea.View that the package's contract
// speaks of, in order: the conversion below stops compiling when Bubble Tea
// adds, removes or changes one, so a new field cannot go unnoticed (and
// undrawn). Add it to the contract and to Unsupported, then here.
type knownView struct {
	Content                   string
	OnMouse                   func(msg tea.MouseMsg) tea.Cmd
	Cursor                    *tea.Cursor
	BackgroundColor           color.Color
	ForegroundColor           color.Color
	WindowTitle               string
	ProgressBar               *tea.ProgressBar
	ProgramStatus             *tea.ProgramStatus
	AltScreen                 bool
	ReportFocus               bool
	DisableBracketedPasteMode bool
	MouseMode                 tea.MouseMode
	KeyboardEnhancements      tea.KeyboardEnhancements
}

var _ = tea.View(knownView{})

func TestUnsupportedNamesTheFieldsTheRendererIgnores(t *testing.T) {
	v := tea.NewView("hello")
	v.WindowTitle, v.AltScreen = "camp", true
	if got := Unsupported(v); len(got) != 0 {
		t.Errorf("content, title and alt screen are drawn; Unsupported says %v", got)
	}
	v.Cursor = tea.NewCursor(1, 1)
	v.MouseMode = tea.MouseModeCellMotion
	v.ReportFocus = true
	v.BackgroundColor = color.Black
	if got, want := Unsupported(v), []string{"Cursor", "BackgroundColor", "ReportFocus", "MouseMode"}; !slices.Equal(got, want) {
		t.Errorf("Unsupported says %v, want %v", got, want)
	}
}

// Drawn hands every view and window size to the Renderer.
func TestDrawnHandsViewsToTheRenderer(t *testing.T) {
	r := New(io.Discard, 0, 80, 24)
	m := Drawn(&counting{}, r)
	m, _ = m.Update(tea.WindowSizeMsg{Width: 100, Height: 30})
	m.View()
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.next.width != 100 || r.next.height != 30 {
		t.Errorf("the renderer has the size %dx%d, want 100x30", r.next.width, r.next.height)
	}
	select {
	case <-r.kick:
	default:
		t.Error("a new view did not wake the renderer")
	}
}

package tui

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"charm.land/huh/v2"
)

// Keys typed into a text area are gathered and inserted together; only the
// person's next input may pass them on early. A cursor blink (which every
// insert itself causes) passed them on before: on a busy machine each insert
// then carried a handful of keys, and 10 KB typed took 16 s instead of 0.3 s.
func TestTypedKeysWaitForInputNotForBlinks(t *testing.T) {
	m := stubModel(t)
	m.width, m.height = 80, 24
	var text string
	m.openForm("Test", "", huh.NewForm(huh.NewGroup(huh.NewText().Title("Text").Value(&text))), func() tea.Cmd { return nil })
	for _, r := range "hello" {
		m.updateForm(tea.KeyPressMsg{Code: r, Text: string(r)})
	}
	type blink struct{}
	m.updateForm(blink{})
	if got := m.form.typed.String(); got != "hello" {
		t.Fatalf("after a non-input message the gathered keys are %q; want them still gathered (%q)", got, "hello")
	}
	m.updateForm(typedMsg{})
	if got := m.form.typed.String(); got != "" {
		t.Errorf("the pause did not insert the gathered keys: %q left", got)
	}
}

// A proposal refused by the store is stashed as a draft without being shown
// (duplicates.go). Brought back with n, it drew an empty form: huh draws
// nothing before Init, and only a later message (a live update) happened to
// fill it in, which CI's busy machine did not send within 10 s.
func TestAStashedDraftComesBackDrawn(t *testing.T) {
	m := stubModel(t)
	m.width, m.height = 80, 24
	title := "shed skin, revisited"
	m.stashDraft("Propose", "", huh.NewForm(huh.NewGroup(huh.NewInput().Title("Title").Value(&title))), func() tea.Cmd { return nil })
	m.openForm("Propose", "", huh.NewForm(huh.NewGroup(huh.NewInput().Title("Title"))), func() tea.Cmd { return nil })
	if got := m.form.form.View(); !strings.Contains(got, title) {
		t.Fatalf("the draft came back as %q; want its title %q shown", got, title)
	}
}

// A draft that was shown keeps its place when it comes back: starting it
// again would move the cursor back to the first field.
func TestAShownDraftIsNotStartedAgain(t *testing.T) {
	m := stubModel(t)
	m.width, m.height = 80, 24
	open := func() tea.Cmd {
		return m.openForm("Test", "", huh.NewForm(huh.NewGroup(huh.NewInput().Title("A"), huh.NewInput().Title("B"))), func() tea.Cmd { return nil })
	}
	if open() == nil {
		t.Fatal("a new form was not started")
	}
	m.keepDraft()
	if open() != nil {
		t.Error("a draft that was shown was started again")
	}
}

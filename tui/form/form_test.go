package form

import (
	"errors"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"charm.land/huh/v2"
)

func keyOf(r rune) tea.KeyPressMsg {
	if r == '\r' {
		return tea.KeyPressMsg{Code: tea.KeyEnter}
	}
	return tea.KeyPressMsg{Code: r, Text: string(r)}
}

// A key that moves the form holds the keys after it until the form has
// moved; a key whose value fails validation holds nothing.
func TestKeysAfterAMoveWaitForTheNextField(t *testing.T) {
	var first, second string
	f := New(huh.NewForm(huh.NewGroup(
		huh.NewInput().Title("First").Value(&first).Validate(func(s string) error {
			if s == "" {
				return errors.New("required")
			}
			return nil
		}),
		huh.NewInput().Title("Second").Value(&second),
	)), nil)
	f.Init()
	f.Update(keyOf('\r')) // empty: refused, the form stays
	if f.Holding() {
		t.Fatal("a key that failed validation holds the keys after it")
	}
	for _, r := range "a\rb" { // one burst: "b" arrives before the form moves
		f.Update(keyOf(r))
	}
	if !f.Holding() {
		t.Fatal("Enter on a valid value did not hold the key after it")
	}
	f.Update(huh.NextField()) // the move Enter asked for
	if f.Holding() {
		t.Fatal("the keys are still held after the form moved")
	}
	if first != "a" || f.Huh().GetFocusedField().GetValue() != "b" {
		t.Errorf("first %q, second %q; want a, b", first, f.Huh().GetFocusedField().GetValue())
	}
}

// Keys typed after the key that ends the form are left over, for what
// comes after it, once.
func TestKeysPastTheEndAreLeftOver(t *testing.T) {
	var v string
	f := New(huh.NewForm(huh.NewGroup(huh.NewInput().Title("Only").Value(&v))), nil)
	f.Init()
	for _, r := range "x\rjk" {
		f.Update(keyOf(r))
	}
	deliver(f, f.Update(huh.NextField())) // the last field: on to the end of the form
	if f.State() != huh.StateCompleted {
		t.Fatalf("the form is %v, want completed", f.State())
	}
	if got := f.Leftover(); len(got) != 2 || got[0].Text != "j" || got[1].Text != "k" {
		t.Errorf("left over %v, want j, k", got)
	}
	if got := f.Leftover(); len(got) != 0 {
		t.Errorf("left over twice: %v", got)
	}
	if v != "x" {
		t.Errorf("the value is %q, want x", v)
	}
}

// deliver runs cmd and gives what comes back at once to f, as a program
// would; commands that wait (the hold's time limit) are left behind.
func deliver(f *Form, cmd tea.Cmd) {
	if cmd == nil {
		return
	}
	done := make(chan tea.Msg, 1)
	go func() { done <- cmd() }()
	select {
	case msg := <-done:
		if batch, ok := msg.(tea.BatchMsg); ok {
			for _, c := range batch {
				deliver(f, c)
			}
			return
		}
		if msg != nil {
			deliver(f, f.Update(msg))
		}
	case <-time.After(100 * time.Millisecond):
	}
}

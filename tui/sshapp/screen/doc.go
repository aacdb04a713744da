// Package screen draws an SSH session's frames on its terminal, in place of
// Bubble Tea's renderer, and watches for a client that stops reading.
//
// # Contract
//
// A session's program runs with tea.WithoutRenderer and its model wrapped
// in Drawn. This rests on one behaviour of Bubble Tea that its
// documentation does not promise, pinned by TestBubbleTeaCallsViewAfterEveryUpdate:
// with the renderer off, the program still calls the model's View after
// every Update, and Drawn hands that view to the Renderer. Should a new
// Bubble Tea stop doing so, that test fails, and sessions would otherwise
// freeze on their first frame.
//
// The Renderer draws a tea.View's Content (full screen, in the alternate
// screen, whatever AltScreen says) and its WindowTitle. It does not support
// the other fields: Cursor (the cursor stays hidden), BackgroundColor and
// ForegroundColor, ProgressBar, ProgramStatus, ReportFocus, MouseMode and
// OnMouse, KeyboardEnhancements, and DisableBracketedPasteMode (bracketed
// paste is always on). Unsupported lists the ones a view sets; the camp's
// views set none, which TestViews in package tui checks for every view, so
// a view that starts using one fails a test rather than silently losing
// it. A field Bubble Tea adds stops a test of this package from compiling
// (knownView) until it is added here.
//
// The Renderer writes from a goroutine other than the program's event loop
// (Run, or a session's own loop selecting on Woken and calling DrawPaced). Lines it encodes (cut to the width, recoloured for
// the terminal's profile) are shared by every session of the process: at
// any second most sessions draw the same countdown.
//
// StallWriter serialises a session's writes and notes how long the current
// one has been blocked; a Watchdog (one per server) ends the session once
// that passes a limit, so a client that never reads holds up only itself,
// and not for long.
//
// Input reads a session's keys in place of Bubble Tea's reader (the
// program runs with tea.WithInput(nil)): one goroutine and no key table of
// its own per session.
package screen

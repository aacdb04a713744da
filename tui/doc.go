// Package tui is camp's terminal interface: the organiser's console and,
// limited by role, the views every attendee's SSH session shows. It is one
// Bubble Tea v2 model with six views, reached by the number keys and tab:
//
//  1. Now: the clock in every display zone and the viewer's, the current and
//     next block, the live talk's large countdown (its words and frame change
//     at one minute and at thirty seconds; overrun shows as negative time),
//     the next talks, the open-space rooms and how many people are here.
//  2. Talks: each talks block's queue with a Markdown detail pane; approve,
//     reject (u undoes), reorder, start, finish, skip, extend by a minute,
//     move to a later block or the next camp; attendees propose, edit and
//     withdraw their own and see their place in the queue.
//  3. Open space: the board (breakout rooms by slots), unplaced topics by
//     votes; place, move and unplace with the board rules checked as you
//     point, a suggested board previewed before it is applied, slot timers;
//     attendees propose topics, vote and see which room to join.
//  4. Notes: notes and experience reports per talk and topic; an edit made
//     from an old revision shows the other person's text to merge.
//  5. People (organisers): who is here, roles, code of conduct, mute, ban.
//  6. Announce (organisers): broadcast; every session shows the newest as a
//     banner.
//
// # Wiring
//
// The model never imports package store: it declares the small interfaces
// it consumes (People, Talks, Topics, Notes, Timers, Announcements, a subset
// of the schedule services, plus Presence) and is handed implementations:
//
//	m := tui.New(tui.Deps{
//		Event: ev, Clock: clock, Feed: camp, Presence: registry,
//		People: camp, Talks: camp, Topics: camp, Notes: camp, Timers: camp, Announcements: camp,
//		ConnectHint: "attendees: ssh -p 2222 127.0.0.1",
//	}, actor, tui.Options{Zone: zone, DarkBackground: true, Profile: profile, Context: ctx})
//	_, err := tea.NewProgram(m, tea.WithContext(ctx)).Run()
//	m.Close() // or cancel ctx
//
// Each view is a component: it keeps its own state and key handling, reads
// the session's look (the snapshot, the time, the viewer, keys, styles) and
// changes the camp only through a small interface of writes; the root model
// routes messages, owns the frame and the form, and draws at the end of
// Update, so View changes nothing.
//
// One model serves one session. Everything that differs between sessions is
// an argument: the actor (whose role hides what they may not do, both the
// keys and their help), the viewer's zone, the colour profile and
// background (a model picks one of two read-only style sets, for a dark or
// a light background), and the key map. A server with many sessions also
// gives them one Deps.Shared, so that a change costs one read for all of
// them, not one each (see live.Shared).
//
// # Live data
//
// Package live owns the feed subscription, the reads shared between
// sessions, the pacing of reads and the snapshot the views draw from; the
// model asks it what to read and applies what comes back. All reads and
// writes run inside tea.Cmds. Init subscribes to the Feed; on
// each signal the model re-reads only the kinds that changed
// (schedule.Changes.Has), and every list keeps its cursor by item ID, so a
// change made anywhere shows within a second without moving the cursor or
// touching a half-filled form. Writes from one session are sent in order,
// one at a time. A single 1 Hz tick drives every countdown and stops when
// nothing on screen counts down (a host of many sessions sends one clock's
// tick to all of them instead: Options.SharedClock); who is online is
// re-read at most once a second, on that tick when there is one. A frame is drawn again only when
// something it shows may have changed. Every time the camp shows or acts on
// (countdowns, the current block, when a write happened) comes from
// Deps.Clock, so a rehearsal clock runs the whole day. Pacing alone uses the
// machine's clock: how long a read may be shared, how often who is online is
// re-read, how long typed-ahead keys wait for a form to move. Those are
// about the server's load and the network, not about the camp's day.
//
// Text from people is cleaned with schedule/sanitize as it is read, before
// any view can draw it. State is never told by colour alone: words, markers
// ("›", "[reserved]", "✓", "▶ LIVE") and borders carry it, so NO_COLOR and
// monochrome terminals lose nothing.
//
// Its tests run against a real SQLite camp (store/storetest.SeedCamp);
// package tuitest holds only small doubles that replace one read of a real
// service, to inject a failure or rows the store would refuse.
package tui

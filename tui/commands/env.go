// Package commands is the command tree people type: over SSH without a PTY
// (`ssh -p 2222 HOST talks --json`) and, for the organiser, in the local CLI
// (`camp talks`). One tree, so both behave the same; every write goes through
// the domain services, which authorise it.
package commands

import (
	"context"
	"io"
	"time"

	"github.com/lightningcamp/camp/schedule"
	"github.com/lightningcamp/camp/tui/linemode"
)

// Backend is what the commands need from the camp. The store implements it.
type Backend interface {
	schedule.PersonService
	schedule.TalkService
	schedule.TopicService
	schedule.NoteService
	schedule.TimerService
	schedule.AnnouncementService
	schedule.StageService // room presence, speaker cues, questions
	schedule.GuideService
	schedule.StarService
	Event() *schedule.Event
	Visibility
	// MergeTopics folds one topic into another: its dots, notes and
	// reports move, and it is withdrawn. Organisers only.
	MergeTopics(ctx context.Context, a schedule.Actor, from, into int64) (schedule.Topic, error)
	// RequestLink starts linking the actor to their registration by email
	// and returns the one-time code an organiser must confirm.
	RequestLink(ctx context.Context, a schedule.Actor, email string) (string, error)
	// PendingLink shows an organiser who asked for a code and for which
	// email, before ConfirmLink applies it.
	PendingLink(ctx context.Context, a schedule.Actor, code string) (schedule.LinkRequest, error)
	ConfirmLink(ctx context.Context, a schedule.Actor, code string) (schedule.Person, error)
}

// Visibility is the camp's reads on someone's behalf: each applies the
// one visibility rule (schedule.Viewer), and what the caller may not see is
// "not found". Commands read talks, topics, notes and reports only through
// these, so no command shows what the TUI or the export keeps private.
type Visibility interface {
	VisibleTalks(ctx context.Context, v schedule.Viewer, f schedule.TalkFilter) ([]schedule.Talk, error)
	VisibleTalk(ctx context.Context, v schedule.Viewer, id int64) (schedule.Talk, error)
	VisibleTopics(ctx context.Context, v schedule.Viewer) ([]schedule.Topic, error)
	VisibleTopic(ctx context.Context, v schedule.Viewer, id int64) (schedule.Topic, error)
	VisibleNotes(ctx context.Context, v schedule.Viewer, t schedule.Target) ([]schedule.NoteEntry, error)
	VisibleReports(ctx context.Context, v schedule.Viewer, t schedule.Target) ([]schedule.Report, error)
}

// Stats are the server's vital signs (organisers' `stats`).
type Stats struct {
	Sessions       int            `json:"sessions"`
	SessionsByRole map[string]int `json:"sessions_by_role"`
	Goroutines     int            `json:"goroutines"`
	HeapBytes      uint64         `json:"heap_bytes"`
	RSSBytes       uint64         `json:"rss_bytes"`
	CPUSeconds     float64        `json:"cpu_seconds"`
	UptimeSeconds  float64        `json:"uptime_seconds"`
}

// Env is everything one invocation of the tree runs with.
type Env struct {
	Backend Backend
	Actor   schedule.Actor
	// Fingerprint is the SHA256 fingerprint of the session's key ("" for a
	// guest), shown by whoami so people can tell organisers which key is theirs.
	Fingerprint string
	Clock       schedule.Clock
	// ViewerTZ is the zone the person reads times in ("" for the event's).
	ViewerTZ string
	// Stats reports the server's vital signs; nil where there is no server.
	Stats func() Stats
	// ExportEvent writes event.json for the camp; ExportMine writes one
	// person's own talks, topics, notes and reports as Markdown.
	ExportEvent func(ctx context.Context, w io.Writer) error
	ExportMine  func(ctx context.Context, w io.Writer, personID int64) error
	// SSHCommand is how people reach this server, e.g. "ssh -p 2222
	// camp.example.org"; help examples start with it. "" means a placeholder.
	SSHCommand string
	// OnInternalError hears of errors that people are not told the details
	// of (schedule.EINTERNAL), so the server can log them; nil ignores them.
	OnInternalError func(error)
	// Feed is the camp's change feed, which `follow` subscribes to; nil
	// where nothing publishes changes (follow then refuses).
	Feed schedule.Feed
	// Terminal says the session has a PTY: the client's terminal is raw,
	// so streamed lines end with CR LF.
	Terminal bool
	// Follow bounds what waits for a slow `follow` client.
	Follow linemode.Limits
	// Now is the clock's time; commands read it once per invocation.
	now time.Time
}

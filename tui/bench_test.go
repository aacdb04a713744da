package tui_test

import (
	"context"
	"fmt"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/lightningcamp/camp/tui"

	"github.com/lightningcamp/camp/schedule"
	"github.com/lightningcamp/camp/tui/live"
	"github.com/lightningcamp/camp/tui/tuitest"
)

// BenchmarkTalksView300 draws the Talks view of a block holding 300 talks.
func BenchmarkTalksView300(b *testing.B) {
	c := newCamp(b)
	speaker := c.Attendee.PersonID
	statuses := []schedule.TalkStatus{schedule.TalkApproved, schedule.TalkProposed, schedule.TalkDone}
	var crowd []schedule.Talk
	for i := range 300 {
		crowd = append(crowd, schedule.Talk{ID: int64(10000 + i), SpeakerID: speaker, Speaker: "Priya Raman", Block: "eu-talks",
			Position: 10 + i, Minutes: 5, Status: statuses[i%3], Title: fmt.Sprintf("Talk number %d about compiling Python", i),
			Abstract: fmt.Sprintf("Talk %d: **bold** claims, `code` and a [link](https://example.org/%d).", i, i)})
	}
	c.deps.Talks = tuitest.WithTalks(c.Camp, func(ctx context.Context, f schedule.TalkFilter) ([]schedule.Talk, error) {
		ts, err := c.Camp.Talks(ctx, f)
		return append(ts, crowd...), err
	})
	benchView(b, c, "2")
}

// BenchmarkBoardView500 draws the open-space board with 500 topics.
func BenchmarkBoardView500(b *testing.B) {
	c := newCamp(b)
	var crowd []schedule.Topic
	for i := range 500 {
		crowd = append(crowd, schedule.Topic{ID: int64(10000 + i), LeaderID: c.Attendee.PersonID, Leader: "Priya Raman",
			Status: schedule.TopicOpen, Votes: i % 17, Title: fmt.Sprintf("Topic %d: what we learnt compiling things", i)})
	}
	c.deps.Topics = tuitest.WithTopics(c.Camp, func(ctx context.Context) ([]schedule.Topic, error) {
		ts, err := c.Camp.Topics(ctx)
		return append(ts, crowd...), err
	})
	benchView(b, c, "3")
}

// benchView measures one frame of a view at the smallest and a large size.
func benchView(b *testing.B, c *realCamp, k string) {
	for _, size := range [][2]int{{80, 24}, {160, 48}} {
		b.Run(fmt.Sprintf("%dx%d", size[0], size[1]), func(b *testing.B) {
			m := settled(b, c, c.Organiser, size[0], size[1])
			press(m, key(k))
			settle(m)
			benchFrames(b, m, size[0], size[1])
		})
	}
}

// benchFrames draws frame after frame. The model keeps its last frame until
// a message may have changed it, so each frame follows one that does (a
// window size, as after a resize): the figure is a full redraw.
func benchFrames(b *testing.B, m *tui.Model, w, h int) {
	b.ReportAllocs()
	for b.Loop() {
		m.Update(tea.WindowSizeMsg{Width: w, Height: h})
		_ = m.View()
	}
}

// BenchmarkNowView draws an attendee's Now view with a talk live: the
// screen every session redraws each second while a countdown runs.
func BenchmarkNowView(b *testing.B) {
	c := newCamp(b)
	for _, size := range [][2]int{{80, 24}, {160, 48}} {
		b.Run(fmt.Sprintf("%dx%d", size[0], size[1]), func(b *testing.B) {
			m := settled(b, c, c.Attendee, size[0], size[1])
			benchFrames(b, m, size[0], size[1])
		})
	}
}

// BenchmarkNowViewSecond is the countdown second as a crowd draws it: 100
// attendees in one process watch a live talk, and the clock moves on a
// second after each has drawn its frame. One op is one session's frame in
// one second, the figure behind "CPU per session-second" in
// docs/PERFORMANCE.md (the first session each second draws what the others
// then share).
func BenchmarkNowViewSecond(b *testing.B) {
	const crowd = 100
	c := newCamp(b)
	c.deps.Shared = live.NewShared()
	models := make([]*tui.Model, crowd)
	for i := range models {
		models[i] = settled(b, c, c.Attendee, 80, 24)
	}
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		if i%crowd == 0 {
			c.Clock.Advance(time.Second)
		}
		m := models[i%crowd]
		m.Update(tea.WindowSizeMsg{Width: 80, Height: 24})
		_ = m.View()
		i++
	}
}

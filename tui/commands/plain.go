package commands

import (
	"fmt"
	"io"
	"strings"

	"github.com/spf13/cobra"

	"github.com/lightningcamp/camp/schedule"
	"github.com/lightningcamp/camp/tui/linemode"
)

// Paste-ready text: `now --plain`, `rooms --plain` and `queue --plain` print
// short lines the organiser pastes into Zoom chat (see linemode's chat.go:
// the console's chat-text key shows the same).

// ZoomChatLimit is the most characters a paste-ready message has.
const ZoomChatLimit = linemode.ZoomChatLimit

// FitChat cuts lines to a message of at most limit characters.
func FitChat(lines []string, limit int, where string) []string {
	return linemode.FitChat(lines, limit, where)
}

func addPlainFlag(cmd *cobra.Command) {
	cmd.Flags().Bool("plain", false, "short lines to paste into Zoom chat (under 1,000 characters in all)")
}

func (c *call) wantsPlain() bool {
	p, err := c.cmd.Flags().GetBool("plain")
	return err == nil && p
}

// printChat prints lines as one chat message, cut to fit ZoomChatLimit
// with a last line saying how many lines were left out and where to see them.
func (c *call) printChat(lines []string, more string) error {
	return c.print(strings.Join(linemode.FitChat(lines, ZoomChatLimit, more), "\n"))
}

// talksToCome are the live and approved talks, in queue order.
func (c *call) talksToCome() ([]schedule.Talk, error) {
	return c.backend().Talks(c.ctx, schedule.TalkFilter{Status: []schedule.TalkStatus{schedule.TalkLive, schedule.TalkApproved}})
}

// nowChat is `now --plain`.
func (c *call) nowChat() error {
	talks, err := c.talksToCome()
	if err != nil {
		return err
	}
	return c.printChat(linemode.ChatNow(c.event(), c.now(), talks), c.prefix+" now")
}

// queueChat is `queue --plain`: the talks still to come.
func (c *call) queueChat() error {
	talks, err := c.talksToCome()
	if err != nil {
		return err
	}
	return c.printChat(linemode.ChatQueue(c.event(), c.now(), talks), c.prefix+" queue")
}

func (t *tree) roomsCommand() *cobra.Command {
	cmd := &cobra.Command{
		Use:     "rooms",
		Short:   "The open-space slot on now (or next): each breakout room, its topic, leader and link",
		Example: t.examples("rooms", "rooms --plain", "rooms --json"),
		Args:    exactArgs(0),
		RunE: t.run(func(c *call) error {
			v, err := c.roomsView()
			if err != nil {
				return err
			}
			if c.wantsPlain() {
				return c.printChat(v.lines, c.prefix+" rooms")
			}
			return c.show(v)
		}),
	}
	addPlainFlag(cmd)
	addJSONFlag(cmd)
	return t.everyone(cmd)
}

// roomsView is `rooms --json`: the slot and its rooms; slot is null when no
// open space is on or to come.
type roomsView struct {
	Now   stamp           `json:"now"`
	Slot  *roomsSlot      `json:"slot"`
	Rooms []linemode.Room `json:"rooms"`

	lines []string
}

type roomsSlot struct {
	ID    string `json:"id"`
	Block string `json:"block"`
	Index int    `json:"index"`
	Start stamp  `json:"start"`
	End   stamp  `json:"end"`
	On    bool   `json:"on"` // false: it is the next slot, not on yet
}

// roomsView finds the open-space slot on now, else the next one.
func (c *call) roomsView() (roomsView, error) {
	ev, at := c.event(), c.now()
	v := roomsView{Now: stamp(at), Rooms: []linemode.Room{}}
	topics, err := c.backend().Topics(c.ctx)
	if err != nil {
		return v, err
	}
	v.lines = linemode.ChatRooms(ev, at, topics)
	if slot, _, ok := linemode.CurrentOrNextSlot(ev, at); ok {
		v.Slot = &roomsSlot{ID: slot.ID(), Block: slot.Block, Index: slot.Index, Start: stamp(slot.Start), End: stamp(slot.End), On: !at.Before(slot.Start)}
		v.Rooms = linemode.SlotRooms(ev, slot, topics)
	}
	return v, nil
}

func (v roomsView) writeText(w io.Writer) {
	for _, l := range v.lines {
		fmt.Fprintln(w, l)
	}
}

func (t *tree) plainCommand() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "plain",
		Short: "Line mode for screen readers: the day as lines, and a prompt for commands",
		Long: "Line mode speaks the day as lines, in your zone, with no escape sequences and no\n" +
			"redrawing: what is on, talks starting and finishing, countdown milestones,\n" +
			"announcements. Type any command (help, now, vote 3, ...) and press Enter; quit\n" +
			"leaves. A terminal with TERM=dumb gets line mode by itself. See docs/ACCESSIBILITY.md.",
		Args: exactArgs(0),
		RunE: t.run(func(c *call) error {
			return schedule.Errorf(schedule.EINVALID, "you are in line mode already, or this is no SSH session: run %s plain", strings.Replace(c.prefix, "ssh ", "ssh -t ", 1))
		}),
	}
	cmd.Example = "  " + strings.Replace(t.prefix, "ssh ", "ssh -t ", 1) + " plain"
	return t.everyone(cmd)
}

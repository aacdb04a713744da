package commands

import (
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/spf13/cobra"

	"github.com/lightningcamp/camp/schedule"
)

// Room presence (the law of two feet), the organisers' cues to the live
// speaker, and the audience's questions.

// roomJSON is one breakout room in `here --json`.
type roomJSON struct {
	Track  string   `json:"track"`
	Room   string   `json:"room"`
	Topic  string   `json:"topic"` // "" when the room is free
	Count  int      `json:"count"`
	People []string `json:"people"` // organisers only; null for everyone else
}

// hereView is `here --json`: the slot under way, its rooms, and the caller's.
type hereView struct {
	Slot  *string    `json:"slot"` // null between slots
	Rooms []roomJSON `json:"rooms"`
	You   *string    `json:"you"` // the room the caller is in, or null
	leave string     // the command that leaves, as the caller types it
}

func (v hereView) writeText(w io.Writer) {
	if v.Slot == nil {
		fmt.Fprintln(w, "No open-space slot is running now.")
		return
	}
	fmt.Fprintf(w, "Open-space slot %s: who is in which room\n\n", *v.Slot)
	for _, r := range v.Rooms {
		topic := ""
		if r.Topic != "" {
			topic = " · " + quoted(r.Topic)
		}
		fmt.Fprintf(w, "%-3s %s%s: %s\n", r.Track, r.Room, topic, plural(r.Count, "person", "people"))
		if len(r.People) > 0 {
			fmt.Fprintf(w, "    %s\n", strings.Join(r.People, ", "))
		}
	}
	if v.You != nil {
		fmt.Fprintf(w, "\nYou are in %s. Leave with: %s\n", *v.You, v.leave)
	}
}

func plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return fmt.Sprintf("%d %s", n, many)
}

func (t *tree) hereCommand() *cobra.Command {
	var leave bool
	cmd := &cobra.Command{
		Use:     "here [ROOM...]",
		Short:   "Say which breakout room you are in now (--leave when you go); bare: head counts per room",
		Example: t.examples("here", "here b", "here Room 2", "here --leave", "here --json"),
		Args:    cobra.ArbitraryArgs,
		RunE: t.run(func(c *call) error {
			switch {
			case leave && len(c.args) > 0:
				return usagef("here takes a ROOM or --leave, not both")
			case leave:
				if _, err := c.backend().SetRoom(c.ctx, c.actor(), ""); err != nil {
					return err
				}
				return c.say("You left your breakout room.\n")
			case len(c.args) > 0:
				h, err := c.backend().SetRoom(c.ctx, c.actor(), strings.Join(c.args, " "))
				if err != nil {
					return err
				}
				clock, err := c.readerClock()
				if err != nil {
					return err
				}
				return c.say("You are in %s until %s. Leave with: %s here --leave\n", c.roomLabel(h.Track), clock.at(h.Until), c.prefix)
			}
			return c.here()
		}),
	}
	cmd.Flags().BoolVar(&leave, "leave", false, "you left your breakout room")
	addJSONFlag(cmd)
	return t.everyone(cmd)
}

// roomLabel names a track's breakout room as people see it in Zoom.
func (c *call) roomLabel(trackID string) string {
	ev := c.event()
	tr, ok := ev.Track(trackID)
	if !ok {
		return line(trackID)
	}
	if r, ok := ev.Room(tr.Room); ok {
		return line(r.Name)
	}
	return line(tr.Name)
}

func (c *call) here() error {
	v := hereView{Rooms: []roomJSON{}, leave: c.prefix + " here --leave"}
	ev := c.event()
	slot, ok := ev.SlotAt(c.now())
	if !ok {
		return c.show(v)
	}
	id := slot.ID()
	v.Slot = &id
	p, err := c.backend().Presence(c.ctx)
	if err != nil {
		return err
	}
	topics, err := c.backend().Topics(c.ctx)
	if err != nil {
		return err
	}
	organiser := c.actor().Role == schedule.RoleOrganiser
	for _, tr := range ev.Tracks {
		r := roomJSON{Track: tr.ID, Room: c.roomLabel(tr.ID)}
		if organiser {
			r.People = []string{}
		}
		for _, tp := range topics {
			if tp.Status == schedule.TopicPlaced && tp.Track == tr.ID && tp.Slot == slot.ID() {
				r.Topic = line(tp.Title)
			}
		}
		for _, h := range p.Rooms {
			if h.Track != tr.ID || h.Slot != slot.ID() {
				continue
			}
			r.Count++
			if organiser {
				r.People = append(r.People, line(h.Name))
			}
			if h.PersonID == c.actor().PersonID && h.PersonID != 0 {
				you := c.roomLabel(tr.ID)
				v.You = &you
			}
		}
		v.Rooms = append(v.Rooms, r)
	}
	return c.show(v)
}

func (t *tree) cueCommand() *cobra.Command {
	var words []string
	for w := range schedule.CueWords {
		words = append(words, w)
	}
	slices.Sort(words)
	return t.organiser(&cobra.Command{
		Use:     "cue TEXT...",
		Short:   "Send the live speaker a private cue, shown large in their speaker view: " + strings.Join(words, ", ") + " or free text",
		Example: t.examples("cue wrap-up", "cue mic", "cue Two questions waiting in the chat"),
		Args:    minArgs(1),
		RunE: t.run(func(c *call) error {
			body, err := c.textArg(c.args)
			if err != nil {
				return err
			}
			cue, err := c.backend().Cue(c.ctx, c.actor(), body)
			if err != nil {
				return err
			}
			return c.say("Cue sent to the speaker of talk %d: %s\n", cue.TalkID, line(cue.Text))
		}),
	})
}

func (t *tree) askCommand() *cobra.Command {
	return t.attendee(&cobra.Command{
		Use:     "ask TEXT...",
		Short:   "Ask the live talk's speaker a question; the organisers pick which to show them",
		Example: t.examples("ask Does this work with NumPy 2?", "ask - < question.txt"),
		Args:    minArgs(1),
		RunE: t.run(func(c *call) error {
			body, err := c.textArg(c.args)
			if err != nil {
				return err
			}
			q, err := c.backend().Ask(c.ctx, c.actor(), body)
			if err != nil {
				return err
			}
			return c.say("Question %d sent for talk %d. The organisers pick which questions the speaker sees.\n", q.ID, q.TalkID)
		}),
	})
}

// questionJSON is one question in `questions --json`.
type questionJSON struct {
	ID       int64  `json:"id"`
	TalkID   int64  `json:"talk_id"`
	Author   string `json:"author"`
	Text     string `json:"text"`
	Picked   bool   `json:"picked"`
	PickedAt *stamp `json:"picked_at"` // null until picked
	AskedAt  stamp  `json:"asked_at"`
}

type questionsView struct {
	clock     readerClock
	Questions []questionJSON `json:"questions"`
}

func (v questionsView) writeText(w io.Writer) {
	if len(v.Questions) == 0 {
		fmt.Fprintln(w, "No questions yet.")
		return
	}
	for _, q := range v.Questions {
		mark := " "
		if q.Picked {
			mark = "*"
		}
		fmt.Fprintf(w, "%s#%d %s, %s:\n%s\n", mark, q.ID, q.Author, v.clock.at(timeOf(q.AskedAt)), indent(q.Text))
	}
	fmt.Fprintln(w, "\n* shown to the speaker")
}

func (t *tree) questionsCommand() *cobra.Command {
	var talk int64
	cmd := &cobra.Command{
		Use:     "questions",
		Short:   "List the audience's questions for the live talk (or --talk ID); questions pick ID shows one to the speaker",
		Example: t.examples("questions", "questions --talk 12 --json", "questions pick 3"),
		Args:    exactArgs(0),
		RunE: t.run(func(c *call) error {
			qs, err := c.backend().Questions(c.ctx, c.actor(), talk)
			if err != nil {
				return err
			}
			clock, err := c.readerClock()
			if err != nil {
				return err
			}
			v := questionsView{clock: clock, Questions: []questionJSON{}}
			for _, q := range qs {
				j := questionJSON{ID: q.ID, TalkID: q.TalkID, Author: line(q.Author), Text: text(q.Text), Picked: !q.Picked.IsZero(), AskedAt: stamp(q.Created)}
				if j.Picked {
					at := stamp(q.Picked)
					j.PickedAt = &at
				}
				v.Questions = append(v.Questions, j)
			}
			return c.show(v)
		}),
	}
	cmd.Flags().Int64Var(&talk, "talk", 0, "the talk whose questions to list (default: the live talk)")
	addJSONFlag(cmd)
	cmd.AddCommand(t.organiser(&cobra.Command{
		Use:     "pick ID",
		Short:   "Show a question to the live speaker",
		Example: t.examples("questions pick 3"),
		Args:    exactArgs(1),
		RunE: t.run(func(c *call) error {
			id, err := parseID(c.args[0], "question")
			if err != nil {
				return err
			}
			q, err := c.backend().PickQuestion(c.ctx, c.actor(), id)
			if err != nil {
				return err
			}
			return c.say("The speaker of talk %d now sees question %d:\n%s\n", q.TalkID, q.ID, indent(text(q.Text)))
		}),
	}))
	return t.organiser(cmd)
}

func (t *tree) bellCommand() *cobra.Command {
	return t.attendee(&cobra.Command{
		Use:     "bell on|off",
		Short:   "Ring your terminal's bell with your speaker and topic cues (off by default)",
		Example: t.examples("bell on", "bell off"),
		Args:    exactArgs(1),
		RunE: t.run(func(c *call) error {
			on := false
			switch c.args[0] {
			case "on":
				on = true
			case "off":
			default:
				return usagef("bell takes on or off, not %q", line(c.args[0]))
			}
			if err := c.backend().SetCueBell(c.ctx, c.actor(), on); err != nil {
				return err
			}
			return c.say("The bell is %s for your cues.\n", c.args[0])
		}),
	})
}

package commands

import (
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/charmbracelet/x/ansi"
	"github.com/spf13/cobra"

	"github.com/lightningcamp/camp/schedule"
)

// Open-space topics: the board with its votes and rooms, proposing,
// editing and withdrawing one's own, and dot-voting.

// topicJSON is one topic in `topics --json`.
type topicJSON struct {
	ID          int64    `json:"id"`
	Title       string   `json:"title"`
	Description string   `json:"description"`
	Leader      string   `json:"leader"`
	Tags        []string `json:"tags"`
	Votes       int      `json:"votes"`
	Voted       bool     `json:"voted"`
	Status      string   `json:"status"`
	Track       string   `json:"track"`
	TrackName   string   `json:"track_name"`
	Slot        string   `json:"slot"`
	SlotStart   stamp    `json:"slot_start"`
	SlotEnd     stamp    `json:"slot_end"`
	Room        string   `json:"room"`      // the Zoom breakout room's name, exactly as in Zoom
	JoinLink    string   `json:"join_link"` // where to join that room (Event.JoinLink); "" unless placed
	CreatedAt   stamp    `json:"created_at"`

	blockTitle string // the open-space block's title, for people
	slotIndex  int
}

// topicsView is `topics --json`.
type topicsView struct {
	Topics        []topicJSON `json:"topics"`
	DotsPerPerson int         `json:"dots_per_person"`
	DotsSpent     int         `json:"dots_spent"`
	guest         bool
	clock         readerClock
	prefix        string
}

func newTopicJSON(ev *schedule.Event, t schedule.Topic, voted bool) topicJSON {
	j := topicJSON{
		ID: t.ID, Title: line(t.Title), Description: text(t.Description), Leader: line(t.Leader), Tags: lineList(t.Tags),
		Votes: t.Votes, Voted: voted, Status: string(t.Status), CreatedAt: stamp(t.CreatedAt),
	}
	if t.Status != schedule.TopicPlaced {
		return j
	}
	j.Track, j.Slot = line(t.Track), line(t.Slot)
	if tr, ok := ev.Track(t.Track); ok {
		j.TrackName = line(tr.Name)
		if room, ok := ev.Room(tr.Room); ok {
			j.Room = line(room.Name)
		}
		j.JoinLink = line(ev.JoinLink(tr.Room))
	}
	if s, ok := ev.Slot(t.Slot); ok {
		j.SlotStart, j.SlotEnd, j.slotIndex = stamp(s.Start), stamp(s.End), s.Index
		if b, ok := ev.Block(s.Block); ok {
			j.blockTitle = line(b.Title)
		}
	}
	return j
}

// writeText lists each topic in a few lines that fit 80 columns: number,
// title and leader; the first words of its description; where and when it
// is (in the reader's zone) and its breakout room, with the room's link.
func (v topicsView) writeText(w io.Writer) {
	if len(v.Topics) == 0 {
		fmt.Fprintln(w, "No open-space topics yet.")
		return
	}
	for i, t := range v.Topics {
		if i > 0 {
			fmt.Fprintln(w)
		}
		fmt.Fprintln(w, fit(fmt.Sprintf("#%-3d %s", t.ID, t.Title)))
		fmt.Fprintln(w, fit("     by "+t.Leader+" · "+topicFacts(t)))
		if d := firstLine(t.Description); d != "" {
			fmt.Fprintln(w, fit("     "+d))
		}
		if t.Slot != "" {
			fmt.Fprintln(w, fit("     "+v.where(t)))
			if t.JoinLink != "" {
				fmt.Fprintln(w, "     join: "+t.JoinLink) // whole, even past 80 columns: a cut link is no link
			}
		}
	}
	fmt.Fprintln(w)
	if !v.guest {
		fmt.Fprintf(w, "* has your dot. You have spent %d of your %d dots.\n", v.DotsSpent, v.DotsPerPerson)
	}
	fmt.Fprintln(w, fit("More about one: "+v.prefix+" topics show ID"))
}

// topicFacts is a topic's dots and status: "7 dots * · open".
func topicFacts(t topicJSON) string {
	dots := count(t.Votes, "dot")
	if t.Voted {
		dots += " *"
	}
	return dots + " · " + t.Status
}

// where is a placed topic's slot, its time in the reader's zone and its
// breakout room: "Open space I, slot 1 · 20:00-20:45 JST · Room 2".
func (v topicsView) where(t topicJSON) string {
	return fmt.Sprintf("%s, slot %d · %s · %s", cmpOr(t.blockTitle, t.Slot), t.slotIndex, v.clock.span(timeOf(t.SlotStart), timeOf(t.SlotEnd)), t.Room)
}

// textWidth is the width command text is laid out for: a terminal of 80
// columns, the narrowest people use.
const textWidth = 80

// wrap breaks text at words to textWidth columns.
func wrap(s string) string { return ansi.Wrap(s, textWidth, "") }

// fit cuts a line to textWidth columns with an ellipsis.
func fit(s string) string { return ansi.Truncate(s, textWidth, "…") }

// firstLine is the first line of text with words, without Markdown's
// heading marks, for a one-line summary.
func firstLine(s string) string {
	for _, l := range strings.Split(s, "\n") {
		if l = strings.TrimSpace(strings.TrimLeft(strings.TrimSpace(l), "#>*- ")); l != "" {
			return l
		}
	}
	return ""
}

func (t *tree) topicsCommand() *cobra.Command {
	cmd := &cobra.Command{
		Use:     "topics",
		Short:   "Open-space topics with their votes, slots and breakout rooms",
		Example: t.examples("topics", "topics --json"),
		Args:    exactArgs(0),
		RunE:    t.run(func(c *call) error { return c.topics() }),
	}
	addJSONFlag(cmd)
	addTZFlag(cmd)
	cmd.AddCommand(t.topicShowCommand(), t.topicMergeCommand())
	return t.everyone(cmd)
}

func (t *tree) topicMergeCommand() *cobra.Command {
	return t.organiser(&cobra.Command{
		Use:     "merge FROM INTO",
		Short:   "Fold topic FROM into topic INTO: its dots, notes and reports move, FROM is withdrawn",
		Example: t.examples("topics merge 7 5"),
		Args:    exactArgs(2),
		RunE: t.run(func(c *call) error {
			from, err := parseID(c.args[0], "topic")
			if err != nil {
				return err
			}
			into, err := parseID(c.args[1], "topic")
			if err != nil {
				return err
			}
			topic, err := c.backend().MergeTopics(c.ctx, c.actor(), from, into)
			if err != nil {
				return err
			}
			return c.report(newTopicJSON(c.event(), topic, false), "Merged topic %d into %s.", from, describeTopic(c.event(), topic))
		}),
	})
}

// topicDetail is `topics show ID`: everything about one topic.
type topicDetail struct {
	topicJSON
	clock readerClock
}

func (d topicDetail) writeText(w io.Writer) {
	t := d.topicJSON
	fmt.Fprintf(w, "%s\n", wrap(fmt.Sprintf("Topic %d: %s", t.ID, t.Title)))
	fmt.Fprintf(w, "Leader: %s\n", t.Leader)
	if len(t.Tags) > 0 {
		fmt.Fprintf(w, "Tags:   %s\n", strings.Join(t.Tags, ", "))
	}
	fmt.Fprintf(w, "Votes:  %s\n", topicFacts(t))
	if t.Slot != "" {
		fmt.Fprintf(w, "When:   %s, slot %d · %s\n", cmpOr(t.blockTitle, t.Slot), t.slotIndex, d.clock.span(timeOf(t.SlotStart), timeOf(t.SlotEnd)))
		fmt.Fprintf(w, "Room:   %s (%s)\n", t.Room, t.TrackName)
		if t.JoinLink != "" {
			fmt.Fprintf(w, "Join:   %s\n", t.JoinLink)
		}
	} else {
		fmt.Fprintln(w, "When:   not on the board yet")
	}
	if t.Description != "" {
		fmt.Fprintf(w, "\n%s\n", wrap(t.Description))
	}
}

func (t *tree) topicShowCommand() *cobra.Command {
	cmd := &cobra.Command{
		Use:     "show ID",
		Short:   "Everything about one topic: description, leader, tags, votes, slot, room and its link",
		Example: t.examples("topics show 5", "topics show 5 --json"),
		Args:    exactArgs(1),
		RunE: t.run(func(c *call) error {
			id, err := parseID(c.args[0], "topic")
			if err != nil {
				return err
			}
			topic, err := c.backend().VisibleTopic(c.ctx, c.viewer(), id)
			if err != nil {
				return err
			}
			mine, err := c.myVotes()
			if err != nil {
				return err
			}
			clock, err := c.readerClock()
			if err != nil {
				return err
			}
			return c.show(topicDetail{topicJSON: newTopicJSON(c.event(), topic, slices.Contains(mine, topic.ID)), clock: clock})
		}),
	}
	addJSONFlag(cmd)
	addTZFlag(cmd)
	return cmd
}

func (c *call) topics() error {
	topics, err := c.backend().VisibleTopics(c.ctx, c.viewer())
	if err != nil {
		return err
	}
	mine, err := c.myVotes()
	if err != nil {
		return err
	}
	ev := c.event()
	clock, err := c.readerClock()
	if err != nil {
		return err
	}
	v := topicsView{Topics: make([]topicJSON, 0, len(topics)), DotsPerPerson: ev.OpenSpace.DotsPerPerson, DotsSpent: len(mine), guest: c.isGuest(), clock: clock, prefix: c.prefix}
	for _, t := range topics {
		v.Topics = append(v.Topics, newTopicJSON(ev, t, slices.Contains(mine, t.ID)))
	}
	return c.show(v)
}

// myVotes lists the topics the caller has a dot on; guests have none.
func (c *call) myVotes() ([]int64, error) {
	if c.isGuest() {
		return nil, nil
	}
	return c.backend().VotesOf(c.ctx, c.actor().PersonID)
}

// topicFlags are what a leader writes about a topic, for propose and edit.
type topicFlags struct {
	title, description, track string
	tags                      []string
}

func (f *topicFlags) register(cmd *cobra.Command) {
	fl := cmd.Flags()
	fl.StringVar(&f.title, "title", "", "the topic's title")
	fl.StringVar(&f.description, "description", "", "what you want to talk about (- reads it from standard input)")
	fl.StringSliceVar(&f.tags, "tag", nil, "a tag (repeat for several)")
	fl.StringVar(&f.track, "track", "", "a track you would like it in; a reserved track's tag is added for you")
}

// apply puts the flags that were given onto p and reports whether any were.
func (f *topicFlags) apply(c *call, p *schedule.TopicProposal) (bool, error) {
	description, err := c.stdinIfDash(f.description)
	if err != nil {
		return false, err
	}
	set := setters{c: c}
	set.str("title", &p.Title, f.title)
	set.str("description", &p.Description, description)
	set.list("tag", &p.Tags, f.tags)
	if c.flagSet("track") {
		set.any = true
		if err := c.tagForTrack(p, f.track); err != nil {
			return false, err
		}
	}
	return set.any, nil
}

// tagForTrack adds the tag a reserved track asks for, so that the topic
// may be placed there. Placing stays the organisers' decision.
func (c *call) tagForTrack(p *schedule.TopicProposal, trackID string) error {
	ev := c.event()
	tr, ok := ev.Track(trackID)
	if !ok {
		ids := make([]string, len(ev.Tracks))
		for i, t := range ev.Tracks {
			ids[i] = t.ID
		}
		return usagef("no track %q: the tracks are %s", trackID, strings.Join(ids, ", "))
	}
	if tr.ReservedFor != "" && !(schedule.Topic{Tags: p.Tags}).HasTag(tr.ReservedFor) {
		p.Tags = append(slices.Clone(p.Tags), tr.ReservedFor)
	}
	return nil
}

func (t *tree) proposeTopicCommand() *cobra.Command {
	var f topicFlags
	var force bool
	cmd := &cobra.Command{
		Use:     "topic",
		Short:   "Propose an open-space topic",
		Example: t.examples(`propose topic --title "Packaging compiled wheels" --description "Bring your CI logs" --tag packaging --track a`),
		Args:    exactArgs(0),
		RunE: t.run(func(c *call) error {
			var p schedule.TopicProposal
			if _, err := f.apply(c, &p); err != nil {
				return err
			}
			if strings.TrimSpace(p.Title) == "" {
				return usagef(`propose topic needs --title, e.g. propose topic --title "Packaging compiled wheels"`)
			}
			p.Force = force
			topic, err := c.backend().ProposeTopic(c.ctx, c.actor(), p)
			if err != nil {
				return c.explainDuplicate(err)
			}
			return c.report(newTopicJSON(c.event(), topic, false), "Proposed %s.\nPeople vote with: %s vote %d", describeTopic(c.event(), topic), c.prefix, topic.ID)
		}),
	}
	f.register(cmd)
	cmd.Flags().BoolVar(&force, "force", false, "propose it even if a topic with a very similar title exists")
	return cmd
}

func (t *tree) editTopicCommand() *cobra.Command {
	var f topicFlags
	cmd := &cobra.Command{
		Use:     "topic ID",
		Short:   "Change your open-space topic (only the flags you give)",
		Example: t.examples(`edit topic 5 --title "Packaging compiled wheels, again"`),
		Args:    exactArgs(1),
		RunE: t.run(func(c *call) error {
			id, err := parseID(c.args[0], "topic")
			if err != nil {
				return err
			}
			cur, err := c.backend().VisibleTopic(c.ctx, c.viewer(), id)
			if err != nil {
				return err
			}
			p := schedule.TopicProposal{Title: cur.Title, Description: cur.Description, Tags: cur.Tags}
			if changed, err := f.apply(c, &p); err != nil || !changed {
				return nothingToChange(err, "--title, --description, --tag or --track")
			}
			topic, err := c.backend().EditTopic(c.ctx, c.actor(), id, p)
			if err != nil {
				return err
			}
			return c.report(newTopicJSON(c.event(), topic, false), "Changed %s.", describeTopic(c.event(), topic))
		}),
	}
	f.register(cmd)
	return cmd
}

// localEditCommand is `camp edit topic` at the console: the organiser
// changes any topic's title, description or tags, as `e` on the board does.
func (t *tree) localEditCommand() *cobra.Command {
	return t.group("edit", "Change an open-space topic (only the flags you give)",
		t.examples("edit topic 5 --tag compilepython", `edit topic 5 --title "Packaging compiled wheels"`),
		t.editTopicCommand())
}

func (t *tree) withdrawTopicCommand() *cobra.Command {
	return &cobra.Command{
		Use:     "topic ID",
		Short:   "Withdraw your open-space topic (its dots go back to the voters)",
		Example: t.examples("withdraw topic 5"),
		Args:    exactArgs(1),
		RunE: t.run(func(c *call) error {
			return c.changeTopic(c.args[0], "Withdrew", func(id int64) (schedule.Topic, error) {
				return c.backend().WithdrawTopic(c.ctx, c.actor(), id)
			})
		}),
	}
}

func (t *tree) voteCommand() *cobra.Command {
	var remove bool
	cmd := &cobra.Command{
		Use:     "vote TOPIC",
		Short:   "Put one of your dots on an open-space topic (--remove takes it back)",
		Example: t.examples("vote 5", "vote 5 --remove"),
		Args:    exactArgs(1),
		RunE: t.run(func(c *call) error {
			verb := map[bool]string{false: "Your dot is on", true: "Took your dot back from"}[remove]
			id, err := parseID(c.args[0], "topic")
			if err != nil {
				return err
			}
			topic, err := c.backend().Vote(c.ctx, c.actor(), id, !remove)
			if err != nil {
				return err
			}
			mine, err := c.myVotes()
			if err != nil {
				return err
			}
			per := c.event().OpenSpace.DotsPerPerson
			return c.report(newTopicJSON(c.event(), topic, slices.Contains(mine, topic.ID)), "%s %s.\nYou have %d of your %d dots left.",
				verb, describeTopic(c.event(), topic), per-len(mine), per)
		}),
	}
	cmd.Flags().BoolVar(&remove, "remove", false, "take your dot back")
	return t.attendee(cmd)
}

// changeTopic parses a topic id, applies change and says what happened.
func (c *call) changeTopic(idArg, verb string, change func(id int64) (schedule.Topic, error)) error {
	id, err := parseID(idArg, "topic")
	if err != nil {
		return err
	}
	topic, err := change(id)
	if err != nil {
		return err
	}
	return c.report(newTopicJSON(c.event(), topic, false), "%s %s.", verb, describeTopic(c.event(), topic))
}

// describeTopic is a topic in one line for confirmations.
func describeTopic(ev *schedule.Event, t schedule.Topic) string {
	j := newTopicJSON(ev, t, false)
	s := fmt.Sprintf("topic %d %s by %s (%s, %s", j.ID, quoted(j.Title), j.Leader, j.Status, count(j.Votes, "dot"))
	if j.Slot != "" {
		s += fmt.Sprintf("; %s in %s, Zoom room %s", j.Slot, j.TrackName, quoted(j.Room))
		if j.JoinLink != "" {
			s += ", join at " + j.JoinLink
		}
	}
	return s + ")"
}

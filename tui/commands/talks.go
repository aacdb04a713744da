package commands

import (
	"fmt"
	"io"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/spf13/cobra"

	"github.com/lightningcamp/camp/schedule"
)

// Lightning talks: the list, and proposing, editing and withdrawing one's own.

// talkJSON is one talk in `talks --json`. Its keys are a contract.
type talkJSON struct {
	ID        int64    `json:"id"`
	Title     string   `json:"title"`
	Abstract  string   `json:"abstract"`
	Speaker   string   `json:"speaker"`
	Minutes   int      `json:"minutes"`
	Status    string   `json:"status"`
	Block     string   `json:"block"`
	Position  int      `json:"position"`
	Tools     []string `json:"tools"`
	Links     []string `json:"links"`
	Tags      []string `json:"tags"`
	CanMake   []string `json:"can_make"` // the talks blocks the speaker can make; [] means any
	CreatedAt stamp    `json:"created_at"`
	// EditedAfterApproval is what organisers approved, when the speaker
	// has changed the talk since (it is back in review).
	EditedAfterApproval *approvedJSON `json:"edited_after_approval,omitempty"`
}

// approvedJSON is a talk as it was approved, and what changed since.
type approvedJSON struct {
	Title    string   `json:"title"`
	Minutes  int      `json:"minutes"`
	Abstract string   `json:"abstract"`
	Links    []string `json:"links"`
	Changed  []string `json:"changed"`
	EditedAt stamp    `json:"edited_at"`
}

func newTalkJSON(t schedule.Talk) talkJSON {
	v := talkJSON{
		ID: t.ID, Title: line(t.Title), Abstract: text(t.Abstract), Speaker: line(t.Speaker), Minutes: t.Minutes,
		Status: string(t.Status), Block: line(t.Block), Position: t.Position, Tools: lineList(t.Tools), Links: lineList(t.Links), Tags: lineList(t.Tags), CanMake: lineList(t.CanMake), CreatedAt: stamp(t.CreatedAt),
	}
	if a := t.EditedAfterApproval; a != nil {
		v.EditedAfterApproval = &approvedJSON{Title: line(a.Title), Minutes: a.Minutes, Abstract: text(a.Abstract),
			Links: lineList(a.Links), Changed: lineList(a.Changed), EditedAt: stamp(a.EditedAt)}
	}
	return v
}

// talksView is `talks --json` (and `queue --json`).
type talksView struct {
	Talks []talkJSON `json:"talks"`
}

func newTalksView(talks []schedule.Talk) talksView {
	v := talksView{Talks: make([]talkJSON, 0, len(talks))}
	for _, t := range talks {
		v.Talks = append(v.Talks, newTalkJSON(t))
	}
	return v
}

func (v talksView) writeText(w io.Writer) {
	if len(v.Talks) == 0 {
		fmt.Fprintln(w, "No talks here yet.")
		return
	}
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "ID\tSTATUS\tBLOCK\tPOS\tMIN\tSPEAKER\tTITLE")
	for _, t := range v.Talks {
		status := t.Status
		if t.EditedAfterApproval != nil {
			status += "*"
		}
		fmt.Fprintf(tw, "%d\t%s\t%s\t%s\t%d\t%s\t%s\n", t.ID, status, t.Block, position(t.Position), t.Minutes, t.Speaker, t.Title)
	}
	tw.Flush()
	for _, t := range v.Talks {
		if a := t.EditedAfterApproval; a != nil {
			fmt.Fprintf(w, "* talk %d was edited after approval (%s): it is back in review; approved title was %q, %d min (talks --json shows all)\n",
				t.ID, strings.Join(a.Changed, ", "), a.Title, a.Minutes)
		}
	}
}

func position(p int) string {
	if p == 0 {
		return "-"
	}
	return fmt.Sprint(p)
}

func (t *tree) talksCommand() *cobra.Command {
	var f talkFilterFlags
	cmd := &cobra.Command{
		Use:     "talks",
		Short:   "The lightning talks, in queue order",
		Example: t.examples("talks", "talks --mine", "talks --block eu-talks --status approved --json"),
		Args:    exactArgs(0),
		RunE: t.run(func(c *call) error {
			filter, err := f.filter(c)
			if err != nil {
				return err
			}
			talks, err := c.backend().VisibleTalks(c.ctx, c.viewer(), filter)
			if err != nil {
				return err
			}
			return c.show(newTalksView(talks))
		}),
	}
	f.register(cmd)
	addJSONFlag(cmd)
	return t.everyone(cmd)
}

// talkFilterFlags select talks for `talks`.
type talkFilterFlags struct {
	block  string
	status []string
	mine   bool
}

func (f *talkFilterFlags) register(cmd *cobra.Command) {
	cmd.Flags().StringVar(&f.block, "block", "", "only talks queued for this talks block, e.g. eu-talks")
	cmd.Flags().StringSliceVar(&f.status, "status", nil, "only talks with this status (repeat or separate with commas)")
	cmd.Flags().BoolVar(&f.mine, "mine", false, "only your own talks")
}

func (f *talkFilterFlags) filter(c *call) (schedule.TalkFilter, error) {
	filter := schedule.TalkFilter{Block: f.block}
	if c.flagSet("block") {
		if err := knownTalksBlock(c.event(), f.block); err != nil {
			return filter, err
		}
	}
	for _, s := range f.status {
		st, err := parseTalkStatus(s)
		if err != nil {
			return filter, err
		}
		filter.Status = append(filter.Status, st)
	}
	if f.mine {
		if c.isGuest() {
			return filter, schedule.Errorf(schedule.EFORBIDDEN, "guests have no talks of their own: connect with an SSH key to take part")
		}
		filter.SpeakerID = c.actor().PersonID
	}
	return filter, nil
}

// knownTalksBlock refuses a --block that names no talks block, which would
// otherwise list nothing and look like an empty queue.
func knownTalksBlock(ev *schedule.Event, id string) error {
	var ids []string
	for _, b := range ev.Blocks {
		if b.Kind == schedule.KindTalks {
			if b.ID == id {
				return nil
			}
			ids = append(ids, b.ID)
		}
	}
	return usagef("no talks block %q: use one of %s", id, strings.Join(ids, ", "))
}

var talkStatuses = []schedule.TalkStatus{schedule.TalkProposed, schedule.TalkApproved, schedule.TalkLive,
	schedule.TalkDone, schedule.TalkSkipped, schedule.TalkRejected, schedule.TalkWithdrawn}

func parseTalkStatus(s string) (schedule.TalkStatus, error) {
	for _, st := range talkStatuses {
		if strings.EqualFold(strings.TrimSpace(s), string(st)) {
			return st, nil
		}
	}
	return "", usagef("unknown talk status %q: use proposed, approved, live, done, skipped, rejected or withdrawn", s)
}

// talkFlags are what a speaker writes about a talk, for propose and edit.
type talkFlags struct {
	title, abstract            string
	minutes                    int
	tools, blocks, links, tags []string
}

func (f *talkFlags) register(cmd *cobra.Command) {
	fl := cmd.Flags()
	fl.StringVar(&f.title, "title", "", "the talk's title")
	fl.StringVar(&f.abstract, "abstract", "", "a few sentences about it (- reads it from standard input)")
	fl.IntVar(&f.minutes, "minutes", 0, "how long it lasts (default: the event's talk length)")
	fl.StringSliceVar(&f.tools, "tool", nil, "a compiler tool it is about, e.g. cython (repeat for several)")
	fl.StringSliceVar(&f.blocks, "block", nil, "a talks block you can make, e.g. eu-talks (repeat; default: any)")
	fl.StringArrayVar(&f.links, "link", nil, "a web address, e.g. the project's repository (repeat for several)")
	fl.StringSliceVar(&f.tags, "tag", nil, "a free tag (repeat for several)")
}

// apply puts the flags that were given onto p; a list flag replaces the
// whole list. It reports whether anything was given.
func (f *talkFlags) apply(c *call, p *schedule.TalkProposal) (bool, error) {
	abstract, err := c.stdinIfDash(f.abstract)
	if err != nil {
		return false, err
	}
	if c.flagSet("minutes") && f.minutes < 1 {
		// The store reads 0 as "the event's length": said on purpose, it
		// would quietly become 5.
		ev := c.event()
		return false, usagef("--minutes is how long the talk lasts: 1 to %d (leave it out for the event's %d)",
			int(ev.Talks.MaxLength/time.Minute), int(ev.Talks.Length/time.Minute))
	}
	set := setters{c: c}
	set.str("title", &p.Title, f.title)
	set.str("abstract", &p.Abstract, abstract)
	set.number("minutes", &p.Minutes, f.minutes)
	set.list("tool", &p.Tools, f.tools)
	set.list("block", &p.CanMake, f.blocks)
	set.list("link", &p.Links, f.links)
	set.list("tag", &p.Tags, f.tags)
	return set.any, nil
}

func (t *tree) proposeTalkCommand() *cobra.Command {
	var f talkFlags
	var force bool
	cmd := &cobra.Command{
		Use:   "talk",
		Short: "Propose a lightning talk",
		Example: t.examples(`propose talk --title "Cython in anger" --abstract "What 3 years taught us" --minutes 5 --tool cython --block eu-talks`,
			`propose talk --title "Numba on the GPU" --abstract - < abstract.txt`),
		Args: exactArgs(0),
		RunE: t.run(func(c *call) error {
			var p schedule.TalkProposal
			if _, err := f.apply(c, &p); err != nil {
				return err
			}
			if strings.TrimSpace(p.Title) == "" {
				return usagef(`propose talk needs --title, e.g. propose talk --title "Cython in anger"`)
			}
			p.Force = force
			talk, err := c.backend().ProposeTalk(c.ctx, c.actor(), p)
			if err != nil {
				return c.explainDuplicate(err)
			}
			return c.report(newTalkJSON(talk), "Proposed %s.\nAn organiser approves it into the queue. Change it with: %s edit talk %d --title ...", describeTalk(talk), c.prefix, talk.ID)
		}),
	}
	f.register(cmd)
	cmd.Flags().BoolVar(&force, "force", false, "propose it even if you have a talk with a very similar title")
	return cmd
}

func (t *tree) editTalkCommand() *cobra.Command {
	var f talkFlags
	cmd := &cobra.Command{
		Use:     "talk ID",
		Short:   "Change your talk proposal (only the flags you give)",
		Example: t.examples(`edit talk 12 --minutes 8 --tool mypyc --tool cython`),
		Args:    exactArgs(1),
		RunE: t.run(func(c *call) error {
			id, err := parseID(c.args[0], "talk")
			if err != nil {
				return err
			}
			cur, err := c.backend().VisibleTalk(c.ctx, c.viewer(), id)
			if err != nil {
				return err
			}
			p := schedule.TalkProposal{Title: cur.Title, Abstract: cur.Abstract, Minutes: cur.Minutes,
				Links: cur.Links, Tools: cur.Tools, Tags: cur.Tags, CanMake: cur.CanMake}
			if changed, err := f.apply(c, &p); err != nil || !changed {
				return nothingToChange(err, "--title, --abstract, --minutes, --tool, --block, --link or --tag")
			}
			talk, err := c.backend().EditTalk(c.ctx, c.actor(), id, p)
			if err != nil {
				return err
			}
			return c.report(newTalkJSON(talk), "Changed %s.", describeTalk(talk))
		}),
	}
	f.register(cmd)
	return cmd
}

func (t *tree) withdrawTalkCommand() *cobra.Command {
	return &cobra.Command{
		Use:     "talk ID",
		Short:   "Withdraw your talk proposal",
		Example: t.examples("withdraw talk 12"),
		Args:    exactArgs(1),
		RunE: t.run(func(c *call) error {
			return c.actOnTalk(c.args[0], schedule.ActWithdraw)
		}),
	}
}

// actOnTalk applies one step of the talk state machine and says where the
// talk is now.
func (c *call) actOnTalk(idArg string, act schedule.TalkAction) error {
	id, err := parseID(idArg, "talk")
	if err != nil {
		return err
	}
	talk, err := c.backend().ActOnTalk(c.ctx, c.actor(), id, act)
	if err != nil {
		return err
	}
	return c.report(newTalkJSON(talk), "%s %s.", talkActionDone[act], describeTalk(talk))
}

// talkActionDone says what an action did, to start a confirmation.
var talkActionDone = map[schedule.TalkAction]string{
	schedule.ActApprove: "Approved", schedule.ActReject: "Rejected", schedule.ActUnreject: "Unrejected",
	schedule.ActStart: "Started", schedule.ActFinish: "Finished", schedule.ActSkip: "Skipped",
	schedule.ActRequeue: "Requeued", schedule.ActWithdraw: "Withdrew", schedule.ActReopen: "Reopened",
}

// describeTalk is a talk in one line for confirmations.
func describeTalk(t schedule.Talk) string {
	where := ""
	switch {
	case t.Position > 0:
		where = fmt.Sprintf(", %s #%d", line(t.Block), t.Position)
	case t.Block != "":
		where = ", " + line(t.Block)
	}
	return fmt.Sprintf("talk %d %s by %s (%s, %d min%s)", t.ID, quoted(t.Title), line(t.Speaker), t.Status, t.Minutes, where)
}

package tui

import (
	"context"
	"fmt"
	"strconv"
	"strings"

	tea "charm.land/bubbletea/v2"
	"charm.land/huh/v2"

	"github.com/lightningcamp/camp/schedule"
)

// talkDraft is a talk proposal as the form edits it: text fields, converted
// on submit.
type talkDraft struct {
	title, minutes, abstract, links string
	tools, canMake                  []string
}

func draftOf(t schedule.Talk) talkDraft {
	d := talkDraft{title: t.Title, abstract: t.Abstract, links: strings.Join(t.Links, " "), tools: t.Tools, canMake: t.CanMake}
	if t.Minutes > 0 {
		d.minutes = strconv.Itoa(t.Minutes)
	}
	return d
}

func (d *talkDraft) proposal() schedule.TalkProposal {
	n, _ := strconv.Atoi(strings.TrimSpace(d.minutes))
	return schedule.TalkProposal{
		Title: strings.TrimSpace(d.title), Abstract: d.abstract, Minutes: n,
		Links: splitList(d.links), Tools: d.tools, CanMake: d.canMake,
	}
}

// talkForm is the proposal form in three short pages, so that each fits on
// an 80x24 screen.
func (v *talksView) talkForm(l *look, d *talkDraft) *huh.Form {
	ev := l.ev
	lim := ev.Limits
	tools := make([]huh.Option[string], len(ev.Talks.Tools))
	for i, t := range ev.Talks.Tools {
		tools[i] = huh.NewOption(t, t)
	}
	var blocks []huh.Option[string]
	for _, b := range l.blocksOfKind(schedule.KindTalks) {
		blocks = append(blocks, huh.NewOption(b.Title+" · "+spanIn(b.Start, b.End, l.zone), b.ID))
	}
	maxMin := int(ev.Talks.MaxLength.Minutes())
	return huh.NewForm(
		huh.NewGroup(
			huh.NewInput().Title("Title").Value(&d.title).CharLimit(lim.TitleMax).Validate(required("the title", lim.TitleMax)),
			huh.NewInput().Title("Minutes").Description(fmt.Sprintf("empty: %s; at most %d", minutes(ev.Talks.Length), maxMin)).
				CharLimit(len(strconv.Itoa(maxMin))+2).Value(&d.minutes).Validate(minutesUpTo(maxMin)),
			huh.NewText().Title("Abstract (Markdown)").Lines(5).CharLimit(lim.AbstractMax).Value(&d.abstract).ExternalEditor(false).
				Validate(atMost("the abstract", lim.AbstractMax)),
		),
		huh.NewGroup(
			huh.NewInput().Title("Links").Description("the project's repository, slides … separated by spaces").
				CharLimit(linksMax*(lim.URLMax+1)).Value(&d.links).Validate(validLinks(lim.URLMax)),
			huh.NewMultiSelect[string]().Title("Compiler tools").Options(tools...).Value(&d.tools).Height(8),
		),
		huh.NewGroup(
			// The height is set, title and description included: without
			// one, huh takes the options' height and subtracts the title's
			// and the description's, leaving no room for two options.
			huh.NewMultiSelect[string]().Title("Which talks sessions can you make?").
				Description("none ticked: any").Options(blocks...).Value(&d.canMake).Height(min(len(blocks), 8)+2),
		),
	)
}

func (v *talksView) proposeTalkForm(l *look) tea.Cmd {
	return v.openProposeTalk(l, &talkDraft{}, false)
}

const proposeTalkTitle = "Propose a lightning talk"

// openProposeTalk opens the proposal form on d; again says it comes back
// after a question (duplicates.go), with what was typed.
func (v *talksView) openProposeTalk(l *look, d *talkDraft, again bool) tea.Cmd {
	open := v.desk.openForm
	if again {
		open = v.desk.reopenForm
	}
	return open(proposeTalkTitle, "", v.talkForm(l, d), func() tea.Cmd { return v.sendTalk(l, d, false) })
}

// sendTalk proposes d. A title very close to one of the speaker's own
// talks is refused unless force; the refusal asks whether to propose it
// anyway or go back to the draft.
func (v *talksView) sendTalk(l *look, d *talkDraft, force bool) tea.Cmd {
	p := d.proposal()
	p.Force = force
	talks, actor := v.talks, l.actor
	return v.desk.writeAsking(fmt.Sprintf("proposed “%s”", p.Title), func(ctx context.Context) error {
		_, err := talks.ProposeTalk(ctx, actor, p)
		return err
	}, func(err error) (tea.Cmd, bool) {
		dup, ok := asDuplicate(err)
		if !ok || force {
			// Any other refusal (the quota, a title too long) keeps what
			// was typed too.
			v.desk.stashDraft(proposeTalkTitle, "", v.talkForm(l, d), func() tea.Cmd { return v.sendTalk(l, d, false) })
			v.desk.fail(draftKept(err, l.keys.New.Help().Key))
			return nil, true
		}
		anyway := false
		back := func() tea.Cmd { return v.openProposeTalk(l, d, true) }
		return v.desk.askFirst(proposeTalkTitle, "", talkDuplicateQuestion(l, dup, &anyway), func() tea.Cmd {
			if anyway {
				return v.sendTalk(l, d, true)
			}
			return back()
		}, back), true
	})
}

func (v *talksView) editTalkForm(l *look, t schedule.Talk) tea.Cmd {
	if !l.isOrganiser() && !l.mine(t) {
		v.desk.fail(schedule.Errorf(schedule.EFORBIDDEN, "you can only change your own items"))
		return nil
	}
	d := draftOf(t)
	talks, actor := v.talks, l.actor
	return v.desk.openDraftForm("Edit “"+t.Title+"”", "", func() *huh.Form { return v.talkForm(l, &d) }, func() tea.Cmd {
		p := d.proposal()
		return v.desk.write(fmt.Sprintf("saved “%s”", p.Title), func(ctx context.Context) error {
			_, err := talks.EditTalk(ctx, actor, t.ID, p)
			return err
		}, nil)
	})
}

func (v *talksView) withdrawTalkForm(l *look, t schedule.Talk) tea.Cmd {
	if _, err := schedule.NextTalkStatus(t.Status, schedule.ActWithdraw); err != nil {
		v.desk.fail(err)
		return nil
	}
	yes := false
	f := huh.NewForm(huh.NewGroup(huh.NewConfirm().Title(fmt.Sprintf("Withdraw “%s”?", t.Title)).
		Description("It leaves the queue; the organisers see it was withdrawn.").
		Affirmative("Withdraw").Negative("Keep it").Value(&yes)))
	return v.desk.openForm("Withdraw a talk", "", f, func() tea.Cmd {
		if !yes {
			return nil
		}
		return v.actOnTalk(l, t, schedule.ActWithdraw, nil)
	})
}

// laterBlockForm moves a talk to the end of a later talks block's queue.
func (v *talksView) laterBlockForm(l *look, t schedule.Talk) tea.Cmd {
	cur, _ := l.ev.Block(t.Block)
	var opts []huh.Option[string]
	for _, b := range l.blocksOfKind(schedule.KindTalks) {
		if b.Start.After(cur.Start) {
			opts = append(opts, huh.NewOption(b.Title+" · "+spanIn(b.Start, b.End, l.zone), b.ID))
		}
	}
	if len(opts) == 0 {
		v.desk.fail(schedule.Errorf(schedule.ECONFLICT, "no later talks block today: %s moves it to the next camp", l.keys.NextCamp.Help().Key))
		return nil
	}
	target := opts[0].Value
	f := huh.NewForm(huh.NewGroup(huh.NewSelect[string]().Title(fmt.Sprintf("Move “%s” to", t.Title)).Options(opts...).Value(&target)))
	talks, actor := v.talks, l.actor
	return v.desk.openForm("Move to a later block", "", f, func() tea.Cmd {
		return v.desk.write(fmt.Sprintf("“%s” moved to a later block", t.Title), func(ctx context.Context) error {
			_, err := talks.RescheduleTalk(ctx, actor, t.ID, target)
			return err
		}, nil)
	})
}

// nextCampForm hands a talk on to another camp of the series.
func (v *talksView) nextCampForm(l *look, t schedule.Talk) tea.Cmd {
	slug := nextQuarter(l.ev.Slug)
	f := huh.NewForm(huh.NewGroup(huh.NewInput().Title(fmt.Sprintf("Move “%s” to the camp", t.Title)).
		Description("the slug of the next camp of " + line(l.ev.Series)).CharLimit(slugMax).Value(&slug).Validate(validSlug)))
	talks, actor := v.talks, l.actor
	return v.desk.openForm("Move to the next camp", "", f, func() tea.Cmd {
		s := strings.TrimSpace(slug)
		return v.desk.write(fmt.Sprintf("“%s” moved to camp %s", t.Title, s), func(ctx context.Context) error {
			_, err := talks.MoveTalkToEvent(ctx, actor, t.ID, s)
			return err
		}, nil)
	})
}

// nextQuarter guesses the next camp's slug: camps are quarterly and named
// YYYY-MM, so 2026-03 is followed by 2026-06. Other slugs get no guess.
func nextQuarter(slug string) string {
	var y, mo int
	if n, err := fmt.Sscanf(slug, "%4d-%2d", &y, &mo); n != 2 || err != nil || mo < 1 || mo > 12 {
		return ""
	}
	mo += 3
	if mo > 12 {
		y, mo = y+1, mo-12
	}
	return fmt.Sprintf("%04d-%02d", y, mo)
}

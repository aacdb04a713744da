package commands

import (
	"fmt"
	"io"
	"strings"
	"text/tabwriter"

	"github.com/spf13/cobra"

	"github.com/lightningcamp/camp/schedule"
)

// People: join, whoami, name and link.

func (t *tree) joinCommand() *cobra.Command {
	var name, tz string
	var accept bool
	cmd := &cobra.Command{
		Use:     "join",
		Short:   "Choose your name and accept the code of conduct (do this first)",
		Example: t.examples(`join --name "Ada Lovelace" --accept-code-of-conduct --tz Europe/Berlin`),
		Args:    exactArgs(0),
		RunE: t.run(func(c *call) error {
			return c.join(schedule.JoinRequest{Name: name, TZ: tz, AcceptCoC: accept})
		}),
	}
	cmd.Flags().StringVar(&name, "name", "", "the name others will see")
	cmd.Flags().BoolVar(&accept, "accept-code-of-conduct", false, "say that you have read and accept the code of conduct")
	cmd.Flags().StringVar(&tz, "tz", "", "the IANA zone you read times in, e.g. America/Chicago (default: the event's)")
	return t.attendee(cmd)
}

func (c *call) join(j schedule.JoinRequest) error {
	if strings.TrimSpace(j.Name) == "" {
		return usagef("join needs --name: the name others will see, e.g. %s", remoteLine(c.prefix, `join --name "Ada Lovelace" --accept-code-of-conduct`))
	}
	if !j.AcceptCoC {
		return schedule.Errorf(schedule.EINVALID, "to join, read the code of conduct at %s, then run join again with --accept-code-of-conduct", c.codeOfConduct())
	}
	p, err := c.backend().Join(c.ctx, c.actor(), j)
	if err != nil {
		return err
	}
	zone := p.TZ
	if zone == "" {
		zone = c.event().Zone.String()
	}
	return c.report(c.personView(p), "Welcome, %s! Times are shown in %s.\nPropose a talk or topic, vote, and write notes; see: %s help", line(p.Name), zone, c.prefix)
}

func (c *call) codeOfConduct() string {
	if link := c.event().Links.CodeOfConduct; link != "" {
		return line(link)
	}
	return "the event's website"
}

// whoamiView is `whoami --json`.
type whoamiView struct {
	ID          int64  `json:"id"`
	Name        string `json:"name"`
	Fingerprint string `json:"fingerprint"`
	Role        string `json:"role"`
	TZ          string `json:"tz"`
	Joined      bool   `json:"joined"`
	prefix      string
}

func (v whoamiView) writeText(w io.Writer) {
	name := v.Name
	if name == "" {
		name = "(no name yet)"
	}
	fmt.Fprintf(w, "%s, %s\nkey:  %s\nzone: %s\n", name, v.Role, v.Fingerprint, v.TZ)
	if !v.Joined && v.Role != string(schedule.RoleGuest) {
		fmt.Fprintln(w, "You have not joined yet: "+remoteLine(v.prefix, `join --name "Your Name" --accept-code-of-conduct`))
	}
}

func (t *tree) whoamiCommand() *cobra.Command {
	cmd := &cobra.Command{
		Use:     "whoami",
		Short:   "Show your name, key fingerprint, role and time zone",
		Example: t.examples("whoami", "whoami --json"),
		Args:    exactArgs(0),
		RunE:    t.run(func(c *call) error { return c.whoami() }),
	}
	addJSONFlag(cmd)
	return t.everyone(cmd)
}

func (c *call) whoami() error {
	p, err := c.me()
	if err != nil {
		return err
	}
	zone, err := c.viewerZone()
	if err != nil {
		return err
	}
	role := c.actor().Role
	if c.isGuest() {
		role = schedule.RoleGuest
	}
	fp := c.env.Fingerprint
	if fp == "" {
		fp = p.Fingerprint
	}
	return c.show(whoamiView{ID: p.ID, Name: line(p.Name), Fingerprint: line(fp), Role: string(role), TZ: zone.String(), Joined: p.Joined(), prefix: c.prefix})
}

func (t *tree) nameCommand() *cobra.Command {
	return t.attendee(&cobra.Command{
		Use:     "name NEW",
		Short:   "Change the name others see",
		Example: t.examples(`name Ada Lovelace`),
		Args:    minArgs(1),
		RunE: t.run(func(c *call) error {
			p, err := c.backend().Rename(c.ctx, c.actor(), strings.Join(c.args, " "))
			if err != nil {
				return err
			}
			return c.report(c.personView(p), "You are now called %s.", line(p.Name))
		}),
	})
}

// linkCommand links keys to Eventbrite registrations. Attendees ask with
// `link EMAIL`; an organiser confirms the code they are told, so nobody can
// claim another person's registration by typing their address. Without
// request (the local console) only `link confirm` is there.
func (t *tree) linkCommand(request bool) *cobra.Command {
	var yes bool
	confirm := t.organiser(&cobra.Command{
		Use:     "confirm CODE",
		Short:   "Show who asked for a code and for which email; --yes links them",
		Example: t.examples("link confirm K7QX2M", "link confirm K7QX2M --yes"),
		Args:    exactArgs(1),
		RunE: t.run(func(c *call) error {
			if !yes {
				return c.previewLink(c.args[0])
			}
			p, err := c.backend().ConfirmLink(c.ctx, c.actor(), c.args[0])
			if err != nil {
				return err
			}
			return c.report(newPersonJSON(p), "Linked %s (person %d) to the registration of %s.", line(p.Name), p.ID, line(p.Email))
		}),
	})
	confirm.Flags().BoolVar(&yes, "yes", false, "link them (without it, only show what would be linked)")
	if !request {
		return t.organiser(t.group("link", "Link attendees to their registrations", confirm.Example, confirm))
	}
	cmd := &cobra.Command{
		Use:     "link EMAIL",
		Short:   "Link your key to your registration; an organiser confirms the code",
		Example: t.examples("link ada@example.org"),
		Args:    exactArgs(1),
		RunE: t.run(func(c *call) error {
			code, err := c.backend().RequestLink(c.ctx, c.actor(), c.args[0])
			if err != nil {
				return err
			}
			return c.report(linkCodeJSON{Code: line(code)}, "Your code is %s. Tell it to an organiser (in the Zoom chat or the main room);\n"+
				"they check it against the registrations, and once they confirm it your key is linked to your registration.", line(code))
		}),
	}
	cmd.AddCommand(confirm)
	return t.attendee(cmd)
}

// previewLink tells the organiser what `link confirm CODE --yes` would do:
// the person who asked (name, id, key) and the email, with the
// registration that has it, or that none has.
func (c *call) previewLink(code string) error {
	lr, err := c.backend().PendingLink(c.ctx, c.actor(), code)
	if err != nil {
		return err
	}
	p := lr.Person
	var b strings.Builder
	fmt.Fprintf(&b, "Code %s was asked for by %s (person %d, key %s)\nfor the email %s.\n",
		line(lr.Code), line(cmpOr(p.Name, "(no name yet)")), p.ID, line(p.Fingerprint), line(lr.Email))
	if lr.Registration == nil {
		fmt.Fprintf(&b, "No registration holding a ticket (Attending or Checked In) has that email: nothing can be linked.\n"+
			"Ask them to check the address they registered with.\n")
		return c.print(b.String())
	}
	r := lr.Registration
	fmt.Fprintf(&b, "The registration with it: %s <%s>, ticket %s, %s.\n", line(r.Name), line(r.Email), line(r.TicketID), line(r.Status))
	if p.Email != "" {
		fmt.Fprintf(&b, "Their key is linked to %s now; confirming replaces it.\n", line(p.Email))
	}
	fmt.Fprintf(&b, "If that is the person you are talking to, link them with:\n  %s link confirm %s --yes\n", c.prefix, line(lr.Code))
	return c.print(b.String())
}

func cmpOr(s, otherwise string) string {
	if s != "" {
		return s
	}
	return otherwise
}

// personJSON is one person in `people --json` (organisers only).
type personJSON struct {
	ID        int64  `json:"id"`
	Name      string `json:"name"`
	Role      string `json:"role"`
	JoinedAt  stamp  `json:"joined_at"`
	Email     string `json:"email"`
	Muted     bool   `json:"muted"`
	Banned    bool   `json:"banned"`
	OnlyVoted bool   `json:"only_voted"`
	// EditedAfterApproval lists the person's talks they changed after an
	// organiser approved them (back in review: look at them in talks).
	EditedAfterApproval []int64 `json:"edited_after_approval"`
}

func newPersonJSON(p schedule.Person) personJSON {
	return personJSON{ID: p.ID, Name: line(p.Name), Role: string(p.Role), JoinedAt: stamp(p.AcceptedCoC),
		Email: line(p.Email), Muted: p.Muted, Banned: p.Banned, OnlyVoted: p.OnlyVoted, EditedAfterApproval: []int64{}}
}

// linkCodeJSON is `link EMAIL --json`: the code to tell an organiser.
type linkCodeJSON struct {
	Code string `json:"code"`
}

// personView is the caller as whoami --json shows them, after a change.
func (c *call) personView(p schedule.Person) whoamiView {
	zone := p.TZ
	if zone == "" {
		if z, err := c.viewerZone(); err == nil {
			zone = z.String()
		}
	}
	fp := c.env.Fingerprint
	if fp == "" {
		fp = p.Fingerprint
	}
	return whoamiView{ID: p.ID, Name: line(p.Name), Fingerprint: line(fp), Role: string(p.Role), TZ: zone, Joined: p.Joined(), prefix: c.prefix}
}

// peopleView is `people --json`.
type peopleView struct {
	People []personJSON `json:"people"`
}

func (v peopleView) writeText(w io.Writer) {
	if len(v.People) == 0 {
		fmt.Fprintln(w, "Nobody has joined yet.")
		return
	}
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "ID\tNAME\tROLE\tREGISTRATION\tSTANDING")
	onlyVoted, edited := 0, 0
	for _, p := range v.People {
		var standing []string
		if p.Muted {
			standing = append(standing, "MUTED")
		}
		if p.Banned {
			standing = append(standing, "BANNED")
		}
		if p.OnlyVoted {
			standing = append(standing, "NEW, ONLY VOTED")
			onlyVoted++
		}
		for _, id := range p.EditedAfterApproval {
			standing = append(standing, fmt.Sprintf("EDITED APPROVED TALK %d", id))
			edited++
		}
		fmt.Fprintf(tw, "%d\t%s\t%s\t%s\t%s\n", p.ID, cmpOr(p.Name, "(no name yet)"), p.Role, cmpOr(p.Email, "-"), strings.Join(standing, " "))
	}
	tw.Flush()
	if edited > 0 {
		fmt.Fprintf(w, "%s changed after approval and back in review: see talks (marked *) and approve again.\n", count(edited, "talk"))
	}
	if onlyVoted > 0 {
		fmt.Fprintf(w, "%d key(s) joined in the last %s and have only voted: many at once can be vote stuffing.\n"+
			"[openspace] votes_require_registration = true lets only linked registrations vote.\n", onlyVoted, schedule.NewKeyWindow)
	}
}

func (t *tree) peopleCommand() *cobra.Command {
	cmd := &cobra.Command{
		Use:     "people",
		Short:   "Everyone who has joined, with their standing and new keys that only voted",
		Example: t.examples("people", "people --json"),
		Args:    exactArgs(0),
		RunE: t.run(func(c *call) error {
			if err := c.require(schedule.PermOrganise); err != nil {
				return err
			}
			people, err := c.backend().People(c.ctx)
			if err != nil {
				return err
			}
			talks, err := c.backend().VisibleTalks(c.ctx, c.viewer(), schedule.TalkFilter{})
			if err != nil {
				return err
			}
			edited := map[int64][]int64{}
			for _, t := range talks {
				if t.EditedAfterApproval != nil {
					edited[t.SpeakerID] = append(edited[t.SpeakerID], t.ID)
				}
			}
			v := peopleView{People: make([]personJSON, 0, len(people))}
			for _, p := range people {
				j := newPersonJSON(p)
				if ids := edited[p.ID]; ids != nil {
					j.EditedAfterApproval = ids
				}
				v.People = append(v.People, j)
			}
			return c.show(v)
		}),
	}
	addJSONFlag(cmd)
	return t.organiser(cmd)
}

func (t *tree) tzCommand() *cobra.Command {
	cmd := &cobra.Command{
		Use:     "tz ZONE",
		Short:   "Choose the time zone you read times in, e.g. Asia/Tokyo",
		Example: t.examples("tz Asia/Tokyo", "tz America/New_York"),
		Args:    exactArgs(1),
		RunE: t.run(func(c *call) error {
			p, err := c.backend().SetZone(c.ctx, c.actor(), strings.TrimSpace(c.args[0]))
			if err != nil {
				return err
			}
			loc, err := schedule.LoadZone(p.TZ)
			if err != nil {
				return err
			}
			return c.report(c.personView(p), "Times are now shown in %s (%s now).", loc, schedule.ZoneAbbrev(c.now(), loc))
		}),
	}
	return t.attendee(cmd)
}

package commands

import (
	"fmt"
	"io"
	"strings"

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
		return usagef(`join needs --name: the name others will see, e.g. join --name "Ada Lovelace" --accept-code-of-conduct`)
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
	return c.say("Welcome, %s! Times are shown in %s.\nPropose a talk or topic, vote, and write notes; see: %s help", line(p.Name), zone, c.prefix)
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
}

func (v whoamiView) writeText(w io.Writer) {
	name := v.Name
	if name == "" {
		name = "(no name yet)"
	}
	fmt.Fprintf(w, "%s, %s\nkey:  %s\nzone: %s\n", name, v.Role, v.Fingerprint, v.TZ)
	if !v.Joined && v.Role != string(schedule.RoleGuest) {
		fmt.Fprintln(w, `You have not joined yet: join --name "Your Name" --accept-code-of-conduct`)
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
	return c.show(whoamiView{ID: p.ID, Name: line(p.Name), Fingerprint: line(fp), Role: string(role), TZ: zone.String(), Joined: p.Joined()})
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
			return c.say("You are now called %s.", line(p.Name))
		}),
	})
}

// linkCommand links keys to Eventbrite registrations. Attendees ask with
// `link EMAIL`; an organiser confirms the code they are told, so nobody can
// claim another person's registration by typing their address. Without
// request (the local console) only `link confirm` is there.
func (t *tree) linkCommand(request bool) *cobra.Command {
	confirm := t.organiser(&cobra.Command{
		Use:     "confirm CODE",
		Short:   "Confirm the code an attendee tells you, linking their registration",
		Example: t.examples("link confirm K7QX2M"),
		Args:    exactArgs(1),
		RunE: t.run(func(c *call) error {
			p, err := c.backend().ConfirmLink(c.ctx, c.actor(), c.args[0])
			if err != nil {
				return err
			}
			return c.say("Linked %s to the registration of %s.", line(p.Name), line(p.Email))
		}),
	})
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
			return c.say("Your code is %s. Tell it to an organiser (in the Zoom chat or the main room);\nonce they confirm it, your key is linked to your registration.", line(code))
		}),
	}
	cmd.AddCommand(confirm)
	return t.attendee(cmd)
}

package commands

import (
	"fmt"
	"io"
	"sort"

	"github.com/spf13/cobra"

	"github.com/lightningcamp/camp/schedule"
)

// The server's vital signs, and exports.

// statsView is `stats --json`: the Stats fields as they are.
type statsView struct {
	Stats
}

func (v statsView) writeText(w io.Writer) {
	roles := make([]string, 0, len(v.SessionsByRole))
	for r := range v.SessionsByRole {
		roles = append(roles, r)
	}
	sort.Strings(roles)
	fmt.Fprintf(w, "sessions     %d", v.Sessions)
	for _, r := range roles {
		fmt.Fprintf(w, "  %s %d", r, v.SessionsByRole[r])
	}
	fmt.Fprintf(w, "\ngoroutines   %d\nheap         %.1f MiB\nrss          %.1f MiB\ncpu          %.1f s\nuptime       %.0f s\n",
		v.Goroutines, mib(v.HeapBytes), mib(v.RSSBytes), v.CPUSeconds, v.UptimeSeconds)
}

func mib(b uint64) float64 { return float64(b) / (1 << 20) }

func (t *tree) statsCommand() *cobra.Command {
	cmd := &cobra.Command{
		Use:     "stats",
		Short:   "The server's sessions, goroutines, memory and CPU",
		Example: t.examples("stats", "stats --json"),
		Args:    exactArgs(0),
		RunE:    t.run(func(c *call) error { return c.stats() }),
	}
	addJSONFlag(cmd)
	return t.organiser(cmd)
}

func (c *call) stats() error {
	if err := c.require(schedule.PermOrganise); err != nil {
		return err
	}
	if c.env.Stats == nil {
		return schedule.Errorf(schedule.ENOTFOUND, "no server statistics here: run stats over SSH against the running server")
	}
	s := c.env.Stats()
	if s.SessionsByRole == nil {
		s.SessionsByRole = map[string]int{} // {} rather than null in JSON
	}
	return c.show(statsView{s})
}

func (t *tree) exportCommand() *cobra.Command {
	var mine bool
	cmd := &cobra.Command{
		Use:     "export",
		Short:   "Your own talks, topics, notes and reports as Markdown (--mine); organisers: event.json",
		Example: t.examples("export --mine > my-camp.md", "export --mine --json > my-camp.json", "export > event.json"),
		Args:    exactArgs(0),
		RunE: t.run(func(c *call) error {
			if mine {
				return c.exportMine()
			}
			return c.exportEvent()
		}),
	}
	cmd.Flags().BoolVar(&mine, "mine", false, "only your own contributions, as Markdown")
	return t.attendee(cmd)
}

func (c *call) exportMine() error {
	if err := c.require(schedule.PermContribute); err != nil {
		return err
	}
	if c.wantsJSON() {
		v, err := c.mineJSON()
		if err != nil {
			return err
		}
		return writeJSON(c.cmd.OutOrStdout(), v)
	}
	if c.env.ExportMine == nil {
		return schedule.Errorf(schedule.ENOTFOUND, "export --mine is not available here")
	}
	return c.relay(false, func(w io.Writer) error { return c.env.ExportMine(c.ctx, w, c.actor().PersonID) })
}

func (c *call) exportEvent() error {
	if err := c.require(schedule.PermOrganise); err != nil {
		return err
	}
	if c.env.ExportEvent == nil {
		return schedule.Errorf(schedule.ENOTFOUND, "export is not available here: use camp export --out DIR on the server")
	}
	return c.relay(true, func(w io.Writer) error { return c.env.ExportEvent(c.ctx, w) })
}

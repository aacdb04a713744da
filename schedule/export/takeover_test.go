package export_test

import (
	"bytes"
	"context"
	"strings"
	"testing"

	"github.com/lightningcamp/camp/schedule"
	"github.com/lightningcamp/camp/schedule/export"
	"github.com/lightningcamp/camp/store"
	"github.com/lightningcamp/camp/store/storetest"
)

// zoomCSV exports the breakout-room CSV of a real camp.
func zoomCSV(t *testing.T, camp *store.Camp) string {
	t.Helper()
	ctx := context.Background()
	c := export.Camp{Event: camp.Event(), GeneratedAt: storetest.SeedNow}
	var err error
	if c.People, err = camp.People(ctx); err != nil {
		t.Fatal(err)
	}
	if c.Topics, err = camp.Topics(ctx); err != nil {
		t.Fatal(err)
	}
	if c.Registrations, err = camp.Registrations(ctx); err != nil {
		t.Fatal(err)
	}
	votes, err := camp.Votes(ctx)
	if err != nil {
		t.Fatal(err)
	}
	for _, v := range votes {
		c.Votes = append(c.Votes, export.Vote{TopicID: v.TopicID, PersonID: v.PersonID})
	}
	var buf bytes.Buffer
	if err := export.WriteZoomCSV(&buf, c, export.Options{}); err != nil {
		t.Fatal(err)
	}
	return buf.String()
}

// Issue 12, item 7: the Zoom CSV matched registrations by display name, so
// whoever joined first under a registrant's name (in any letter case) was
// given the registrant's email, and with it their breakout room. Only an
// email linked through `link EMAIL` and an organiser's confirmation counts.
func TestDisplayNameDoesNotTakeOverARegistration(t *testing.T) {
	ctx := context.Background()
	ev := storetest.Example(t)
	ev.Limits.WriteBurst = 10
	camp := storetest.MustOpenCamp(t, ev, nil)
	org := storetest.MustJoin(t, camp, "Olive", true)
	if _, err := camp.ImportRegistrations(ctx, org, []schedule.Registration{
		{TicketID: "1001", Name: "Ada Lovelace", Email: "ada@example.org", Status: "Attending"}}); err != nil {
		t.Fatal(err)
	}
	attacker := storetest.MustJoin(t, camp, "ADA LOVELACE", false)
	tp, err := camp.ProposeTopic(ctx, org, schedule.TopicProposal{Title: "Compilers"})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := camp.PlaceTopic(ctx, org, tp.ID, "b", "eu-openspace-1/1"); err != nil {
		t.Fatal(err)
	}
	if _, err := camp.Vote(ctx, attacker, tp.ID, true); err != nil {
		t.Fatal(err)
	}
	if csv := zoomCSV(t, camp); strings.Contains(csv, "ada@example.org") {
		t.Fatalf("the attacker's display name took over the registrant's email:\n%s", csv)
	}

	// The real Ada links her registration; an organiser confirms it.
	ada := storetest.MustJoin(t, camp, "Ada L.", false)
	code, err := camp.RequestLink(ctx, ada, "ada@example.org")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := camp.ConfirmLink(ctx, org, code); err != nil {
		t.Fatal(err)
	}
	camp.Vote(ctx, ada, tp.ID, true)
	if csv := zoomCSV(t, camp); strings.Count(csv, "ada@example.org") != 1 {
		t.Errorf("the linked registrant should be in the CSV once:\n%s", csv)
	}
}

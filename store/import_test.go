package store_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/lightningcamp/camp/schedule"
	"github.com/lightningcamp/camp/store/storetest"
)

// TestReimportAppliesRefundTransferAndRename: the attendee report is the
// source of truth. Re-importing it with a refund, a transfer (Eventbrite
// marks the old ticket Transferred and adds the new holder's row) and a
// name change updates exactly those registrations and says what changed.
func TestReimportAppliesRefundTransferAndRename(t *testing.T) {
	camp := storetest.MustOpenCamp(t, nil, nil)
	org := storetest.MustJoin(t, camp, "Olive", true)
	first := []schedule.Registration{
		{TicketID: "1", OrderID: "91", Name: "Ada Lovelace", Email: "ada@example.org", Status: "Attending"},
		{TicketID: "2", OrderID: "92", Name: "Grace Hopper", Email: "grace@example.net", Status: "Attending"},
		{TicketID: "3", OrderID: "93", Name: "Linus T", Email: "linus@example.com", Status: "Checked In"},
		{TicketID: "4", OrderID: "94", Name: "Edsger D", Email: "edsger@example.nl", Status: "Attending"},
	}
	if _, err := camp.ImportRegistrations(ctx, org, first); err != nil {
		t.Fatal(err)
	}
	second := []schedule.Registration{
		{TicketID: "1", OrderID: "91", Name: "Ada Lovelace", Email: "ada@example.org", Status: "Refunded"},
		{TicketID: "2", OrderID: "92", Name: "Grace Hopper", Email: "grace@example.net", Status: "Transferred"},
		{TicketID: "5", OrderID: "92", Name: "Barbara L", Email: "barbara@example.com", Status: "Attending"},
		{TicketID: "3", OrderID: "93", Name: "Linus Torvalds", Email: "linus@example.com", Status: "Checked In"},
		{TicketID: "4", OrderID: "94", Name: "Edsger D", Email: "edsger@example.nl", Status: "Attending"},
	}
	res, err := camp.ImportRegistrations(ctx, org, second)
	if err != nil {
		t.Fatal(err)
	}
	if res.Added != 1 || res.Updated != 3 || res.Unchanged != 1 {
		t.Errorf("re-import: %d new, %d updated, %d unchanged; want 1, 3, 1", res.Added, res.Updated, res.Unchanged)
	}
	var changes []string
	for _, c := range res.Changes {
		changes = append(changes, c.String())
	}
	want := []string{
		`attendee # 1 (Ada Lovelace): status "Attending" → "Refunded"`,
		`attendee # 2 (Grace Hopper): status "Attending" → "Transferred"`,
		`attendee # 3 (Linus Torvalds): name "Linus T" → "Linus Torvalds"`,
	}
	if strings.Join(changes, "\n") != strings.Join(want, "\n") {
		t.Errorf("changes:\n%s\nwant:\n%s", strings.Join(changes, "\n"), strings.Join(want, "\n"))
	}
	regs, err := camp.Registrations(ctx)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, r := range regs {
		got = append(got, fmt.Sprintf("%s:%s:%v", r.TicketID, r.Status, r.Attending()))
	}
	if fmt.Sprint(got) != "[1:Refunded:false 5:Attending:true 4:Attending:true 2:Transferred:false 3:Checked In:true]" {
		t.Errorf("stored %v", got)
	}
}

// TestRefundedRegistrationCannotBeLinked: re-imports keep refunded and
// transferred rows (with their status); their email links nobody.
func TestRefundedRegistrationCannotBeLinked(t *testing.T) {
	camp := storetest.MustOpenCamp(t, nil, nil)
	org := storetest.MustJoin(t, camp, "Olive", true)
	if _, err := camp.ImportRegistrations(ctx, org, []schedule.Registration{
		{TicketID: "1", Name: "Ada Lovelace", Email: "ada@example.org", Status: schedule.RegRefunded},
		{TicketID: "2", Name: "Grace Hopper", Email: "grace@example.net", Status: schedule.RegCheckedIn},
	}); err != nil {
		t.Fatal(err)
	}
	ada := storetest.MustJoin(t, camp, "Ada", false)
	if _, err := camp.RequestLink(ctx, ada, "ada@example.org"); err == nil {
		t.Error("a refunded registration's email could be linked")
	}
	grace := storetest.MustJoin(t, camp, "Grace", false)
	if _, err := camp.RequestLink(ctx, grace, "grace@example.net"); err != nil {
		t.Errorf("a checked-in registration's email: %v", err)
	}
}

package store_test

import (
	"testing"

	"github.com/lightningcamp/camp/schedule"
	"github.com/lightningcamp/camp/store/storetest"
)

func TestImportIsIdempotent(t *testing.T) {
	camp := storetest.MustOpenCamp(t, nil, nil)
	org := storetest.MustJoin(t, camp, "Olive", true)
	regs := []schedule.Registration{
		{TicketID: "1001", OrderID: "9001", Name: "Ada Lovelace", Email: "ada@example.org", Status: "Attending"},
		{TicketID: "1002", OrderID: "9002", Name: "Grace Hopper", Email: "grace@example.net", Status: "Checked In"},
	}
	res, err := camp.ImportRegistrations(ctx, org, regs)
	if err != nil || res.Added != 2 {
		t.Fatalf("first import: %+v %v", res, err)
	}
	res, _ = camp.ImportRegistrations(ctx, org, regs)
	if res.Added != 0 || res.Updated != 0 || res.Unchanged != 2 {
		t.Errorf("second import of the same rows changed something: %+v", res)
	}
	regs[1].Email = "grace@example.com"
	res, _ = camp.ImportRegistrations(ctx, org, regs)
	if res.Updated != 1 {
		t.Errorf("a changed email should update one row: %+v", res)
	}
	ada := storetest.MustJoin(t, camp, "Ada", false)
	if _, err := camp.ImportRegistrations(ctx, ada, regs); schedule.ErrorCode(err) != schedule.EFORBIDDEN {
		t.Errorf("an attendee importing: %v", err)
	}
}

func TestLinkNeedsAnOrganisersConfirmation(t *testing.T) {
	camp := storetest.MustOpenCamp(t, nil, nil)
	org := storetest.MustJoin(t, camp, "Olive", true)
	camp.ImportRegistrations(ctx, org, []schedule.Registration{{TicketID: "1", Name: "Ada Lovelace", Email: "Ada@Example.org", Status: "Attending"}})
	ada := storetest.MustJoin(t, camp, "Ada", false)
	mallory := storetest.MustJoin(t, camp, "Mallory", false)

	// An unregistered address gets a code like any other (so the answer
	// tells nobody which addresses are registered); the organiser sees it
	// matches no registration (TestLinkAnswersTheSameForAnyEmail).
	if _, err := camp.RequestLink(ctx, ada, "nobody@example.org"); err != nil {
		t.Errorf("linking an unregistered email: %v", err)
	}
	code, err := camp.RequestLink(ctx, ada, "ada@example.org")
	if err != nil || len(code) != 6 {
		t.Fatalf("request: %q %v", code, err)
	}
	if _, err := camp.ConfirmLink(ctx, mallory, code); schedule.ErrorCode(err) != schedule.EFORBIDDEN {
		t.Errorf("an attendee confirming a link: %v", err)
	}
	if p, _ := camp.Person(ctx, ada.PersonID); p.Email != "" {
		t.Fatal("the email was linked before an organiser confirmed it")
	}
	p, err := camp.ConfirmLink(ctx, org, code[:3]+"-"+code[3:])
	if err != nil || p.Email != "ada@example.org" {
		t.Fatalf("confirm: %+v %v", p, err)
	}
	if _, err := camp.ConfirmLink(ctx, org, code); schedule.ErrorCode(err) != schedule.ENOTFOUND {
		t.Errorf("a code confirmed twice: %v", err)
	}
}

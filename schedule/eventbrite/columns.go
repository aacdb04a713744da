package eventbrite

import (
	"fmt"
	"strings"

	"github.com/lightningcamp/camp/schedule"
)

// columns are the positions of the columns Parse uses; -1 when absent.
type columns struct {
	email, name, first, last, order, attendee, ticketType, status int
}

// headerNames maps each column to the header names Eventbrite has used for
// it, lower-case.
var headerNames = map[string][]string{
	"email":       {"email", "email address"},
	"name":        {"name", "attendee name", "full name"},
	"first":       {"first name"},
	"last":        {"last name", "surname"},
	"order":       {"order #", "order id", "order number"},
	"attendee":    {"attendee #", "attendee id", "ticket #"},
	"ticket type": {"ticket type"},
	"status":      {"attendee status", "status"},
}

// findColumns locates the columns by header name, case-insensitively; the
// first matching column wins, so a custom question never shadows one.
func findColumns(header []string) (columns, error) {
	index := func(key string) int {
		for i, h := range header {
			for _, name := range headerNames[key] {
				if strings.EqualFold(strings.TrimSpace(h), name) {
					return i
				}
			}
		}
		return -1
	}
	c := columns{
		email: index("email"), name: index("name"), first: index("first"), last: index("last"),
		order: index("order"), attendee: index("attendee"), ticketType: index("ticket type"), status: index("status"),
	}
	if c.email < 0 || (c.name < 0 && c.first < 0) {
		return c, schedule.Errorf(schedule.EINVALID,
			"eventbrite: this is not an attendee report: it needs an \"Email\" column and a \"Name\" or \"First Name\" column; the header has %s",
			quoteAll(header))
	}
	return c, nil
}

// keptStatuses are the attendee statuses that become registrations, with
// the spelling stored. A report without the column keeps everyone.
var keptStatuses = map[string]string{"": "Attending", "attending": "Attending", "checked in": "Checked In"}

// registration reads one row, or says why it is not imported.
func (c columns) registration(record []string, width int, event string) (schedule.Registration, *RowProblem) {
	if len(record) != width {
		return schedule.Registration{}, &RowProblem{Reason: fmt.Sprintf("has %d columns, the header has %d", len(record), width)}
	}
	status, kept := keptStatuses[strings.ToLower(cell(record, c.status))]
	if !kept {
		return schedule.Registration{}, &RowProblem{Skipped: true, Reason: fmt.Sprintf("status %q: only Attending and Checked In are imported", cell(record, c.status))}
	}
	reg := schedule.Registration{
		Event: event, OrderID: cell(record, c.order), TicketID: cell(record, c.attendee),
		Name: c.fullName(record), Email: cell(record, c.email), Status: status, TicketType: cell(record, c.ticketType),
	}
	switch {
	case reg.Email == "":
		return reg, &RowProblem{Reason: "no email"}
	case !validEmail(reg.Email):
		return reg, &RowProblem{Reason: fmt.Sprintf("%q is not an email address", reg.Email)}
	case reg.Name == "":
		return reg, &RowProblem{Reason: "no name"}
	}
	return reg, nil
}

// fullName is the Name column, else First Name and Last Name joined.
func (c columns) fullName(record []string) string {
	if name := cell(record, c.name); name != "" {
		return name
	}
	return strings.Join(strings.Fields(cell(record, c.first)+" "+cell(record, c.last)), " ")
}

func quoteAll(header []string) string {
	q := make([]string, len(header))
	for i, h := range header {
		q[i] = fmt.Sprintf("%q", h)
	}
	return strings.Join(q, ", ")
}

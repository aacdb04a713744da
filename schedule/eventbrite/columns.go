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

// registration reads one row, or says why it is not imported. Rows
// without an attendee # (a report without the column) are keyed by email.
func (c columns) registration(record []string, width int, event string) (schedule.Registration, string) {
	if len(record) != width {
		return schedule.Registration{}, fmt.Sprintf("has %d columns, the header has %d", len(record), width)
	}
	statusCell := cell(record, c.status)
	status, known := schedule.RegistrationStatuses[strings.ToLower(statusCell)]
	if c.status < 0 {
		status, known = schedule.RegAttending, true // a report without statuses lists attendees
	}
	reg := schedule.Registration{
		Event: event, OrderID: cell(record, c.order), TicketID: cell(record, c.attendee),
		Name: c.fullName(record), Email: cell(record, c.email), Status: status, TicketType: cell(record, c.ticketType),
	}
	if !known {
		return reg, fmt.Sprintf("status %q is not one Eventbrite uses (Attending, Checked In, Not Attending, Refunded, Transferred, Cancelled, Deleted)", statusCell)
	}
	if err := schedule.CheckEmail(reg.Email); err != nil {
		return reg, err.Error()
	}
	if reg.Name == "" {
		return reg, "no name"
	}
	if reg.TicketID == "" {
		reg.TicketID = "email:" + strings.ToLower(reg.Email)
	}
	return reg, ""
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

// cell is a trimmed field, "" when the column is absent.
func cell(record []string, col int) string {
	if col < 0 || col >= len(record) {
		return ""
	}
	return strings.TrimSpace(record[col])
}

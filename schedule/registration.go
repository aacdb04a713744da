package schedule

import "strings"

// The attendee statuses of an Eventbrite report, as stored. Only Attending
// and Checked In registrations count: a refunded, transferred or cancelled
// ticket keeps its row (so a re-import can say what changed) but gives no
// email to the Zoom file and links nobody.
const (
	RegAttending    = "Attending"
	RegCheckedIn    = "Checked In"
	RegNotAttending = "Not Attending"
	RegRefunded     = "Refunded"
	RegTransferred  = "Transferred"
	RegCancelled    = "Cancelled"
	RegDeleted      = "Deleted"
)

// RegistrationStatuses maps each status Eventbrite writes, lower-case, to
// the spelling stored.
var RegistrationStatuses = map[string]string{
	"attending": RegAttending, "checked in": RegCheckedIn, "not attending": RegNotAttending,
	"refunded": RegRefunded, "transferred": RegTransferred, "cancelled": RegCancelled,
	"canceled": RegCancelled, "deleted": RegDeleted,
}

// Attending reports whether the registration still holds a ticket.
func (r Registration) Attending() bool {
	return strings.EqualFold(r.Status, RegAttending) || strings.EqualFold(r.Status, RegCheckedIn)
}

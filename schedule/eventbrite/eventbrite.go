// Package eventbrite reads Eventbrite's attendee report (CSV) into
// registrations, so that people's emails can be matched for the Zoom
// breakout-room pre-assignment.
package eventbrite

import (
	"fmt"
	"io"

	"github.com/lightningcamp/camp/schedule"
)

// MaxFileBytes bounds the report Parse reads: Eventbrite's report for a
// few thousand attendees is a few megabytes.
const MaxFileBytes = 32 << 20

// RowProblem is a row that was not imported, and why.
type RowProblem struct {
	Line   int    `json:"line"` // 1-based line in the file where the row starts
	Reason string `json:"reason"`
}

func (p RowProblem) String() string { return fmt.Sprintf("line %d: %s", p.Line, p.Reason) }

// Parse reads an attendee report. Columns are found by their header name,
// in any case and order; a UTF-8 byte-order mark is tolerated; columns it
// does not know (Eventbrite's custom questions) are ignored. An email and
// a name ("Name", or "First Name" and "Last Name") are required; "Order #",
// "Attendee #", "Ticket Type" and "Attendee Status" are used when present.
//
// Every row with a known status becomes a registration: Attending and
// Checked In ones hold a ticket; Refunded, Transferred, Not Attending,
// Cancelled and Deleted ones are kept too, so that a re-import applies
// them. Bad rows (no or bad email, no name, unknown status, wrong column
// count, broken quoting, a repeated attendee #) are reported by the line
// they start on, and never hide another row. err is for a file that
// cannot be used at all: unreadable, too big, or without the required
// columns.
func Parse(r io.Reader, event string) (regs []schedule.Registration, problems []RowProblem, err error) {
	data, err := io.ReadAll(io.LimitReader(skipBOM(r), MaxFileBytes+1))
	if err != nil {
		return nil, nil, schedule.Errorf(schedule.EINVALID, "eventbrite: %v", err)
	}
	if len(data) > MaxFileBytes {
		return nil, nil, schedule.Errorf(schedule.EINVALID, "eventbrite: the file is over %d MB: is it an attendee report?", MaxFileBytes>>20)
	}
	rows := newRowReader(string(data))
	header, ok := rows.next(0)
	if !ok {
		return nil, nil, schedule.Errorf(schedule.EINVALID, "eventbrite: cannot read the header row")
	}
	if header.err != nil {
		return nil, nil, schedule.Errorf(schedule.EINVALID, "eventbrite: cannot read the header row (line %d): %v", header.line, header.err)
	}
	cols, err := findColumns(header.fields)
	if err != nil {
		return nil, nil, err
	}
	seen := map[string]int{}
	for {
		row, ok := rows.next(len(header.fields))
		if !ok {
			return regs, problems, nil
		}
		if row.err != nil {
			problems = append(problems, RowProblem{Line: row.line, Reason: row.err.Error()})
			continue
		}
		reg, problem := cols.registration(row.fields, len(header.fields), event)
		if problem == "" && seen[reg.TicketID] != 0 {
			problem = fmt.Sprintf("attendee # %s repeats line %d", reg.TicketID, seen[reg.TicketID])
		}
		if problem != "" {
			problems = append(problems, RowProblem{Line: row.line, Reason: problem})
			continue
		}
		seen[reg.TicketID] = row.line
		regs = append(regs, reg)
	}
}

// skipBOM drops a UTF-8 byte-order mark, which Excel adds when saving a
// CSV and which would otherwise stick to the first header (and break the
// quoting of a quoted first header).
func skipBOM(r io.Reader) io.Reader {
	br := newPeeker(r)
	if bom, err := br.Peek(3); err == nil && string(bom) == "\ufeff" {
		_, _ = br.Discard(3)
	}
	return br
}

// Package eventbrite reads Eventbrite's attendee report (CSV) into
// registrations, so that people's emails can be matched for the Zoom
// breakout-room pre-assignment.
package eventbrite

import (
	"bufio"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"net/mail"
	"strings"

	"github.com/lightningcamp/camp/schedule"
)

// RowProblem is a row that was not imported: a bad row (Skipped false),
// or one left out on purpose because the ticket was refunded or the person
// is not attending (Skipped true).
type RowProblem struct {
	Line    int    `json:"line"` // 1-based line in the file where the row starts
	Skipped bool   `json:"skipped"`
	Reason  string `json:"reason"`
}

func (p RowProblem) String() string { return fmt.Sprintf("line %d: %s", p.Line, p.Reason) }

// Tally counts problems by kind, for a one-line import summary.
func Tally(problems []RowProblem) (skipped, invalid int) {
	for _, p := range problems {
		if p.Skipped {
			skipped++
		} else {
			invalid++
		}
	}
	return skipped, invalid
}

// Parse reads an attendee report. Columns are found by their header name,
// in any case and order; a UTF-8 byte-order mark is tolerated; columns it
// does not know (Eventbrite's custom questions) are ignored. An email and
// a name ("Name", or "First Name" and "Last Name") are required; "Order #",
// "Attendee #", "Ticket Type" and "Attendee Status" are used when present.
//
// Rows of people attending or checked in become registrations of event.
// Refunded, not attending and other statuses are skipped, and bad rows (no
// or bad email, no name, wrong column count, broken quoting, a repeated
// attendee #) are reported; either way the other rows are still returned.
// err is for a file that cannot be used at all: unreadable, or without the
// required columns.
func Parse(r io.Reader, event string) (regs []schedule.Registration, problems []RowProblem, err error) {
	cr := csv.NewReader(skipBOM(r))
	cr.FieldsPerRecord = -1 // a short or long row is one bad row, not the end of the import
	header, err := cr.Read()
	if err != nil {
		return nil, nil, schedule.Errorf(schedule.EINVALID, "eventbrite: cannot read the header row: %v", err)
	}
	cols, err := findColumns(header)
	if err != nil {
		return nil, nil, err
	}
	seen := map[string]int{}
	for {
		record, err := cr.Read()
		if errors.Is(err, io.EOF) {
			return regs, problems, nil
		}
		var perr *csv.ParseError
		if errors.As(err, &perr) {
			problems = append(problems, RowProblem{Line: perr.StartLine, Reason: "broken CSV quoting: " + perr.Err.Error()})
			continue
		}
		if err != nil {
			return regs, problems, fmt.Errorf("eventbrite: %w", err)
		}
		line, _ := cr.FieldPos(0)
		reg, problem := cols.registration(record, len(header), event)
		if problem == nil && reg.TicketID != "" && seen[reg.TicketID] != 0 {
			problem = &RowProblem{Reason: fmt.Sprintf("attendee # %s repeats line %d", reg.TicketID, seen[reg.TicketID])}
		}
		if problem != nil {
			problem.Line = line
			problems = append(problems, *problem)
			continue
		}
		seen[reg.TicketID] = line
		regs = append(regs, reg)
	}
}

// skipBOM drops a UTF-8 byte-order mark, which Excel adds when saving a
// CSV and which would otherwise stick to the first header (and break the
// quoting of a quoted first header).
func skipBOM(r io.Reader) io.Reader {
	br := bufio.NewReader(r)
	if bom, err := br.Peek(3); err == nil && string(bom) == "\ufeff" {
		_, _ = br.Discard(3)
	}
	return br
}

// validEmail accepts a bare address (no display name, no angle brackets).
func validEmail(s string) bool {
	addr, err := mail.ParseAddress(s)
	return err == nil && addr.Address == s && addr.Name == ""
}

// cell is a trimmed field, "" when the column is absent.
func cell(record []string, col int) string {
	if col < 0 || col >= len(record) {
		return ""
	}
	return strings.TrimSpace(record[col])
}

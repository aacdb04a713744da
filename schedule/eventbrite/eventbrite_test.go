package eventbrite

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/lightningcamp/camp/schedule"
)

func parseFile(t *testing.T, name string) ([]schedule.Registration, []RowProblem, error) {
	t.Helper()
	f, err := os.Open(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	return Parse(f, "2026-03")
}

func summarise(regs []schedule.Registration) []string {
	var out []string
	for _, r := range regs {
		out = append(out, fmt.Sprintf("%s|%s|%s|%s|%s|%s|%s", r.Event, r.OrderID, r.TicketID, r.Name, r.Email, r.Status, r.TicketType))
	}
	return out
}

// TestParseAttendeeReport reads a full Eventbrite export: BOM, CRLF, 20
// columns with custom questions, a multi-line answer, refunded and not
// attending rows, and bad rows, each reported at its line.
func TestParseAttendeeReport(t *testing.T) {
	regs, problems, err := parseFile(t, "attendees.csv")
	if err != nil {
		t.Fatal(err)
	}
	wantRegs := []string{
		"2026-03|1234567890|2000000001|Ada Lovelace|ada@example.org|Attending|General Admission",
		"2026-03|1234567891|2000000002|Grace Hopper|grace@example.net|Checked In|General Admission",
		"2026-03|1234567897|2000000008|Łukasz Nowak 🚀|lukasz@example.pl|Attending|Speaker",
		"2026-03|1234567899|2000000010|Spaced Out|spaced@example.com|Attending|General Admission",
	}
	if got := summarise(regs); strings.Join(got, "\n") != strings.Join(wantRegs, "\n") {
		t.Errorf("registrations:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(wantRegs, "\n"))
	}
	wantProblems := []RowProblem{
		{4, true, `status "Refunded": only Attending and Checked In are imported`},
		{5, true, `status "Not Attending": only Attending and Checked In are imported`},
		{6, false, "has 6 columns, the header has 20"},
		{7, false, "no email"},
		{8, false, `"not-an-email" is not an email address`},
		{11, false, "attendee # 2000000001 repeats line 2"},
	}
	if fmt.Sprint(problems) != fmt.Sprint(wantProblems) {
		t.Errorf("problems:\n%v\nwant:\n%v", problems, wantProblems)
	}
	if skipped, invalid := Tally(problems); skipped != 2 || invalid != 4 {
		t.Errorf("Tally = %d skipped, %d invalid; want 2, 4", skipped, invalid)
	}
}

// TestParseNameColumn: a single Name column, headers in any case, no
// status-free surprises, optional columns missing.
func TestParseNameColumn(t *testing.T) {
	regs, problems, err := parseFile(t, "name-column.csv")
	if err != nil || len(problems) != 0 {
		t.Fatalf("err %v, problems %v", err, problems)
	}
	want := "[2026-03|||Ada Lovelace|ada@example.org|Attending|General 2026-03|||Hopper, Grace|grace@example.net|Checked In|General]"
	if got := fmt.Sprint(summarise(regs)); got != want {
		t.Errorf("got %s\nwant %s", got, want)
	}
}

// TestParseBrokenQuote: a row with broken quoting is reported and the
// rows after it are still read.
func TestParseBrokenQuote(t *testing.T) {
	regs, problems, err := parseFile(t, "broken-quote.csv")
	if err != nil {
		t.Fatal(err)
	}
	if len(problems) != 1 || problems[0].Line != 3 || problems[0].Skipped {
		t.Errorf("problems %v, want one bad row at line 3", problems)
	}
	if got := fmt.Sprint(summarise(regs)); !strings.Contains(got, "ada@example.org") || !strings.Contains(got, "grace@example.net") {
		t.Errorf("registrations %s, want Ada and Grace", got)
	}
}

// TestParseRejectsOtherFiles: a file without email and name columns, or
// an empty one, is an EINVALID error, not a list of problems.
func TestParseRejectsOtherFiles(t *testing.T) {
	if _, _, err := parseFile(t, "not-attendees.csv"); schedule.ErrorCode(err) != schedule.EINVALID ||
		!strings.Contains(err.Error(), `"Buyer"`) {
		t.Errorf("not-attendees.csv: error %v, want EINVALID naming the headers found", err)
	}
	if _, _, err := Parse(strings.NewReader(""), "x"); schedule.ErrorCode(err) != schedule.EINVALID {
		t.Errorf("empty file: error %v, want EINVALID", err)
	}
}

// FuzzParse: no input makes Parse panic or hang, and whatever it returns
// is consistent: registrations have a valid email and a name, problems
// have a line number.
func FuzzParse(f *testing.F) {
	for _, name := range []string{"attendees.csv", "name-column.csv", "broken-quote.csv", "not-attendees.csv"} {
		data, err := os.ReadFile(filepath.Join("testdata", name))
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	f.Add([]byte("\ufeffEmail,Name\n\"a@b.c\",\"x\"\"\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		regs, problems, err := Parse(bytes.NewReader(data), "fuzz")
		if err != nil && (len(regs) > 0 || len(problems) > 0) && schedule.ErrorCode(err) == schedule.EINVALID {
			t.Fatalf("a header error with rows: %v", err)
		}
		for _, r := range regs {
			if !validEmail(r.Email) || r.Name == "" || r.Event != "fuzz" {
				t.Fatalf("bad registration %+v", r)
			}
		}
		for _, p := range problems {
			if p.Line < 1 || p.Reason == "" {
				t.Fatalf("bad problem %+v", p)
			}
		}
	})
}

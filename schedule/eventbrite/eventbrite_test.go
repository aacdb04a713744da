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
// attending rows (kept, with their status, so a re-import applies them),
// and bad rows, each reported at its line.
func TestParseAttendeeReport(t *testing.T) {
	regs, problems, err := parseFile(t, "attendees.csv")
	if err != nil {
		t.Fatal(err)
	}
	wantRegs := []string{
		"2026-03|1234567890|2000000001|Ada Lovelace|ada@example.org|Attending|General Admission",
		"2026-03|1234567891|2000000002|Grace Hopper|grace@example.net|Checked In|General Admission",
		"2026-03|1234567892|2000000003|Refunded Person|refund@example.com|Refunded|General Admission",
		"2026-03|1234567893|2000000004|Not Coming|notcoming@example.com|Not Attending|General Admission",
		"2026-03|1234567897|2000000008|Łukasz Nowak 🚀|lukasz@example.pl|Attending|Speaker",
		"2026-03|1234567899|2000000010|Spaced Out|spaced@example.com|Attending|General Admission",
	}
	if got := summarise(regs); strings.Join(got, "\n") != strings.Join(wantRegs, "\n") {
		t.Errorf("registrations:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(wantRegs, "\n"))
	}
	wantProblems := []RowProblem{
		{6, "has 6 columns, the header has 20"},
		{7, "no email"},
		{8, `"not-an-email" is not an email address`},
		{11, "attendee # 2000000001 repeats line 2"},
	}
	if fmt.Sprint(problems) != fmt.Sprint(wantProblems) {
		t.Errorf("problems:\n%v\nwant:\n%v", problems, wantProblems)
	}
}

// TestParseNameColumn: a single Name column, headers in any case, no
// status-free surprises, optional columns missing.
func TestParseNameColumn(t *testing.T) {
	regs, problems, err := parseFile(t, "name-column.csv")
	if err != nil || len(problems) != 0 {
		t.Fatalf("err %v, problems %v", err, problems)
	}
	want := "[2026-03||email:ada@example.org|Ada Lovelace|ada@example.org|Attending|General 2026-03||email:grace@example.net|Hopper, Grace|grace@example.net|Checked In|General]"
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
	if len(problems) != 1 || problems[0].Line != 3 {
		t.Errorf("problems %v, want one bad row at line 3", problems)
	}
	if got := fmt.Sprint(summarise(regs)); !strings.Contains(got, "ada@example.org") || !strings.Contains(got, "grace@example.net") {
		t.Errorf("registrations %s, want Ada and Grace", got)
	}
}

// TestParseBrokenQuoteMidFile is the case: an unbalanced quote on
// line 3 used to swallow lines 4 to 6. Each bad row is reported by its own
// line and every good row, before and after, is imported.
func TestParseBrokenQuoteMidFile(t *testing.T) {
	report := "Attendee #,Name,Email,Attendee Status\n" +
		"1,Ada,ada@example.org,Attending\n" +
		"2,\"Bad Quote,bad@example.org,Attending\n" +
		"3,Grace,grace@example.net,Attending\n" +
		"4,Linus,linus@example.com,Checked In\n" +
		"5,Bad \"Middle\" Quote,mid@example.org,Attending\n" +
		"6,\"Multi\nline\",multi@example.org,Attending\n" +
		"7,Edsger,edsger@example.nl,Attending\n" +
		"8,\"Open again,open@example.org,Attending\n" +
		"9,Barbara,barbara@example.com,Attending\n"
	regs, problems, err := Parse(strings.NewReader(report), "2026-03")
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, r := range regs {
		got = append(got, r.TicketID+":"+r.Name)
	}
	if want := `["1:Ada" "3:Grace" "4:Linus" "6:Multi\nline" "7:Edsger" "9:Barbara"]`; fmt.Sprintf("%q", got) != want {
		t.Errorf("imported %q, want %s", got, want)
	}
	var lines []int
	for _, p := range problems {
		lines = append(lines, p.Line)
		if !strings.Contains(p.Reason, "quot") {
			t.Errorf("line %d: reason %q does not mention the quoting", p.Line, p.Reason)
		}
	}
	if fmt.Sprint(lines) != "[3 6 10]" {
		t.Errorf("problems at lines %v, want [3 6 10]: %v", lines, problems)
	}
}

// TestParseStatusesByName: every status Eventbrite writes is kept with its
// spelling; one it never writes is a bad row, not a silent skip.
func TestParseStatusesByName(t *testing.T) {
	report := "Attendee #,Name,Email,Attendee Status\n" +
		"1,A,a@example.org,attending\n2,B,b@example.org,CHECKED IN\n3,C,c@example.org,Refunded\n" +
		"4,D,d@example.org,Transferred\n5,E,e@example.org,Not Attending\n6,F,f@example.org,Cancelled\n" +
		"7,G,g@example.org,Deleted\n8,H,h@example.org,Maybe\n"
	regs, problems, err := Parse(strings.NewReader(report), "2026-03")
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, r := range regs {
		got = append(got, fmt.Sprintf("%s=%s/%v", r.TicketID, r.Status, r.Attending()))
	}
	want := "[1=Attending/true 2=Checked In/true 3=Refunded/false 4=Transferred/false 5=Not Attending/false 6=Cancelled/false 7=Deleted/false]"
	if fmt.Sprint(got) != want {
		t.Errorf("got %v\nwant %s", got, want)
	}
	if len(problems) != 1 || problems[0].Line != 9 || !strings.Contains(problems[0].Reason, `status "Maybe"`) {
		t.Errorf("problems %v, want line 9: unknown status", problems)
	}
}

// TestParseRefusesFormulaEmails: the CSV-injection addresses are
// refused by line, saying why.
func TestParseRefusesFormulaEmails(t *testing.T) {
	report := "Attendee #,Name,Email\n1,A,=1+2@example.org\n2,B,-bob@example.org\n3,C,+x@example.org\n4,D,@example.org\n5,E,ok@example.org\n"
	regs, problems, err := Parse(strings.NewReader(report), "2026-03")
	if err != nil {
		t.Fatal(err)
	}
	if len(regs) != 1 || regs[0].Email != "ok@example.org" {
		t.Errorf("imported %v, want only ok@example.org", summarise(regs))
	}
	if len(problems) != 4 {
		t.Fatalf("problems %v, want 4", problems)
	}
	for i, p := range problems {
		if p.Line != i+2 || !strings.Contains(p.Reason, "formula") {
			t.Errorf("problem %v, want line %d saying formula", p, i+2)
		}
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
			if schedule.CheckEmail(r.Email) != nil || r.Name == "" || r.Event != "fuzz" || r.TicketID == "" {
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

package eventbrite

import (
	"bufio"
	"encoding/csv"
	"errors"
	"io"
	"strings"
)

func newPeeker(r io.Reader) *bufio.Reader { return bufio.NewReader(r) }

// maxRecordLines bounds how many lines one quoted field may span (a long
// answer to a custom question), and so the work an unbalanced quote costs.
const maxRecordLines = 200

// rowReader splits a CSV file into records by line, so that a broken quote
// costs its own row only. encoding/csv alone reads from an unbalanced quote
// to the next quote, often the end of the file, swallowing every row in
// between. Here a record that starts with an odd number of quotes is
// joined with the following lines until its quotes balance; if the joined
// text is not exactly one record of the header's width, only the first
// line is reported and reading resumes on the line after it.
type rowReader struct {
	lines []string // with their line ends
	at    int      // index of the next line
}

type row struct {
	line   int // 1-based line where the record starts
	fields []string
	err    error
}

func newRowReader(data string) *rowReader {
	return &rowReader{lines: strings.SplitAfter(data, "\n")}
}

// next returns the next record, skipping blank lines; ok is false at the
// end. width is the header's column count (0 for the header itself).
func (rr *rowReader) next(width int) (r row, ok bool) {
	for rr.at < len(rr.lines) && strings.TrimRight(rr.lines[rr.at], "\r\n") == "" {
		rr.at++
	}
	if rr.at >= len(rr.lines) {
		return row{}, false
	}
	start := rr.at
	text := rr.lines[start]
	end := start
	for strings.Count(text, `"`)%2 == 1 && end+1 < len(rr.lines) && end-start < maxRecordLines {
		end++
		text += rr.lines[end]
	}
	r.line = start + 1
	fields, err := parseRecord(text)
	if err == nil && end > start && width > 0 && len(fields) != width {
		err = errors.New("a quote is not closed on this line")
	}
	if err != nil {
		rr.at = start + 1 // this line only: the next row gets its own chance
		r.err = brokenQuoting(err)
		return r, true
	}
	rr.at = end + 1
	r.fields = fields
	return r, true
}

// parseRecord reads text as exactly one CSV record.
func parseRecord(text string) ([]string, error) {
	cr := csv.NewReader(strings.NewReader(text))
	cr.FieldsPerRecord = -1
	fields, err := cr.Read()
	if err != nil {
		return nil, err
	}
	if _, err := cr.Read(); !errors.Is(err, io.EOF) {
		return nil, errors.New("a quote is not closed on this line")
	}
	return fields, nil
}

// brokenQuoting says what is wrong in words, without encoding/csv's
// positions (which count from the joined text, not the file).
func brokenQuoting(err error) error {
	var perr *csv.ParseError
	if errors.As(err, &perr) {
		err = perr.Err
	}
	return errors.New("broken CSV quoting: " + err.Error())
}

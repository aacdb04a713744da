package export

import (
	"bytes"
	"unicode/utf8"
)

// icsLineMax is RFC 5545's limit on a content line, in octets, CRLF not
// counted. go-ical writes lines whole; calendars such as Outlook reject
// long lines, so they are folded here.
const icsLineMax = 75

// foldICSLines folds every CRLF-terminated line longer than 75 octets:
// CRLF plus one space before each continuation, never inside a UTF-8
// sequence (RFC 5545 section 3.1).
func foldICSLines(data []byte) []byte {
	var out bytes.Buffer
	for _, line := range bytes.SplitAfter(data, []byte("\r\n")) {
		body, crlf := bytes.CutSuffix(line, []byte("\r\n"))
		limit := icsLineMax
		for len(body) > limit {
			cut := limit
			for cut > 0 && !utf8.RuneStart(body[cut]) {
				cut--
			}
			if cut == 0 { // not UTF-8 at all: fold by octets rather than loop
				cut = limit
			}
			out.Write(body[:cut])
			out.WriteString("\r\n ")
			body = body[cut:]
			limit = icsLineMax - 1 // the leading space counts
		}
		out.Write(body)
		if crlf {
			out.WriteString("\r\n")
		}
	}
	return out.Bytes()
}

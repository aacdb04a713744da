package linemode

import (
	"bytes"
	"encoding/json"
	"strings"
	"unicode/utf8"
)

// Plain makes s safe for a line-mode client: no escape sequence, no C0 or
// C1 control, whatever a command or a person wrote. Tabs and line ends
// stay; line ends become CR LF when the client's terminal is raw (crlf),
// since nobody else turns them into a carriage return there. Invalid UTF-8
// becomes U+FFFD. This is the last door every line-mode byte goes through.
func Plain(s string, crlf bool) string {
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s { // ranging replaces invalid UTF-8 with U+FFFD
		switch {
		case r == '\n':
			if crlf {
				b.WriteString("\r\n")
			} else {
				b.WriteByte('\n')
			}
		case r == '\t':
			b.WriteByte('\t')
		case r < 0x20 || r == 0x7f || (r >= 0x80 && r <= 0x9f):
			// drop: ESC, CR (line ends are ours), BEL, C1 ...
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// printable reports whether r may be echoed to the client as typed.
func printable(r rune) bool {
	return r >= 0x20 && r != 0x7f && (r < 0x80 || r > 0x9f) && r != utf8.RuneError
}

// JSON is ev as one line of JSON, without the newline.
func JSON(ev Event) ([]byte, error) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(ev); err != nil {
		return nil, err
	}
	return bytes.TrimRight(buf.Bytes(), "\n"), nil
}

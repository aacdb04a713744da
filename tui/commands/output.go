package commands

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"time"
	"unicode"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/spf13/cobra"

	"github.com/lightningcamp/camp/schedule/sanitize"
)

// Everything a command prints goes through show, say or print: text from
// people ends up in other people's terminals, so it is cleaned when it is
// stored and again here, on the way out.

// view is what a command shows. Its exported fields are the --json document
// (keys are a contract, see docs/JSON.md); writeText renders the same data
// for people. Views are built from cleaned fields (line, text).
type view interface {
	writeText(w io.Writer)
}

// addJSONFlag gives a command --json; show then prints the view as JSON.
func addJSONFlag(cmd *cobra.Command) {
	cmd.Flags().Bool("json", false, "print JSON (stable snake_case keys, RFC 3339 UTC times; see docs/JSON.md)")
}

func (c *call) wantsJSON() bool {
	asJSON, err := c.cmd.Flags().GetBool("json")
	return err == nil && asJSON
}

// show prints v as JSON when --json was given, else as text.
func (c *call) show(v view) error {
	if c.wantsJSON() {
		return writeJSON(c.cmd.OutOrStdout(), v)
	}
	var b strings.Builder
	v.writeText(&b)
	return c.print(b.String())
}

// relay prints what an encoder from another package (schedule/export)
// writes, through the same net as show: JSON escaped, text made plain.
func (c *call) relay(asJSON bool, write func(io.Writer) error) error {
	var buf bytes.Buffer
	if err := write(&buf); err != nil {
		return err
	}
	if asJSON {
		_, err := c.cmd.OutOrStdout().Write(escapeInvisible(buf.Bytes()))
		return err
	}
	return c.print(buf.String())
}

// report confirms a write: with --json the created or changed object v
// (every write command has --json), else the sentence.
func (c *call) report(v any, format string, args ...any) error {
	if c.wantsJSON() {
		return writeJSON(c.cmd.OutOrStdout(), v)
	}
	return c.say(format, args...)
}

// say prints one confirmation or message.
func (c *call) say(format string, args ...any) error {
	return c.print(fmt.Sprintf(format, args...))
}

// print writes human text, made plain first.
func (c *call) print(s string) error {
	_, err := io.WriteString(c.cmd.OutOrStdout(), plain(s))
	return err
}

// plain is the last line of defence for human output: whatever a command
// assembled (including the organisers' schedule text), no escape sequence,
// control or invisible character reaches the terminal. Fields are already
// cleaned one by one; this pass only catches what a command forgot.
func plain(s string) string {
	s = sanitize.Multiline(s, 0)
	if s == "" {
		return ""
	}
	return s + "\n"
}

// writeJSON prints v as indented JSON. encoding/json escapes C0 controls
// but passes C1 controls and bidi or zero-width characters through raw, and
// people run `talks --json` straight in a terminal too: those are written
// as \u escapes, which keeps the data exact and the terminal safe.
func writeJSON(w io.Writer, v any) error {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return err
	}
	_, err := w.Write(escapeInvisible(buf.Bytes()))
	return err
}

// escapeInvisible rewrites, inside JSON text, every rune a terminal would
// act on or not draw as a \u escape. Outside strings JSON is ASCII, so only
// string contents can change.
func escapeInvisible(b []byte) []byte {
	out := make([]byte, 0, len(b))
	for len(b) > 0 {
		r, size := utf8.DecodeRune(b)
		if invisible(r) {
			out = appendEscaped(out, r)
		} else {
			out = append(out, b[:size]...)
		}
		b = b[size:]
	}
	return out
}

func invisible(r rune) bool {
	return r >= 0x7f && (unicode.IsControl(r) || unicode.Is(unicode.Cf, r) || r == '\u2028' || r == '\u2029')
}

func appendEscaped(out []byte, r rune) []byte {
	if r1, r2 := utf16.EncodeRune(r); r1 != unicode.ReplacementChar {
		return fmt.Appendf(out, `\u%04x\u%04x`, r1, r2)
	}
	return fmt.Appendf(out, `\u%04x`, r)
}

// line and text clean one field for display: single-line (names, titles)
// and multi-line (abstracts, notes).
func line(s string) string { return sanitize.Line(s, 0) }
func text(s string) string { return sanitize.Multiline(s, 0) }

// lineList cleans a list of short fields, never returning nil, so JSON
// shows [] rather than null.
func lineList(xs []string) []string {
	out := make([]string, 0, len(xs))
	for _, x := range xs {
		if s := line(x); s != "" {
			out = append(out, s)
		}
	}
	return out
}

// quoted is a cleaned title in double quotes, for sentences.
func quoted(s string) string { return `"` + line(s) + `"` }

// stamp is an instant in JSON: RFC 3339 in UTC to the second, or null.
type stamp time.Time

func (s stamp) MarshalJSON() ([]byte, error) {
	t := time.Time(s)
	if t.IsZero() {
		return []byte("null"), nil
	}
	return []byte(`"` + t.UTC().Truncate(time.Second).Format(time.RFC3339) + `"`), nil
}

func timeOf(s stamp) time.Time { return time.Time(s) }

// seconds is a duration in whole seconds, rounded, for JSON.
func seconds(d time.Duration) int64 { return int64(d.Round(time.Second) / time.Second) }

// countdown formats a timer's remaining time as people read a clock:
// "4:59", "1:02:03", and "-0:42" once it overruns.
func countdown(d time.Duration) string {
	sign := ""
	if d < 0 {
		sign, d = "-", -d
	}
	s := seconds(d)
	if s >= 3600 {
		return fmt.Sprintf("%s%d:%02d:%02d", sign, s/3600, s/60%60, s%60)
	}
	return fmt.Sprintf("%s%d:%02d", sign, s/60, s%60)
}

// count is "1 dot" or "3 dots".
func count(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return fmt.Sprintf("%d %ss", n, noun)
}

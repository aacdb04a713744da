package sanitize

import (
	"strings"
	"testing"
	"time"
	"unicode"
	"unicode/utf8"
)

// hostileCase is one entry of the corpus. line and multiline are the
// expected outputs without a rune limit; multiline == "" means "same as
// line".
type hostileCase struct {
	name      string
	in        string
	line      string
	multiline string
}

var hostile = []hostileCase{
	// Escape sequences: removed whole, payload included.
	{"SGR colour", "\x1b[31mred\x1b[0m text", "red text", ""},
	{"SGR truecolour", "\x1b[38;2;255;0;0mX\x1b[m", "X", ""},
	{"cursor movement", "ok\x1b[2A\x1b[10Coverwrite\x1b[5;5H", "okoverwrite", ""},
	{"save and restore cursor", "\x1b7hi\x1b8", "hi", ""},
	{"screen clear", "\x1b[2J\x1b[Hhello\x1b[3J", "hello", ""},
	{"private mode CSI", "\x1b[?1049hX\x1b[?25l", "X", ""},
	{"OSC 8 hyperlink", "\x1b]8;;https://evil.example/\x1b\\click me\x1b]8;;\x1b\\", "click me", ""},
	{"OSC 52 clipboard write", "x\x1b]52;c;Y3VybCBldmlsfHNo\x07y", "xy", ""},
	{"OSC title with BEL", "\x1b]0;pwned\x07title", "title", ""},
	{"OSC title with ST", "\x1b]2;pwned\x1b\\title", "title", ""},
	{"OSC title with 8-bit ST", "\x1b]2;pwned\u009ctitle", "title", ""},
	{"OSC interrupted by CSI", "\x1b]0;t\x1b[31mred", "red", ""},
	{"unterminated OSC eats the rest", "title\x1b]0;never ends\nnor here", "title", ""},
	{"DCS", "a\x1bP1$r0m\x1b\\b", "ab", ""},
	{"DCS ignores BEL", "a\x1bPq\x07#0;2\x1b\\b", "ab", ""},
	{"APC kitty graphics", "a\x1b_Gf=100;AAAA\x1b\\b", "ab", ""},
	{"PM", "a\x1b^secret\x1b\\b", "ab", ""},
	{"SOS", "a\x1bXsecret\x1b\\b", "ab", ""},
	{"charset designation (nF)", "\x1b(Bplain\x1b#8", "plain", ""},
	{"terminal reset", "\x1bcreset", "reset", ""},
	{"stray ST", "a\x1b\\b", "ab", ""},
	{"lone ESC at end", "abc\x1b", "abc", ""},
	{"ESC before non-ASCII", "\x1bé", "é", ""},
	{"double ESC", "\x1b\x1b[1mB", "B", ""},
	{"CSI cut by a letter outside its range", "\x1b[1\u00e9x", "éx", ""},
	{"8-bit CSI", "a\u009b31mred", "ared", ""},
	{"8-bit OSC", "\u009d0;title\u009ctext", "text", ""},
	{"8-bit DCS APC PM SOS", "\u0090x\u009cA\u009fx\u009cB\u009ex\u009cC\u0098x\u009cD", "ABCD", ""},
	{"raw 0x9b byte in invalid UTF-8", "a\x9b31mred", "a\ufffd31mred", ""},
	{"invalid UTF-8", "ok\xff\xfeok\xe2\x82", "ok\ufffd\ufffdok\ufffd\ufffd", ""},
	{"real U+FFFD is kept", "a\ufffdb", "a\ufffdb", ""},

	// Controls.
	{"NUL BEL BS DEL", "a\x00b\x07c\x08d\x7fe", "abcde", ""},
	{"backspace overwrite", "rm -rf /\b\b\b\b\b\b\b\bls", "rm -rf /ls", ""},
	{"CR overwrite", "safe\rEVIL", "safe EVIL", "safe\nEVIL"},
	{"CRLF", "a\r\nb", "a b", "a\nb"},
	{"VT FF", "a\vb\fc", "abc", ""},
	{"NEL and other C1", "a\u0085b\u0080c\u0099d", "abcd", ""},
	{"line and paragraph separators", "a\u2028b\u2029c", "a b c", "a\nb\nc"},

	// Format characters and other invisibles.
	{"bidi override", "\u202Egnp.exe", "gnp.exe", ""},
	{"bidi embeddings and isolates", "\u202Aa\u202C \u2066b\u2069 \u2067c\u2068d\u2069 \u200e\u200fe\u061c", "a b cd e", ""},
	{"zero-width characters", "a\u200bb\u200cc\u200dd\u2060e\u2063f", "abcdef", ""},
	{"BOM", "\ufeffhello\ufeff", "hello", ""},
	{"soft hyphen", "Ad\u00ADmin", "Admin", ""},
	{"tag characters", "flag\U000E0041\U000E007F", "flag", ""},
	{"private use", "a\ue000b\U000F0000c\U00100000d", "abcd", ""},
	{"Hangul fillers and other blanks", "a\u3164b\uffa0c\u115fd\u17b4e", "abcde", ""},
	{"noncharacters", "a\ufdd0b\uffffc\U0010FFFEd\ufffe", "abcd", ""},

	// Combining marks.
	{"zalgo flood", "x" + strings.Repeat("\u0336\u0301\u0489", 40) + "ok", "x\u0336\u0301\u0489\u0336\u0301\u0489\u0336\u0301ok", ""},
	{"mark with nothing to attach to", "\u0301abc \u0302def", "abc def", ""},
	{"decomposed é", "Cafe\u0301", "Café", ""},
	{"composed é", "Café", "Café", ""},
	{"Vietnamese", "Tiê\u0301ng Việt", "Tiếng Việt", ""},

	// Text that must survive.
	{"emoji", "Talk 🐍🎉 👍🏽 🇩🇪 1️⃣ ❤️", "Talk 🐍🎉 👍🏽 🇩🇪 1️⃣ ❤️", ""},
	{"emoji ZWJ sequence splits", "👨\u200d👩\u200d👧", "👨👩👧", ""},
	{"CJK", "パイソンの話 中文 한국어", "パイソンの話 中文 한국어", ""},
	{"Arabic", "مرحبا بالعالم مَرْحَبًا", "مرحبا بالعالم مَرْحَبًا", ""},
	{"Hebrew with points", "שָׁלוֹם עולם", "שָׁלוֹם עולם", ""},
	{"Devanagari", "नमस्ते दुनिया", "नमस्ते दुनिया", ""},
	{"Thai", "สวัสดีชาวโลก", "สวัสดีชาวโลก", ""},
	{"Python code", "print(f\"{x!r:>10}\")", "print(f\"{x!r:>10}\")", ""},

	// White space.
	{"whitespace runs", "  a \t\n b  ", "a b", "  a\n b"},
	{"Unicode spaces", "a\u00a0\u3000\u2003b", "a b", "a\u00a0\u3000\u2003b"},
	{"empty", "", "", ""},
	{"only controls", "\x1b[2J\x07\u202e", "", ""},
}

func TestLineHostile(t *testing.T) {
	for _, tc := range hostile {
		t.Run(tc.name, func(t *testing.T) {
			if got := Line(tc.in, 0); got != tc.line {
				t.Errorf("Line(%+q) = %+q, want %+q", tc.in, got, tc.line)
			}
		})
	}
}

func TestMultilineHostile(t *testing.T) {
	for _, tc := range hostile {
		t.Run(tc.name, func(t *testing.T) {
			want := tc.multiline
			if want == "" {
				want = tc.line
			}
			if got := Multiline(tc.in, 0); got != want {
				t.Errorf("Multiline(%+q) = %+q, want %+q", tc.in, got, want)
			}
		})
	}
}

func TestMultiline(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"line endings", "line1\r\nline2\rline3\n", "line1\nline2\nline3"},
		{"blank lines", "\n\n \nhello   \n\n\n\n\n\nworld\t\n\n", "hello\n\n\nworld"},
		{"whitespace-only lines count as blank", "a\n \t\n\u3000\n \n \nb", "a\n\n\nb"},
		{"tabs and indentation", "def f():\n\treturn 1\n", "def f():\n    return 1"},
		{"first line keeps its indentation", "\n\n  indented", "  indented"},
		{"trailing spaces per line", "a  \nb\t\n", "a\nb"},
		{"escape across lines", "a\x1b[2J\nb\x1b]8;;x\x1b\\c\x1b]8;;\x1b\\", "a\nbc"},
		{"mark at line start", "a\n\u0301b", "a\nb"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := Multiline(tc.in, 0); got != tc.want {
				t.Errorf("Multiline(%+q) = %+q, want %+q", tc.in, got, tc.want)
			}
		})
	}
}

func TestLimit(t *testing.T) {
	tests := []struct {
		name  string
		in    string
		max   int
		line  string
		multi string
	}{
		{"no limit", "hello world", 0, "hello world", "hello world"},
		{"negative means no limit", "hello world", -1, "hello world", "hello world"},
		{"exact", "hello", 5, "hello", "hello"},
		{"cut", "hello world", 5, "hello", "hello"},
		{"cut then trim", "hello world", 6, "hello", "hello"},
		{"cut trims newlines", "hello\n\nworld", 7, "hello w", "hello"},
		{"escapes do not count", "\x1b[31mhello\x1b[0m", 5, "hello", "hello"},
		{"decomposed counts as composed", "Cafe\u0301", 4, "Café", "Café"},
		{"marks stay with their base", "abce\u0301\u0302", 4, "abc", "abc"},
		{"skin tone stays with its emoji", "ok👍🏽", 3, "ok", "ok"},
		{"flags are not split", "🇩🇪🇫🇷", 3, "🇩🇪", "🇩🇪"},
		{"one rune", "日本語", 1, "日", "日"},
		{"first cluster too long", "q\u0301\u0302", 1, "", ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := Line(tc.in, tc.max); got != tc.line {
				t.Errorf("Line(%+q, %d) = %+q, want %+q", tc.in, tc.max, got, tc.line)
			}
			if got := Multiline(tc.in, tc.max); got != tc.multi {
				t.Errorf("Multiline(%+q, %d) = %+q, want %+q", tc.in, tc.max, got, tc.multi)
			}
		})
	}
}

func TestTooLong(t *testing.T) {
	tests := []struct {
		in   string
		max  int
		want bool
	}{
		{"hello", 5, false},
		{"hello!", 5, true},
		{"\x1b[31mhello\x1b[0m", 5, false},
		{"  hello \u200b ", 5, false},
		{"Cafe\u0301", 4, false},
		{"anything at all", 0, false},
	}
	for _, tc := range tests {
		if got := TooLong(tc.in, tc.max); got != tc.want {
			t.Errorf("TooLong(%+q, %d) = %v, want %v", tc.in, tc.max, got, tc.want)
		}
	}
	if !MultilineTooLong("ab\n\ncd", 5) || MultilineTooLong("ab\n\ncd", 6) {
		t.Errorf("MultilineTooLong must count kept line breaks")
	}
}

// TestCorpusInvariants checks every corpus entry against the properties the
// fuzzers check, for every limit.
func TestCorpusInvariants(t *testing.T) {
	for _, tc := range hostile {
		checkLine(t, tc.in)
		checkMultiline(t, tc.in)
		checkNameKey(t, tc.in)
	}
}

func TestLargePaste(t *testing.T) {
	chunk := "Lorem ipsum \x1b[31mdolor\x1b[0m sit amet, \u202econsectetur\u202c e\u0301 🐍 日本語\r\n"
	big := strings.Repeat(chunk, (1<<20)/len(chunk)+1)
	// Cleaning must stay linear: eight times the text may cost about eight
	// times as long, never the 64 times of a quadratic pass. A ratio, the
	// fastest of three runs each, holds on a loaded machine and under -race
	// where a fixed time bound did not.
	small := big[:len(big)/8]
	clean := func(s string) { Multiline(Multiline(s, 0), 0) }
	if r := float64(fastest(3, func() { clean(big) })) / float64(fastest(3, func() { clean(small) })); r > 24 {
		t.Errorf("cleaning 8x the text took %.0fx as long: not linear", r)
	}
	line := Line(big, 200)
	multi := Multiline(big, 0)
	again := Multiline(multi, 0)
	if n := utf8.RuneCountInString(line); n > 200 || n < 190 {
		t.Errorf("Line kept %d runes, want about 200", n)
	}
	if strings.ContainsAny(multi, "\x1b\u202e\u202c\r") || strings.Contains(multi, "[31m") {
		t.Errorf("Multiline left unsafe characters in a large paste")
	}
	if again != multi {
		t.Errorf("Multiline is not idempotent on a large paste")
	}
}

// checkLine verifies the invariants of Line for several limits.
func checkLine(t *testing.T, in string) {
	t.Helper()
	full := Line(in, 0)
	for _, n := range limits {
		out := Line(in, n)
		checkSafe(t, "Line", in, out, n, false)
		if again := Line(out, n); again != out {
			t.Errorf("Line not idempotent for %+q, %d: %+q then %+q", in, n, out, again)
		}
		if TooLong(in, n) != (out != full) {
			t.Errorf("TooLong(%+q, %d) disagrees with Line", in, n)
		}
	}
}

// checkMultiline verifies the invariants of Multiline for several limits.
func checkMultiline(t *testing.T, in string) {
	t.Helper()
	full := Multiline(in, 0)
	for _, n := range limits {
		out := Multiline(in, n)
		checkSafe(t, "Multiline", in, out, n, true)
		if again := Multiline(out, n); again != out {
			t.Errorf("Multiline not idempotent for %+q, %d: %+q then %+q", in, n, out, again)
		}
		if MultilineTooLong(in, n) != (out != full) {
			t.Errorf("MultilineTooLong(%+q, %d) disagrees with Multiline", in, n)
		}
	}
}

// checkNameKey verifies that NameKey is safe, idempotent and ignores
// surrounding white space and invisible characters.
func checkNameKey(t *testing.T, in string) {
	t.Helper()
	key := NameKey(in)
	checkSafe(t, "NameKey", in, key, 0, false)
	if strings.IndexFunc(key, unicode.IsSpace) >= 0 {
		t.Errorf("NameKey(%+q) = %+q contains white space", in, key)
	}
	if again := NameKey(key); again != key {
		t.Errorf("NameKey not idempotent for %+q: %+q then %+q", in, key, again)
	}
	if padded := NameKey(" \u200b" + in + "\u00ad "); padded != key {
		t.Errorf("NameKey(%+q) = %+q, but with invisible padding %+q", in, key, padded)
	}
}

var limits = []int{0, 1, 5, 32, 200}

// checkSafe verifies the properties every output must have.
func checkSafe(t *testing.T, fn, in, out string, maxRunes int, newlineOK bool) {
	t.Helper()
	if !utf8.ValidString(out) {
		t.Fatalf("%s(%+q, %d) = %+q is not valid UTF-8", fn, in, maxRunes, out)
	}
	if maxRunes > 0 && utf8.RuneCountInString(out) > maxRunes {
		t.Fatalf("%s(%+q, %d) = %+q has %d runes", fn, in, maxRunes, out, utf8.RuneCountInString(out))
	}
	for _, r := range out {
		if r == '\n' && newlineOK {
			continue
		}
		if r < 0x20 || (r >= 0x7f && r <= 0x9f) || unicode.Is(unicode.Cf, r) || r == '\u2028' || r == '\u2029' {
			t.Fatalf("%s(%+q, %d) = %+q contains %U", fn, in, maxRunes, out, r)
		}
	}
}

// fastest runs f n times and returns its quickest time.
func fastest(n int, f func()) time.Duration {
	best := time.Duration(1<<63 - 1)
	for range n {
		start := time.Now()
		f()
		best = min(best, time.Since(start))
	}
	return best
}

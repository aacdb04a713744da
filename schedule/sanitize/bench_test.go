package sanitize

import (
	"strings"
	"testing"
)

// benchTitle is a ~100-character talk title with some escapes in it.
const benchTitle = "\x1b[1mAsync generators\x1b[0m in Python 3.13: what's new, what's fast, and what\u2019s \u202eweird\u202c 🐍"

// benchNote is a ~4 KB note: mostly plain prose with some markup noise.
var benchNote = strings.Repeat("Speaker notes: remember to show the \x1b[32mdemo\x1b[0m first.\r\n\tThen explain asyncio.TaskGroup — café, naïve, 日本語.  \n\n\n\n", 30)

func BenchmarkLine(b *testing.B) {
	b.ReportAllocs()
	b.SetBytes(int64(len(benchTitle)))
	for b.Loop() {
		Line(benchTitle, 120)
	}
}

func BenchmarkMultiline(b *testing.B) {
	b.ReportAllocs()
	b.SetBytes(int64(len(benchNote)))
	for b.Loop() {
		Multiline(benchNote, 5000)
	}
}

func BenchmarkNameKey(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		NameKey(" Ｇｕｉｄｏ van Rossum\u200b ")
	}
}

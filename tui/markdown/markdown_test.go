package markdown

import (
	"context"
	"strings"
	"testing"
	"time"

	glamourstyles "charm.land/glamour/v2/styles"
	"github.com/charmbracelet/x/ansi"
)

// hostile are the abstracts from issue 12: before bounding, 76 nested '>'
// took seconds and hundreds of megabytes, 80 ran past a minute and 4 GB, and
// "1. " ×666 took two minutes and rendered 13.9 MB.
var hostile = map[string]string{
	"76 nested quotes":      strings.Repeat(">", 76) + "x",
	"80 nested quotes":      strings.Repeat(">", 80) + "x",
	"666 nested list items": strings.Repeat("1. ", 666),
	"nested by indentation": indentedList(200),
	"mixed nesting":         strings.Repeat("> - > 1. > * ", 60) + "x",
}

func indentedList(n int) string {
	var b strings.Builder
	for i := range n {
		b.WriteString(strings.Repeat("  ", i) + "- x\n")
	}
	return b.String()
}

// TestHostileAbstractsRenderQuicklyAndSmall is the regression test for
// issue 12 item 1: each renders within a generous second at 80 and 76
// columns (the benchmark gives the real figure) and to a bounded size.
func TestHostileAbstractsRenderQuicklyAndSmall(t *testing.T) {
	for name, text := range hostile {
		for _, width := range []int{80, 76} {
			start := time.Now()
			out, err := renderUncached(text, width, glamourstyles.DarkStyle)
			if took := time.Since(start); took > time.Second {
				t.Errorf("%s at %d columns took %v; want well under a second", name, width, took)
			}
			if err != nil && err != ErrTooDeep {
				t.Errorf("%s: %v", name, err)
			}
			if len(out) > MaxOutputBytes || strings.Count(out, "\n") >= MaxOutputLines {
				t.Errorf("%s at %d columns: %d bytes, %d lines; want at most %d bytes and %d lines",
					name, width, len(out), strings.Count(out, "\n")+1, MaxOutputBytes, MaxOutputLines)
			}
			if strings.Contains(text, "x") && !strings.Contains(out, "x") {
				t.Errorf("%s: the text is lost: %q", name, out)
			}
		}
	}
}

func TestRenderKeepsOrdinaryMarkdown(t *testing.T) {
	text := "Speeding up **NumPy** loops.\n\n> a quote\n\n- one\n  - nested\n- two"
	out, err := Render(context.Background(), text, 60, glamourstyles.DarkStyle)
	if err != nil {
		t.Fatal(err)
	}
	out = ansi.Strip(out)
	for _, want := range []string{"NumPy", "a quote", "one", "nested", "two"} {
		if !strings.Contains(out, want) {
			t.Errorf("rendered abstract lacks %q:\n%s", want, out)
		}
	}
	if strings.Contains(out, "**") {
		t.Errorf("Markdown not rendered:\n%s", out)
	}
	if _, ok := Cached(text, 60, glamourstyles.DarkStyle); !ok {
		t.Error("a rendered abstract is not cached for the next session")
	}
}

func TestTooDeepFallsBackToPlainText(t *testing.T) {
	cache.Purge() // a render cached by an earlier run would answer at once
	out, err := Render(context.Background(), indentedList(10), 80, glamourstyles.DarkStyle)
	if err != ErrTooDeep {
		t.Fatalf("err = %v; want ErrTooDeep", err)
	}
	if out != Plain(indentedList(10), 80) {
		t.Errorf("fallback is not the plain text:\n%s", out)
	}
}

func TestRenderGivesUpWhenTheContextEnds(t *testing.T) {
	cache.Purge() // a render cached by an earlier run would answer at once
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	workers <- struct{}{} // every worker busy: the render must wait
	workers <- struct{}{}
	out, err := Render(ctx, "# waits", 80, glamourstyles.DarkStyle)
	if err != context.Canceled || !strings.Contains(out, "# waits") {
		t.Errorf("Render = %q, %v; want the plain text and context.Canceled", out, err)
	}
	<-workers
	<-workers
	// The render goes on without the caller; wait for it, so that it does
	// not run into the next test.
	for end := time.Now().Add(5 * time.Second); ; time.Sleep(5 * time.Millisecond) {
		if _, ok := Cached("# waits", 80, glamourstyles.DarkStyle); ok {
			break
		}
		if time.Now().After(end) {
			t.Fatal("the abandoned render never finished")
		}
	}
}

// TestRenderShowsPlainTextAtTheDeadline: a render that misses the
// deadline gives the plain text at once (and caches it), runs on, and
// replaces the plain text in the cache when it ends.
func TestRenderShowsPlainTextAtTheDeadline(t *testing.T) {
	cache.Purge() // a render cached by an earlier run would answer at once
	release := make(chan struct{})
	deadline, render = 50*time.Millisecond, func(text string, _ int, _ string) (string, error) {
		select { // a broken deadline fails the test instead of hanging it
		case <-release:
		case <-time.After(3 * time.Second):
		}
		return "rendered " + text, nil
	}
	t.Cleanup(func() { deadline, render = Deadline, glamourRender })
	const text = "*slow* abstract"

	start := time.Now()
	out, err := Render(context.Background(), text, 80, glamourstyles.DarkStyle)
	if took := time.Since(start); err != ErrTooSlow || out != Plain(text, 80) || took > time.Second {
		t.Fatalf("Render = %q, %v after %v; want the plain text and ErrTooSlow after about 50ms", out, err, took)
	}
	if cached, _ := Cached(text, 80, glamourstyles.DarkStyle); cached != out {
		t.Errorf("cached %q while the render runs on; want the plain text", cached)
	}

	close(release)
	for end := time.Now().Add(5 * time.Second); ; time.Sleep(5 * time.Millisecond) {
		if cached, _ := Cached(text, 80, glamourstyles.DarkStyle); cached == "rendered "+text {
			break
		}
		if time.Now().After(end) {
			t.Fatal("the late render never replaced the plain text in the cache")
		}
	}
	for end := time.Now().Add(5 * time.Second); len(workers) > 0; time.Sleep(5 * time.Millisecond) {
		if time.Now().After(end) {
			t.Fatal("the late render never gave its worker back")
		}
	}
}

func TestBound(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"plain text", "plain text"},
		{"> > quoted", "> > quoted"},
		{">>>>x", ">>x"},
		{"> > > > x", "> > x"},
		{"1. 1. 1. 1. x", "1. 1. x"},
		{"- > 2) * x", "- > x"},
		{"-not a list", "-not a list"},
		{"1.5 is a number", "1.5 is a number"},
		{strings.Repeat("line\n", MaxLines+5), strings.TrimSuffix(strings.Repeat("line\n", MaxLines), "\n")},
	} {
		if got := Bound(c.in); got != c.want {
			t.Errorf("Bound(%q) = %q; want %q", c.in, got, c.want)
		}
	}
	if got := Bound(strings.Repeat("é", MaxBytes)); len(got) > MaxBytes || !strings.HasSuffix(got, "é") {
		t.Errorf("Bound cut %d bytes badly: %d bytes, ends %q", 2*MaxBytes, len(got), got[len(got)-2:])
	}
}

// FuzzBound checks Bound's promises for any text: no more bytes, lines or
// nesting per line than the limits, and bounding twice changes nothing.
func FuzzBound(f *testing.F) {
	for _, s := range hostile {
		f.Add(s)
	}
	f.Add("> a\n- b\n  1. c\n\n```\ncode\n```")
	f.Fuzz(func(t *testing.T, s string) {
		b := Bound(s)
		if len(b) > MaxBytes {
			t.Fatalf("%d bytes; limit %d", len(b), MaxBytes)
		}
		if n := strings.Count(b, "\n") + 1; n > MaxLines {
			t.Fatalf("%d lines; limit %d", n, MaxLines)
		}
		for _, l := range strings.Split(b, "\n") {
			if n := markers(l); n > MaxDepth {
				t.Fatalf("line %q opens %d containers; limit %d", l, n, MaxDepth)
			}
		}
		if again := Bound(b); again != b {
			t.Fatalf("Bound is not idempotent: %q then %q", b, again)
		}
	})
}

func markers(l string) int {
	n := 0
	for i := markerEnd(l, 0); i >= 0; i = markerEnd(l, i) {
		n++
	}
	return n
}

// worst are the costliest abstracts found within the bounds (40 lines,
// 4 KiB, nesting depth 2), one per thing glamour spends its time on, each
// ending in a word the render must keep.
var worst = func() map[string]string {
	words := strings.Repeat("word ", 18) // so that 40 lines fit in MaxBytes
	lines := func(prefix string) string {
		return strings.Repeat(prefix+words+"\n", MaxLines-1) + prefix + "end"
	}
	code := strings.Repeat("def f(x): return [i*i for i in range(x)]  # c\n", MaxLines-3)
	return map[string]string{
		"deeplines":    lines("1. - 1. "),
		"listquotes":   lines("- > "),
		"quotelists":   lines("> - "),
		"quotes2":      lines("> > "),
		"items":        lines("1. "),
		"tasks":        lines("- [ ] "),
		"headings":     lines("## "),
		"paragraphs":   strings.Repeat(words+words+"\n\n", MaxLines/2-1) + "end",
		"deflist":      strings.Repeat("term\n: "+words+"\n", MaxLines/2-1) + "term\n: end",
		"table":        "|a|b|c|\n|-|-|-|\n" + strings.Repeat("|"+words+"|x|x|\n", MaxLines-3) + "|end|",
		"emphasis":     strings.Repeat("*a* **b** `c` ", 290) + "end",
		"links":        strings.Repeat("[a](http://b) ", 290) + "end",
		"autolinks":    strings.Repeat("http://a.b ", 370) + "end",
		"pycode":       "```python\n" + code + "```\nend",
		"code":         "```\n" + code + "```\nend",
		"indentedcode": strings.ReplaceAll("    "+code, "\n", "\n    ") + "\nend",
	}
}()

// BenchmarkRenderWorstAbstract renders, uncached, the costliest abstracts
// found within the bounds and the hostile ones, at 80 columns.
func BenchmarkRenderWorstAbstract(b *testing.B) {
	cases := map[string]string{
		"quotes80": hostile["80 nested quotes"],
		"list666":  hostile["666 nested list items"],
	}
	for name, text := range worst {
		cases[name] = text
	}
	for name, text := range cases {
		b.Run(name, func(b *testing.B) {
			for b.Loop() {
				_, _ = renderUncached(text, 80, glamourstyles.DarkStyle)
			}
		})
	}
}

package markdown

import (
	"strings"
	"sync"
	"testing"
	"time"

	glamourstyles "charm.land/glamour/v2/styles"
	"github.com/charmbracelet/x/ansi"
)

// ordinary are abstracts as speakers write them, within the store's 2,000
// characters: each must render whole, looking as glamour renders it.
var ordinary = map[string]string{
	"paragraphs": strings.Repeat("We rewrote our *hot loop* in Cython and it got **40× faster**; "+
		"this talk shows the `cdef` types, the [profiling](https://example.com/p) that found the loop, "+
		"and what did not help.\n\n", 4),
	"lists": "What you will learn:\n\n" +
		"- why `perf` beats guessing\n- typed memoryviews\n  - slicing\n  - strides\n  - releasing the GIL\n" +
		"- when to stop\n- the build\n- packaging wheels\n- testing\n\n1. profile\n2. type\n3. measure\n\n> Premature optimisation is the root of all evil.",
	"code": "A short demo:\n\n```python\nimport numpy as np\n\ndef norms(a):\n    return np.sqrt((a * a).sum(axis=1))\n\n" +
		"x = np.random.rand(1000, 3)\nprint(norms(x)[:5])\n```\n\nand what it prints.",
	"headings": "## Why\n\nBecause loops are slow.\n\n## How\n\n- Cython\n- Numba\n\n## Results\n\nSee [the repo](https://github.com/example/fast) and https://example.com/slides.",
	"table":    "| tool | speed-up |\n|---|---|\n| Cython | 40× |\n| Numba | 35× |\n| PyPy | 8× |\n\nMeasured on a laptop.",
}

// glamourInputs records what glamour is given while f runs.
func glamourInputs(t *testing.T, f func()) []string {
	var mu sync.Mutex
	var inputs []string
	render = func(text string, width int, style string) (string, error) {
		mu.Lock()
		inputs = append(inputs, text)
		mu.Unlock()
		return glamourRender(text, width, style)
	}
	defer func() { render = glamourRender }()
	f()
	return inputs
}

func costOf(s string) int {
	costs, _ := costedLines(s)
	total := 0
	for _, c := range costs {
		total += c
	}
	return total
}

// TestWorstAbstractsRenderWithinBudget is the regression test for the
// worst abstracts within the caps (40 lines of "1. - 1. " items took
// 56–114 ms): glamour is given at most Budget of work, the rest is shown,
// and the render takes well under a second (the benchmark gives the figure).
func TestWorstAbstractsRenderWithinBudget(t *testing.T) {
	for name, text := range worst {
		var out string
		var err error
		start := time.Now()
		inputs := glamourInputs(t, func() { out, err = renderUncached(text, 80, glamourstyles.DarkStyle) })
		if took := time.Since(start); took > time.Second {
			t.Errorf("%s took %v; want well under a second", name, took)
		}
		if err != nil || len(inputs) != 1 {
			t.Fatalf("%s: err %v, %d glamour renders; want one and no error", name, err, len(inputs))
		}
		if cost := costOf(inputs[0]); cost > Budget {
			t.Errorf("%s: glamour was given %d units of work; budget %d", name, cost, Budget)
		}
		if !strings.Contains(ansi.Strip(out), "end") {
			t.Errorf("%s: the text past the budget is lost:\n%s", name, out)
		}
		if len(out) > MaxOutputBytes || strings.Count(out, "\n") >= MaxOutputLines {
			t.Errorf("%s: %d bytes, %d lines; want at most %d bytes and %d lines",
				name, len(out), strings.Count(out, "\n")+1, MaxOutputBytes, MaxOutputLines)
		}
	}
}

// TestOrdinaryAbstractsRenderWhole: the budget leaves what speakers write
// alone: glamour renders all of it, exactly as before.
func TestOrdinaryAbstractsRenderWhole(t *testing.T) {
	for name, text := range ordinary {
		if len(text) > 2000 {
			t.Fatalf("%s: %d bytes is not an ordinary abstract", name, len(text))
		}
		var out string
		inputs := glamourInputs(t, func() { out, _ = renderUncached(text, 80, glamourstyles.DarkStyle) })
		if len(inputs) != 1 || inputs[0] != Bound(text) {
			t.Errorf("%s: glamour was given %q; want the whole abstract", name, inputs)
		}
		if want, _ := glamourRender(Bound(text), 80, glamourstyles.DarkStyle); out != want {
			t.Errorf("%s renders differently:\n%s\nwant\n%s", name, out, want)
		}
	}
}

// TestUnlabelledCodeLooksTheSame: code without a language is labelled
// "text" (a fenced block) or fenced as "text" (an indented one) to spare
// chroma's guess; for code abstracts hold, chroma guessed
// nothing, so the code looks as it did.
func TestUnlabelledCodeLooksTheSame(t *testing.T) {
	for _, code := range []string{"import numpy as np\nprint(np.arange(3))\n", "$ pip install camp\n", "#!/usr/bin/env python\nprint(1)\n"} {
		fenced := "Run:\n\n```\n" + code + "```"
		indented := "Run:\n\n    " + strings.ReplaceAll(strings.TrimSuffix(code, "\n"), "\n", "\n    ")
		for _, text := range []string{fenced, indented} {
			out, err := renderUncached(text, 80, glamourstyles.DarkStyle)
			if want, _ := glamourRender(text, 80, glamourstyles.DarkStyle); err != nil || out != want {
				t.Errorf("%q renders as\n%q; want\n%q", text, out, want)
			}
		}
	}
	for _, c := range []struct{ in, want string }{
		{"> ```\n> x\n> ```", "> ```text\n> x\n> ```"},
		{"a\n\n    x\n\t```y\n\n     z\nb", "a\n\n````text\nx\n```y\n\n z\n````\nb"},
	} {
		costs, unlabelled := costedLines(c.in)
		if got := labelCode(c.in, unlabelled); got != c.want {
			t.Errorf("labelCode(%q) = %q; want %q (costs %v)", c.in, got, c.want, costs)
		}
	}
}

// TestTextPastTheBudgetIsPlain: past the budget the abstract goes on as
// plain text (no escape sequences), lined up with glamour's margin.
func TestTextPastTheBudgetIsPlain(t *testing.T) {
	out, err := renderUncached(worst["deeplines"], 80, glamourstyles.DarkStyle)
	if err != nil {
		t.Fatal(err)
	}
	head, tail, ok := strings.Cut(out, "\n\n  1. - word")
	if !ok || !strings.Contains(head, "\x1b[") || strings.Contains(tail, "\x1b") || !strings.HasSuffix(tail, "\n  1. - end") {
		t.Errorf("want styled items, then plain ones ending in end; got\n%q", out)
	}
}

// FuzzWithinBudget checks withinBudget's promises for any bounded text:
// glamour's part costs at most Budget, and the two parts are the text, cut
// between lines, with fences labelled.
func FuzzWithinBudget(f *testing.F) {
	for _, s := range worst {
		f.Add(s)
	}
	for _, s := range ordinary {
		f.Add(s)
	}
	f.Add("a\n===\n[x]: /u\n```\ncode\n```\n    indented\n> ```\n> q")
	f.Fuzz(func(t *testing.T, s string) {
		b := Bound(s)
		head, tail := withinBudget(b)
		if cost := costOf(head); cost > Budget {
			t.Fatalf("head costs %d; budget %d", cost, Budget)
		}
		labelled := b
		if _, unlabelled := costedLines(b); len(unlabelled) > 0 {
			labelled = labelCode(b, unlabelled)
		}
		if !strings.HasPrefix(labelled, head) || len(head) < len(labelled) && labelled[len(head)] != '\n' && head != "" {
			t.Fatalf("head %q is not whole lines of %q", head, labelled)
		}
		if want := strings.TrimPrefix(labelled[len(head):], "\n"); tail != want {
			t.Fatalf("tail %q; want %q", tail, want)
		}
	})
}

package export

import (
	"context"
	"encoding/json"
	"fmt"
	"html"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	xhtml "golang.org/x/net/html"
	"gopkg.in/yaml.v3"

	"github.com/lightningcamp/camp/schedule"
)

// awkwardTitles are what people type into a title field on a bad day:
// HTML, Markdown links and images, javascript:, quotes, dashes, backticks,
// headings, lists, math, citations, entities, emoji, right-to-left text.
// Every one must come out of pandoc exactly as typed, and none as markup.
var awkwardTitles = []string{
	`<script>alert(1)</script>`,
	`<img src=x onerror=alert(1)>`,
	`[click me](javascript:alert(1))`,
	`![pic](javascript:alert(1)) <javascript:alert(1)>`,
	`<a href="javascript:alert(1)">x</a>`,
	`'single' and "double" quotes, don't`,
	`Wait... --- really -- yes`,
	"`code` and ``double ticks``",
	`# Heading?`,
	`1. first item`,
	`- bullet`,
	`> quoted`,
	`*emph* _under_ **strong** ~~strike~~ ^sup^ ~sub~`,
	`$x^2$ costs $$5`,
	`@cite [@key] (@) me@example.org`,
	`Rocket 🚀👩‍💻 launch`,
	"שלום עולם مرحبا RTL",
	"\u202eevil override",
	`&amp; &lt;b&gt; entities &#x3C;`,
	"```{=html}",
	`<!-- comment -->`,
	`Mr. Smith & Dr. Who, e.g. this`,
	`C:\path\to \\ backslashes\`,
	`| a | b |`,
	`::: {.note onclick=alert(1)}`,
	`[span]{.class onclick=alert(1)}`,
	`<https://example.org>`,
	`footnote^[evil]`,
	`% title block`,
	`---`,
	`Python 3.13 vs 2.7`,
	`snake_case_name and __dunder__`,
}

// plainFromMeta reads a front-matter value back to plain text: drop the
// backslash before each ASCII punctuation mark, as Markdown readers do.
var metaEscape = regexp.MustCompile("\\\\([!-/:-@\\[-`{-~])")

func plainFromMeta(s string) string { return metaEscape.ReplaceAllString(s, "$1") }

// awkwardCamp has a talk, a topic and a report per awkward title, and a
// report of an earlier camp of the series per awkward title (its project,
// version, address and camp name), which the cython tool page lists.
func awkwardCamp(t *testing.T, titles []string) Camp {
	c := emptyCamp(t)
	for i, title := range titles {
		id := int64(i + 1)
		c.Series = append(c.Series, schedule.SeriesReport{Camp: title, CampName: title, Report: schedule.Report{ID: id,
			Project: title, ProjectURL: title, Tool: "cython", ToolVersion: title, Outcome: schedule.OutcomeWorked, Speedup: float64(i + 1)}})
		c.Talks = append(c.Talks, schedule.Talk{ID: id, SpeakerID: id, Speaker: "S", Title: title, Abstract: title, Minutes: 5, Status: schedule.TalkDone})
		c.Topics = append(c.Topics, schedule.Topic{ID: id, LeaderID: id, Leader: "L", Title: title, Description: title,
			Status: schedule.TopicPlaced, Track: "b", Slot: "eu-openspace-2/1", Tags: []string{title}})
		c.Reports = append(c.Reports, schedule.Report{ID: id, Target: schedule.Target{Kind: "talk", ID: id}, Project: title,
			Tool: "cython", Outcome: schedule.OutcomeWorked, Learnt: title})
	}
	return c
}

// wantTitles maps each page of awkwardCamp to the title it must show.
func wantTitles(c Camp, titles []string) map[string]string {
	want := map[string]string{"index.md": oneLine(c.Event.Name), "tool-cython.md": "cython in the " + oneLine(c.Event.Series) + " series"}
	for i, title := range titles {
		want[fmt.Sprintf("talk-%d.md", i+1)] = oneLine(title)
		want[fmt.Sprintf("topic-%d.md", i+1)] = oneLine(title)
		want[fmt.Sprintf("report-%d.md", i+1)] = oneLine(title) + " with cython: worked"
	}
	return want
}

// TestPandocShowsAwkwardTitlesExactly renders every page with `pandoc -s`
// (as the site does, Markdown with pandoc's default extensions) and checks
// that the HTML title is the text typed, and that no page holds a script,
// an event handler or a javascript: link. A template that prints headline
// and summary checks those fields the same way.
func TestPandocShowsAwkwardTitlesExactly(t *testing.T) {
	needTool(t, "pandoc", "apt-get install pandoc to render the pages")
	if len(awkwardTitles) < 20 {
		t.Fatalf("the corpus has %d titles, want at least 20", len(awkwardTitles))
	}
	c := awkwardCamp(t, awkwardTitles)
	files, err := CompilePythonPages(c)
	if err != nil {
		t.Fatal(err)
	}
	want := wantTitles(c, awkwardTitles)
	tmpl := filepath.Join(t.TempDir(), "fields.html")
	if err := os.WriteFile(tmpl, []byte("<p id=\"headline\">$headline$</p>\n<p id=\"summary\">$summary$</p>\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	forEachParallel(files, 4, func(f File) {
		name := filepath.Base(f.Path)
		page, err := runPandoc(f.Data, "--from=markdown", "--to=html", "--standalone")
		if err != nil {
			t.Errorf("%s: %v", name, err)
			return
		}
		checkNoActiveHTML(t, name, page)
		if got := htmlTitle(page); got != want[name] {
			t.Errorf("%s: pandoc's <title> is %q, want %q", name, got, want[name])
		}
		fields, err := runPandoc(f.Data, "--from=markdown", "--to=html", "--wrap=none", "--template="+tmpl)
		if err != nil {
			t.Errorf("%s: %v", name, err)
			return
		}
		checkNoActiveHTML(t, name+" (headline, summary)", fields)
		var fm map[string]any
		if err := yaml.Unmarshal(splitFrontMatter(t, f.Data), &fm); err != nil {
			t.Errorf("%s: %v", name, err)
			return
		}
		for _, key := range []string{"headline", "summary"} {
			if got, wantText := elementText(fields, key), plainFromMeta(fm[key].(string)); got != wantText {
				t.Errorf("%s: pandoc renders %s as %q, want %q", name, key, got, wantText)
			}
		}
	})
}

// TestPyYAMLReadsAwkwardTitles: the site's Python scripts read the front
// matter with PyYAML; every title reads back to the text typed once the
// Markdown escapes are dropped, and the date is a date.
func TestPyYAMLReadsAwkwardTitles(t *testing.T) {
	python := needTool(t, "python3", "install python3 and PyYAML (apt-get install python3-yaml)")
	if err := exec.Command(python, "-c", "import yaml").Run(); err != nil {
		toolMissing(t, "PyYAML is not installed: pip install pyyaml or apt-get install python3-yaml")
	}
	c := awkwardCamp(t, awkwardTitles)
	files, err := CompilePythonPages(c)
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	for _, f := range files {
		if err := os.WriteFile(filepath.Join(dir, filepath.Base(f.Path)), f.Data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	const script = `
import json, os, re, sys, yaml
out = {}
for name in sorted(os.listdir(sys.argv[1])):
    text = open(os.path.join(sys.argv[1], name), encoding="utf-8").read()
    fm = yaml.safe_load(text.split("---\n")[1])
    plain = lambda s: re.sub(r"\\([!-/:-@\[-` + "`" + `{-~])", r"\1", s)
    out[name] = {"title": plain(fm["title"]), "date": type(fm["date"]).__name__, "tags": fm["tags"]}
json.dump(out, sys.stdout)
`
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	raw, err := exec.CommandContext(ctx, python, "-c", script, dir).Output()
	if err != nil {
		t.Fatalf("PyYAML cannot read the pages: %v", err)
	}
	var got map[string]struct {
		Title, Date string
		Tags        []string
	}
	if err := json.Unmarshal(raw, &got); err != nil {
		t.Fatal(err)
	}
	want := wantTitles(c, awkwardTitles)
	if len(got) != len(want) {
		t.Errorf("PyYAML read %d pages, want %d", len(got), len(want))
	}
	for name, title := range want {
		if got[name].Title != title {
			t.Errorf("%s: PyYAML reads the title as %q, want %q", name, got[name].Title, title)
		}
		if got[name].Date != "date" {
			t.Errorf("%s: PyYAML reads the date as a %s, want a date", name, got[name].Date)
		}
	}
}

// checkNoActiveHTML fails if the HTML holds anything that runs or
// navigates: a script, an event handler, a javascript: URL, or an element
// people could have typed (img, iframe, object, embed, a form).
func checkNoActiveHTML(t *testing.T, name, page string) {
	t.Helper()
	doc, err := xhtml.Parse(strings.NewReader(page))
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	for n := range doc.Descendants() {
		if n.Type != xhtml.ElementNode {
			continue
		}
		switch n.Data {
		case "script", "img", "iframe", "object", "embed", "form", "svg", "math":
			t.Errorf("%s: pandoc made a <%s> element:\n%s", name, n.Data, page)
		}
		for _, a := range n.Attr {
			value := strings.ToLower(strings.Join(strings.Fields(a.Val), ""))
			if strings.HasPrefix(strings.ToLower(a.Key), "on") || strings.Contains(value, "javascript:") {
				t.Errorf("%s: <%s %s=%q>: an event handler or javascript: URL", name, n.Data, a.Key, a.Val)
			}
		}
	}
	if strings.Contains(strings.ToLower(page), "<script") {
		t.Errorf("%s: the HTML holds <script:\n%s", name, page)
	}
}

var titleElement = regexp.MustCompile(`(?s)<title>(.*?)</title>`)

// htmlTitle is the text of the page's <title>.
func htmlTitle(page string) string {
	m := titleElement.FindStringSubmatch(page)
	if m == nil {
		return ""
	}
	return strings.TrimSpace(html.UnescapeString(m[1]))
}

// elementText is the text content of the element with this id; any
// element inside it counts as markup people did not mean.
func elementText(page, id string) string {
	doc, err := xhtml.Parse(strings.NewReader(page))
	if err != nil {
		return "<unparsable>"
	}
	for n := range doc.Descendants() {
		if n.Type == xhtml.ElementNode && attr(n, "id") == id {
			var b strings.Builder
			for c := range n.Descendants() {
				switch c.Type {
				case xhtml.TextNode:
					b.WriteString(c.Data)
				case xhtml.ElementNode:
					return "<markup: " + c.Data + ">"
				}
			}
			return b.String()
		}
	}
	return "<missing>"
}

func attr(n *xhtml.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

// forEachParallel runs f on every file with a few workers: pandoc starts
// slowly, and one page never depends on another.
func forEachParallel(files []File, workers int, f func(File)) {
	work := make(chan File)
	var wg sync.WaitGroup
	for range workers {
		wg.Go(func() {
			for file := range work {
				f(file)
			}
		})
	}
	for _, file := range files {
		work <- file
	}
	close(work)
	wg.Wait()
}

// FuzzMetaText: whatever people type, the front-matter value is one line
// that reads back to the text (the escapes dropped), never lets an ASCII
// punctuation mark pandoc could act on through unescaped at the start,
// and survives a YAML round trip.
func FuzzMetaText(f *testing.F) {
	for _, s := range awkwardTitles {
		f.Add(s)
	}
	f.Add("a\\")
	f.Add("\\\\*")
	f.Fuzz(func(t *testing.T, s string) {
		escaped := metaText(s)
		if strings.ContainsAny(escaped, "\n\r") {
			t.Fatalf("metaText(%q) = %q spans lines", s, escaped)
		}
		if got := plainFromMeta(escaped); got != oneLine(s) {
			t.Fatalf("metaText(%q) = %q reads back as %q, want %q", s, escaped, got, oneLine(s))
		}
		for _, bad := range []string{"<", "[", "`", "*", "$", "@", "&", "{"} {
			if i := strings.Index(escaped, bad); i >= 0 && (i == 0 || escaped[i-1] != '\\') {
				t.Fatalf("metaText(%q) = %q leaves %q unescaped", s, escaped, bad)
			}
		}
		data, err := writePage(frontMatter{Title: s, Date: "2026-03-28"}, "")
		if err != nil {
			t.Fatal(err)
		}
		var fm struct{ Title string }
		if err := yaml.Unmarshal(splitFrontMatter(t, data), &fm); err != nil || fm.Title != escaped {
			t.Fatalf("title %q: YAML reads %q (%v), want %q", s, fm.Title, err, escaped)
		}
	})
}

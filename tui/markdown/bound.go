package markdown

import (
	"strings"
	"unicode/utf8"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/text"
)

// The limits below bound the work one abstract can cost. Glamour's cost grows
// steeply with the nesting of blockquotes and lists (80 nested '>' ran for a
// minute and used gigabytes), so the text is cut and flattened before glamour
// sees it; anything still nested too deep is shown as plain text.
const (
	// MaxBytes and MaxLines cap the text handed to glamour. The store caps an
	// abstract at 2,000 characters by default; the detail pane shows far
	// fewer lines than MaxLines.
	MaxBytes = 4 << 10
	MaxLines = 40
	// MaxDepth is the deepest nesting of blockquotes and lists rendered as
	// Markdown. Deeper markers on one line are dropped (their text stays).
	MaxDepth = 2
	// MaxWidth caps the wrap width: a wider pane costs more and reads no better.
	MaxWidth = 200
	// MaxOutputLines and MaxOutputBytes cap what is kept and cached per
	// render; no pane is taller.
	MaxOutputLines = 200
	MaxOutputBytes = 64 << 10
)

// Bound returns text cut to MaxBytes and MaxLines, with blockquote and list
// markers beyond MaxDepth on each line dropped. It never returns more than
// it was given and never more than MaxBytes.
func Bound(s string) string {
	s = strings.ToValidUTF8(s, "\uFFFD")
	s = cutBytes(s, MaxBytes)
	lines := strings.SplitN(s, "\n", MaxLines+1)
	if len(lines) > MaxLines {
		lines = lines[:MaxLines]
	}
	for i, l := range lines {
		lines[i] = flattenLine(l, MaxDepth)
	}
	return strings.Join(lines, "\n")
}

// cutBytes cuts s to at most n bytes on a rune boundary.
func cutBytes(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return s[:n]
}

// flattenLine keeps the first depth container markers ('>' and list markers)
// that open l and drops the rest, keeping the text after them.
func flattenLine(l string, depth int) string {
	i, n := 0, 0
	for {
		j := markerEnd(l, i)
		if j < 0 {
			return l
		}
		n++
		if n > depth {
			return l[:i] + strings.TrimLeft(l[skipMarkers(l, j):], " \t")
		}
		i = j
	}
}

// skipMarkers returns where the run of markers starting at i ends.
func skipMarkers(l string, i int) int {
	for {
		j := markerEnd(l, i)
		if j < 0 {
			return i
		}
		i = j
	}
}

// markerEnd returns the end of the container marker (with the blanks
// before and after it) that starts at i, or -1 if none does.
func markerEnd(l string, i int) int {
	for i < len(l) && (l[i] == ' ' || l[i] == '\t') {
		i++
	}
	if i >= len(l) {
		return -1
	}
	switch c := l[i]; {
	case c == '>':
		return blanksAfter(l, i+1)
	case c == '-' || c == '+' || c == '*':
		if i+1 == len(l) || l[i+1] == ' ' || l[i+1] == '\t' {
			return blanksAfter(l, i+1)
		}
	case c >= '0' && c <= '9':
		j := i
		for j < len(l) && j-i < 9 && l[j] >= '0' && l[j] <= '9' {
			j++
		}
		if j < len(l) && (l[j] == '.' || l[j] == ')') && (j+1 == len(l) || l[j+1] == ' ' || l[j+1] == '\t') {
			return blanksAfter(l, j+1)
		}
	}
	return -1
}

func blanksAfter(l string, i int) int {
	for i < len(l) && (l[i] == ' ' || l[i] == '\t') {
		i++
	}
	return i
}

// parser reads Markdown the way glamour does (GFM and definition lists), to
// measure nesting before glamour renders it.
var parser = goldmark.New(goldmark.WithExtensions(extension.GFM, extension.DefinitionList)).Parser()

// nestedTooDeep reports whether bounded text still nests blockquotes or
// lists deeper than MaxDepth (by indentation, say, across lines).
func nestedTooDeep(s string) bool {
	doc := parser.Parse(text.NewReader([]byte(s)))
	return depth(doc) > MaxDepth
}

// depth is the deepest nesting of containers under n. Recursion is safe:
// goldmark's tree is no deeper than the bounded text's nesting allows, and
// the text has at most MaxBytes.
func depth(n ast.Node) int {
	deepest := 0
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		if c.Type() != ast.TypeBlock {
			continue
		}
		deepest = max(deepest, depth(c))
	}
	switch n.Kind() {
	case ast.KindBlockquote, ast.KindList, east.KindDefinitionList:
		return deepest + 1
	}
	return deepest
}

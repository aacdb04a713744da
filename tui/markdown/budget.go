package markdown

import (
	"sort"
	"strings"

	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/text"
)

// Glamour's time is not in the text's size but in its shape: every
// blockquote, list and paragraph re-wraps and re-pads everything inside it
// (so nesting multiplies), every styled span and link writes escape
// sequences at every level, and a code block runs chroma. Within MaxBytes
// and MaxLines, 40 lines of "- > " or "1. - 1. " items took 25–40 ms, a
// 40-line Python block 20–35 ms, 290 spans or links 12–15 ms, against 4 ms
// for 20 plain paragraphs (medians on the shared 2-core machine).
//
// So before glamour, the parsed text is costed line by line, and glamour
// renders only the lines up to Budget; the rest is shown as plain text.
// Costs are in units of about 12 µs of glamour's time on a quiet machine at
// 80 columns, fitted to BenchmarkRenderWorstAbstract's cases and rounded
// up. A block's depth d is 1 plus the lists, blockquotes and definition
// lists around it.
const (
	// Budget is the most glamour is given: about 8 ms on a quiet machine,
	// the worst abstract measured 12 ms (median, 80 columns), a quarter of
	// the 50 ms bound (docs/SECURITY.md). Ordinary abstracts (paragraphs,
	// lists, links, a table, a code block of about twenty lines) fit;
	// adversarial ones are cut after a few blocks.
	Budget = 600

	// containerCost is charged per list, blockquote or definition, times d:
	// each re-wraps and re-pads everything inside it. paragraphCost and
	// headingCost are charged per paragraph and heading, rowCost per table
	// row, times d.
	containerCost = 10
	paragraphCost = 16
	headingCost   = 8
	rowCost       = 10
	// leafCost is charged per block holding text, times d. Each line it
	// wraps to costs lineCost times d² in a list item, times (d³+1)/2 in a
	// paragraph: a line's padding is re-parsed by every container around
	// it, and a paragraph pads it once more.
	leafCost = 3
	lineCost = 1
	// spanCost is charged per styled span, linkCost per link or image
	// (a hyperlink's escape sequences are longer), times d.
	spanCost = 1
	linkCost = 3
	// codeCost is charged per code block and, for code chroma highlights,
	// codeLineCost per line plus codeByteCost per byte (a token's colours
	// cost more than its text), times d. A block labelled "text" costs
	// plainCodeLineCost a line. Given no language, chroma tries every lexer
	// it has on the code (4-5 ms, however short) and, for the code abstracts
	// hold, finds none: so a fenced block without a language is labelled
	// "text", and an indented one outside any list or quote is fenced as
	// "text" (labelCode); one inside them, left as it is, pays guessCost.
	codeCost          = 20
	codeLineCost      = 3
	codeByteCost      = 1
	plainCodeLineCost = 5
	guessCost         = 250
	// charsPerLine estimates how many source bytes wrap to one line.
	charsPerLine = 64
)

// withinBudget labels unlabelled code "text" (labelCode) and splits
// the result where glamour's cost would pass Budget: head is rendered with
// glamour, tail (whole lines) shown as plain text. Cutting can change how
// the head parses (a setext heading's underline or a link's definition left
// behind), so the head is costed again until it fits.
func withinBudget(s string) (head, tail string) {
	costs, unlabelled := costedLines(s)
	if len(unlabelled) > 0 {
		s = labelCode(s, unlabelled)
		costs, _ = costedLines(s)
	}
	head = s
	for {
		spent, lines := 0, 0
		for lines < len(costs) && spent+costs[lines] <= Budget {
			spent += costs[lines]
			lines++
		}
		if lines == len(costs) {
			return head, strings.TrimPrefix(s[len(head):], "\n")
		}
		head = strings.TrimSuffix(head[:lineStarts(head)[lines]], "\n")
		costs, _ = costedLines(head)
	}
}

// unlabelledCode is a code block chroma would guess the language of:
// a fence with no language opening at line open, or, if indented, a block
// on lines first to last.
type unlabelledCode struct {
	open, first, last int
	indented          bool
}

// labelCode gives unlabelled code the language "text": a fence with no
// info string ends its line, so "text" is appended to it; an indented
// block loses its indent and is fenced, with more backticks than it holds.
func labelCode(s string, code []unlabelledCode) string {
	rows := strings.Split(s, "\n")
	var out []string
	next := 0
	for _, c := range code {
		if c.open < next || c.last >= len(rows) || c.open < 0 {
			continue
		}
		out = append(out, rows[next:c.open]...)
		if !c.indented {
			out = append(out, strings.TrimRight(rows[c.open], " \t\r")+"text")
			next = c.open + 1
			continue
		}
		fence := strings.Repeat("`", max(3, longestRun(rows[c.first:c.last+1], '`')+1))
		out = append(out, fence+"text")
		for _, r := range rows[c.first : c.last+1] {
			out = append(out, dedent(r))
		}
		out = append(out, fence)
		next = c.last + 1
	}
	return strings.Join(append(out, rows[next:]...), "\n")
}

// dedent drops an indented code line's indent: a tab or four spaces.
func dedent(r string) string {
	if strings.HasPrefix(r, "\t") {
		return r[1:]
	}
	for i := range 4 {
		if i >= len(r) || r[i] != ' ' {
			if i < len(r) && r[i] == '\t' {
				return r[i+1:]
			}
			return r[i:]
		}
	}
	return r[4:]
}

func longestRun(rows []string, b byte) int {
	longest := 0
	for _, r := range rows {
		n := 0
		for i := range len(r) {
			if r[i] == b {
				n++
				longest = max(longest, n)
			} else {
				n = 0
			}
		}
	}
	return longest
}

// costedLines parses bounded text and returns what glamour would spend on
// each of its lines (split at '\n'), in cost units, charged to the line
// where the work starts, and the lines opening unlabelled fences.
func costedLines(s string) (costs []int, unlabelled []unlabelledCode) {
	src := []byte(s)
	c := coster{src: src, starts: lineStarts(s)}
	c.cost = make([]int, len(c.starts))
	c.walk(parser.Parse(text.NewReader(src)), 0, 0)
	return c.cost, c.unlabelled
}

// lineStarts returns the byte offset at which each line of s begins.
func lineStarts(s string) []int {
	starts := []int{0}
	for i := range len(s) {
		if s[i] == '\n' {
			starts = append(starts, i+1)
		}
	}
	return starts
}

type coster struct {
	src    []byte
	starts []int
	cost   []int
	// unlabelled lists, in order, the code blocks with no language.
	unlabelled []unlabelledCode
}

func (c *coster) lineOf(pos int) int {
	return max(sort.SearchInts(c.starts, pos+1)-1, 0)
}

func (c *coster) charge(pos, units int) {
	c.cost[c.lineOf(pos)] += units
}

// walk charges n and everything under it. depth counts the containers
// around n; pos is where the nearest enclosing text starts, for nodes with
// no text of their own. Recursion is bounded like depth's.
func (c *coster) walk(n ast.Node, depth, pos int) {
	if p := c.position(n); p >= 0 {
		pos = p
	}
	d := depth + 1
	switch n.Kind() {
	case ast.KindBlockquote, ast.KindList, east.KindDefinitionList:
		c.charge(pos, containerCost*d)
		depth++
	case east.KindDefinitionDescription:
		c.charge(pos, containerCost*d)
	case ast.KindHeading:
		c.charge(pos, headingCost*d)
	case east.KindTableRow, east.KindTableHeader:
		c.charge(pos, rowCost*d)
	case ast.KindFencedCodeBlock:
		c.chargeCode(n.(*ast.FencedCodeBlock), pos, d)
		return
	case ast.KindCodeBlock:
		lines := n.Lines()
		if n.Parent() != nil && n.Parent().Kind() == ast.KindDocument && lines.Len() > 0 {
			first, last := c.lineOf(lines.At(0).Start), c.lineOf(lines.At(lines.Len()-1).Start)
			c.unlabelled = append(c.unlabelled, unlabelledCode{open: first, first: first, last: last, indented: true})
			c.charge(pos, codeCost*d)
		} else {
			c.charge(pos, (codeCost+guessCost)*d)
		}
		c.chargeLines(n, plainCodeLineCost*d, 0)
		return
	case ast.KindLink, ast.KindAutoLink, ast.KindImage:
		c.charge(pos, linkCost*d)
	case ast.KindText, ast.KindString:
	default:
		if n.Type() == ast.TypeInline {
			c.charge(pos, spanCost*d)
		}
	}
	if n.Type() == ast.TypeBlock && (n.Lines().Len() > 0 || n.FirstChild() != nil && n.FirstChild().Type() == ast.TypeInline) {
		d = depth + 1
		c.charge(pos, leafCost*d)
		if n.Kind() == ast.KindParagraph {
			c.charge(pos, paragraphCost*d)
			c.chargeWrapped(n, lineCost*(d*d*d+1)/2)
		} else {
			c.chargeWrapped(n, lineCost*d*d)
		}
	}
	for ch := n.FirstChild(); ch != nil; ch = ch.NextSibling() {
		c.walk(ch, depth, pos)
	}
}

func (c *coster) chargeCode(n *ast.FencedCodeBlock, pos, d int) {
	c.charge(pos, codeCost*d)
	switch lang := string(n.Language(c.src)); {
	case lang == "" && n.Lines().Len() > 0:
		c.unlabelled = append(c.unlabelled, unlabelledCode{open: c.lineOf(n.Lines().At(0).Start) - 1})
		c.chargeLines(n, plainCodeLineCost*d, 0)
	case lang == "":
		c.charge(pos, guessCost*d)
	case strings.EqualFold(lang, "text"):
		c.chargeLines(n, plainCodeLineCost*d, 0)
	default:
		c.chargeLines(n, codeLineCost*d, codeByteCost*d)
	}
}

// chargeWrapped charges units for each line n's text wraps to, on the
// line it comes from. A block with no lines of its own (a table cell)
// wraps to one.
func (c *coster) chargeWrapped(n ast.Node, units int) {
	lines := n.Lines()
	if lines.Len() == 0 {
		if p := c.position(n); p >= 0 {
			c.charge(p, units)
		}
		return
	}
	for i := range lines.Len() {
		seg := lines.At(i)
		c.charge(seg.Start, units*(1+seg.Len()/charsPerLine))
	}
}

// chargeLines charges perLine plus perByte for each of n's lines.
func (c *coster) chargeLines(n ast.Node, perLine, perByte int) {
	lines := n.Lines()
	for i := range lines.Len() {
		seg := lines.At(i)
		c.charge(seg.Start, perLine+perByte*seg.Len())
	}
}

// position returns where n's text starts in the source, or -1 if n has
// none of its own (a container's is its first child's).
func (c *coster) position(n ast.Node) int {
	for ; n != nil; n = n.FirstChild() {
		if t, ok := n.(*ast.Text); ok {
			return t.Segment.Start
		}
		if n.Type() == ast.TypeBlock && n.Lines().Len() > 0 {
			return n.Lines().At(0).Start
		}
	}
	return -1
}

package schedule

import (
	"fmt"
	"strings"
)

// Position is where something stands in a schedule file. Line and Col start
// at 1; zero means unknown.
type Position struct {
	File string
	Line int
	Col  int
}

func (p Position) String() string {
	switch {
	case p.Line == 0:
		return p.File
	case p.Col == 0:
		return fmt.Sprintf("%s:%d", p.File, p.Line)
	}
	return fmt.Sprintf("%s:%d:%d", p.File, p.Line, p.Col)
}

// before orders positions by line, then column; unknown positions go last.
func (p Position) before(q Position) bool {
	if (p.Line == 0) != (q.Line == 0) {
		return q.Line == 0
	}
	if p.Line != q.Line {
		return p.Line < q.Line
	}
	return p.Col < q.Col
}

// Problem is one thing wrong with a schedule file: where, which key, what is
// wrong and what to do about it.
type Problem struct {
	Pos  Position
	Path string // key path, e.g. blocks[3].zone
	Msg  string
}

func (p Problem) String() string {
	var b strings.Builder
	if s := p.Pos.String(); s != "" {
		b.WriteString(s)
		b.WriteString(": ")
	}
	if p.Path != "" {
		b.WriteString(p.Path)
		b.WriteString(": ")
	}
	b.WriteString(p.Msg)
	return b.String()
}

// Problems is every problem found in one file, reported together so that an
// organiser fixes them in one pass rather than one per run.
type Problems []Problem

func (ps Problems) Error() string {
	lines := make([]string, len(ps))
	for i, p := range ps {
		lines[i] = p.String()
	}
	return strings.Join(lines, "\n")
}

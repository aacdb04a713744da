package schedule

import (
	"strconv"
	"strings"
)

// keyPositions maps each key path of a TOML document that already parsed
// (e.g. "event.zone", "blocks[3].start", "event.display_zones[1]") to where
// its key, header or array element starts.
//
// The TOML library reports where syntax errors are, but not where a key that
// decoded fine stands; validation needs that to point an organiser at the
// exact line and column. The input is known to be valid TOML, so this scanner
// only needs to skip strings and comments correctly, not to check anything.
type keyPositions map[string]Position

func locateKeys(file, src string) keyPositions {
	s := &posScanner{src: src, line: 1, col: 1, file: file, out: keyPositions{}, arrays: map[string]int{}}
	s.document()
	return s.out
}

// lookup returns the position of path, or of its nearest ancestor that has one.
func (kp keyPositions) lookup(path string) Position {
	for path != "" {
		if p, ok := kp[path]; ok {
			return p
		}
		path = parentPath(path)
	}
	return Position{}
}

func parentPath(path string) string {
	i := strings.LastIndexAny(path, ".[")
	if i < 0 {
		return ""
	}
	return path[:i]
}

type posScanner struct {
	src       string
	i         int
	line, col int
	file      string
	out       keyPositions
	arrays    map[string]int // array-of-tables path -> current index
	table     string         // resolved path of the current table
}

func (s *posScanner) eof() bool  { return s.i >= len(s.src) }
func (s *posScanner) peek() byte { return s.src[s.i] }

func (s *posScanner) next() {
	if s.src[s.i] == '\n' {
		s.line++
		s.col = 1
	} else if s.src[s.i]&0xC0 != 0x80 { // count runes, not UTF-8 continuation bytes
		s.col++
	}
	s.i++
}

// ensureProgress steps over one byte when a loop made none, so that input
// this scanner does not understand can never hang it.
func (s *posScanner) ensureProgress(before int) {
	if s.i == before && !s.eof() {
		s.next()
	}
}

func (s *posScanner) here() Position { return Position{File: s.file, Line: s.line, Col: s.col} }

func (s *posScanner) skipBlank() {
	for !s.eof() && (s.peek() == ' ' || s.peek() == '\t') {
		s.next()
	}
}

// skipSpace skips white space, newlines and comments.
func (s *posScanner) skipSpace() {
	for !s.eof() {
		switch s.peek() {
		case ' ', '\t', '\r', '\n':
			s.next()
		case '#':
			for !s.eof() && s.peek() != '\n' {
				s.next()
			}
		default:
			return
		}
	}
}

func (s *posScanner) document() {
	for {
		s.skipSpace()
		if s.eof() {
			return
		}
		before := s.i
		if s.peek() == '[' {
			s.header()
		} else {
			s.keyValue(s.table)
		}
		s.ensureProgress(before)
	}
}

func (s *posScanner) header() {
	pos := s.here()
	s.next()
	isArray := !s.eof() && s.peek() == '['
	if isArray {
		s.next()
	}
	s.skipBlank()
	keys := s.dottedKey()
	for !s.eof() && s.peek() != '\n' { // closing brackets and any comment
		s.next()
	}
	path := s.resolve(keys)
	if isArray {
		n := s.arrays[path]
		s.arrays[path] = n + 1
		path += "[" + strconv.Itoa(n) + "]"
	}
	s.table = path
	s.record(path, pos)
}

// resolve turns header keys into a path, inserting the current index of any
// array of tables they pass through: [blocks.x] inside [[blocks]] #2 is blocks[1].x.
func (s *posScanner) resolve(keys []string) string {
	path := ""
	for i, k := range keys {
		if i > 0 {
			path += "."
		}
		path += k
		if n, ok := s.arrays[path]; ok && n > 0 && i < len(keys)-1 {
			path += "[" + strconv.Itoa(n-1) + "]"
		}
	}
	return path
}

func (s *posScanner) keyValue(table string) {
	pos := s.here()
	keys := s.dottedKey()
	path := join(table, strings.Join(keys, "."))
	s.record(path, pos)
	s.skipBlank()
	if !s.eof() && s.peek() == '=' {
		s.next()
	}
	s.skipBlank()
	s.value(path)
}

func (s *posScanner) record(path string, pos Position) {
	if _, ok := s.out[path]; !ok {
		s.out[path] = pos
	}
}

func join(a, b string) string {
	if a == "" {
		return b
	}
	return a + "." + b
}

func (s *posScanner) dottedKey() []string {
	var keys []string
	for !s.eof() {
		s.skipBlank()
		keys = append(keys, s.simpleKey())
		s.skipBlank()
		if s.eof() || s.peek() != '.' {
			return keys
		}
		s.next()
	}
	return keys
}

func (s *posScanner) simpleKey() string {
	if s.eof() {
		return ""
	}
	switch s.peek() {
	case '"', '\'':
		start := s.i
		s.str()
		k, err := strconv.Unquote(`"` + s.src[start+1:s.i-1] + `"`)
		if err != nil || s.src[start] == '\'' {
			k = s.src[start+1 : s.i-1]
		}
		return k
	}
	start := s.i
	for !s.eof() && isBareKeyByte(s.peek()) {
		s.next()
	}
	return s.src[start:s.i]
}

func isBareKeyByte(c byte) bool {
	return c == '_' || c == '-' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
}

func (s *posScanner) value(path string) {
	if s.eof() {
		return
	}
	switch s.peek() {
	case '"', '\'':
		s.str()
	case '[':
		s.array(path)
	case '{':
		s.inlineTable(path)
	default:
		for !s.eof() && !strings.ContainsRune(",]}\n#", rune(s.peek())) {
			s.next()
		}
	}
}

func (s *posScanner) array(path string) {
	s.next() // [
	for n := 0; ; n++ {
		s.skipSpace()
		if s.eof() {
			return
		}
		if s.peek() == ']' {
			s.next()
			return
		}
		elem := path + "[" + strconv.Itoa(n) + "]"
		before := s.i
		s.record(elem, s.here())
		s.value(elem)
		s.ensureProgress(before)
		s.skipSpace()
		if !s.eof() && s.peek() == ',' {
			s.next()
		}
	}
}

func (s *posScanner) inlineTable(path string) {
	s.next() // {
	for {
		s.skipSpace()
		if s.eof() {
			return
		}
		switch s.peek() {
		case '}':
			s.next()
			return
		case ',':
			s.next()
		default:
			before := s.i
			s.keyValue(path)
			s.ensureProgress(before)
		}
	}
}

// str skips a basic, literal or multi-line string.
func (s *posScanner) str() {
	q := s.peek()
	delim := string(q)
	if strings.HasPrefix(s.src[s.i:], strings.Repeat(delim, 3)) {
		delim = strings.Repeat(delim, 3)
	}
	for range len(delim) {
		s.next()
	}
	for !s.eof() {
		if q == '"' && s.peek() == '\\' {
			s.next()
			if !s.eof() {
				s.next()
			}
			continue
		}
		if strings.HasPrefix(s.src[s.i:], delim) {
			for range len(delim) {
				s.next()
			}
			// A multi-line string may end with up to two extra quotes.
			for len(delim) == 3 && !s.eof() && s.peek() == q {
				s.next()
			}
			return
		}
		s.next()
	}
}

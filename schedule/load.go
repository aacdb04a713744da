package schedule

import (
	"errors"
	"fmt"
	"regexp"
	"sort"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/BurntSushi/toml"
)

// The schedule file as written. Fields are kept as the organiser typed them
// so that validation can say exactly what is wrong with each.
type fileSchedule struct {
	Event      fileEvent       `toml:"event"`
	Rooms      []fileRoom      `toml:"rooms"`
	Tracks     []fileTrack     `toml:"tracks"`
	Blocks     []fileBlock     `toml:"blocks"`
	Talks      fileTalks       `toml:"talks"`
	OpenSpace  fileOpenSpace   `toml:"openspace"`
	Limits     fileLimits      `toml:"limits"`
	Organisers []fileOrganiser `toml:"organisers"`
}

type fileEvent struct {
	Slug         string   `toml:"slug"`
	Name         string   `toml:"name"`
	Series       string   `toml:"series"`
	Date         string   `toml:"date"`
	Zone         string   `toml:"zone"`
	DisplayZones []string `toml:"display_zones"`
	Links        Links    `toml:"links"`
}

type fileRoom struct {
	ID   string `toml:"id"`
	Name string `toml:"name"`
	Link string `toml:"link"`
}

type fileTrack struct {
	ID          string `toml:"id"`
	Name        string `toml:"name"`
	Room        string `toml:"room"`
	ReservedFor string `toml:"reserved_for"`
}

type fileBlock struct {
	ID          string `toml:"id"`
	Title       string `toml:"title"`
	Kind        string `toml:"kind"`
	Date        string `toml:"date"`
	Start       string `toml:"start"`
	End         string `toml:"end"`
	Zone        string `toml:"zone"`
	Room        string `toml:"room"`
	SlotMinutes int    `toml:"slot_minutes"`
}

type fileTalks struct {
	Minutes           int      `toml:"minutes"`
	MaxMinutes        int      `toml:"max_minutes"`
	ChangeoverMinutes int      `toml:"changeover_minutes"`
	Tools             []string `toml:"tools"`
}

type fileOpenSpace struct {
	SlotMinutes              int  `toml:"slot_minutes"`
	DotsPerPerson            int  `toml:"dots_per_person"`
	VotesRequireRegistration bool `toml:"votes_require_registration"`
}

type fileLimits struct {
	HandshakeTimeout time.Duration `toml:"handshake_timeout"`
	IdleTimeout      time.Duration `toml:"idle_timeout"`
	MaxSession       time.Duration `toml:"max_session"`
	Sessions         int           `toml:"sessions"`
	SessionsPerKey   int           `toml:"sessions_per_key"`
	WriteBurst       int           `toml:"write_burst"`
	WriteEvery       time.Duration `toml:"write_every"`
	TalksPerPerson   int           `toml:"talks_per_person"`
	TopicsPerPerson  int           `toml:"topics_per_person"`
	NameMax          int           `toml:"name_max"`
	TitleMax         int           `toml:"title_max"`
	AbstractMax      int           `toml:"abstract_max"`
	NoteMax          int           `toml:"note_max"`
	URLMax           int           `toml:"url_max"`
}

type fileOrganiser struct {
	Name string `toml:"name"`
	Key  string `toml:"key"`
}

// DefaultDisplayZones are shown when a schedule names none.
var DefaultDisplayZones = []string{"Europe/London", "America/New_York", "America/Los_Angeles"}

// DefaultTools are the compiler tools compilepython.com covers.
var DefaultTools = []string{"cython", "mypyc", "codon", "shedskin", "mojo", "nuitka", "pypy", "numba", "pythran", "other"}

func defaultFile() fileSchedule {
	l := DefaultLimits()
	return fileSchedule{
		Talks:     fileTalks{Minutes: 5, MaxMinutes: 10, ChangeoverMinutes: 1},
		OpenSpace: fileOpenSpace{SlotMinutes: 45, DotsPerPerson: 5},
		Limits: fileLimits{
			HandshakeTimeout: l.HandshakeTimeout, IdleTimeout: l.IdleTimeout, MaxSession: l.MaxSession,
			Sessions: l.Sessions, SessionsPerKey: l.SessionsPerKey, WriteBurst: l.WriteBurst, WriteEvery: l.WriteEvery,
			TalksPerPerson: l.TalksPerPerson, TopicsPerPerson: l.TopicsPerPerson,
			NameMax: l.NameMax, TitleMax: l.TitleMax, AbstractMax: l.AbstractMax, NoteMax: l.NoteMax, URLMax: l.URLMax,
		},
	}
}

// Parse reads and validates a schedule. name is used in error positions.
// The error is Problems listing everything wrong, or one Problem for a file
// that is not valid TOML at all.
func Parse(name string, data []byte) (*Event, error) {
	f := defaultFile()
	md, err := toml.Decode(string(data), &f)
	if err != nil {
		return nil, Problems{decodeProblem(name, string(data), err)}
	}
	v := &validator{file: name, pos: locateKeys(name, string(data))}
	v.unknownKeys(md.Undecoded())
	ev := v.event(&f)
	if len(v.problems) > 0 {
		sort.SliceStable(v.problems, func(i, j int) bool { return v.problems[i].Pos.before(v.problems[j].Pos) })
		return nil, v.problems
	}
	return ev, nil
}

var lastKeyRe = regexp.MustCompile(`^toml: (?:line \d+ )?\(last key "([^"]*)"\): `)

// decodeProblem turns the TOML library's error into a Problem with a position.
func decodeProblem(name, src string, err error) Problem {
	var pe toml.ParseError
	if errors.As(err, &pe) {
		return Problem{Pos: syntaxPosition(name, src, pe), Path: pe.LastKey, Msg: pe.Message}
	}
	// Type mismatches come as plain errors naming the last key.
	msg := err.Error()
	if m := lastKeyRe.FindStringSubmatch(msg); m != nil {
		key := m[1]
		msg = strings.TrimPrefix(msg, m[0])
		msg = strings.Replace(msg, "incompatible types: TOML value has type ", "wrong type: the value is a TOML ", 1)
		msg = strings.Replace(msg, "; destination has type ", " but must be of type ", 1)
		return Problem{Pos: locateKeys(name, src).lookup(key), Path: key, Msg: msg}
	}
	return Problem{Pos: Position{File: name}, Msg: strings.TrimPrefix(msg, "toml: ")}
}

// syntaxPosition is where a syntax error is. The library puts an unexpected
// end of line at the start of the next line; people look for it at the end
// of the line they wrote.
func syntaxPosition(name, src string, pe toml.ParseError) Position {
	p := Position{File: name, Line: pe.Position.Line, Col: pe.Position.Col}
	if strings.Contains(pe.Message, `'\n'`) && p.Line > 1 {
		lines := strings.Split(src, "\n")
		p.Line--
		p.Col = utf8.RuneCountInString(lines[p.Line-1]) + 1
	}
	return p
}

// ErrorsReport formats err for people: each problem on its own line.
func ErrorsReport(err error) string {
	var ps Problems
	if errors.As(err, &ps) {
		found := "1 problem found"
		if len(ps) != 1 {
			found = fmt.Sprintf("%d problems found", len(ps))
		}
		return ps.Error() + "\n" + found
	}
	return ErrorMessage(err)
}

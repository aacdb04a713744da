package export

import (
	"cmp"
	"encoding/csv"
	"fmt"
	"io"
	"maps"
	"slices"
	"strings"

	"github.com/lightningcamp/camp/schedule"
)

// zoomCSVHeader is exactly what Zoom's breakout-room pre-assignment expects.
var zoomCSVHeader = []string{"Pre-assign Room Name", "Email Address"}

// WriteZoomCSV writes zoom-breakout-rooms.csv for one open-space slot (see
// Options.BreakoutSlot). Zoom pre-assigns each email to one room, so each
// person appears once: in the room of the topic they lead, else of the
// leftmost topic in that slot they voted for. Only people whose key is
// linked to a registration that still holds a ticket have an email here;
// ZoomLeftOut lists the others. A camp without open space gets just the
// header.
func WriteZoomCSV(w io.Writer, c Camp, opt Options) error {
	rows, _, err := zoomAssignment(c, opt)
	if err != nil {
		return err
	}
	cw := csv.NewWriter(w)
	if err := cw.Write(zoomCSVHeader); err != nil {
		return err
	}
	for _, row := range rows {
		if err := cw.Write(mapSlice(row, spreadsheetSafe)); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

// spreadsheetSafe is the last line of defence against CSV injection: room
// names (checked by camp check) and emails (checked on import) never start
// with a formula character, but if one ever does, it is prefixed with an
// apostrophe as OWASP advises, so Excel and LibreOffice show it as text.
func spreadsheetSafe(cell string) string {
	if schedule.LooksLikeFormula(cell) {
		return "'" + cell
	}
	return cell
}

// LeftOut is someone who leads a topic or voted in the breakout slot but
// has no row in the Zoom file, and why.
type LeftOut struct {
	PersonID int64
	Name     string
	Room     string // the room they would have been pre-assigned to
	Reason   string
}

// ZoomLeftOut lists the people of the breakout slot the Zoom file leaves
// out, by id: they will have to choose their room themselves unless an
// organiser links them.
func ZoomLeftOut(c Camp, opt Options) ([]LeftOut, error) {
	_, left, err := zoomAssignment(c, opt)
	return left, err
}

// WriteZoomLeftOut writes zoom-unassigned.txt: who is left out of the Zoom
// file and how to bring them in.
func WriteZoomLeftOut(w io.Writer, c Camp, opt Options) error {
	left, err := ZoomLeftOut(c, opt)
	if err != nil {
		return err
	}
	_, err = io.WriteString(w, LeftOutText(left))
	return err
}

// LeftOutText explains the left-out list, one person a line, with the
// commands that link a key to a registration.
func LeftOutText(left []LeftOut) string {
	if len(left) == 0 {
		return "Everyone who leads a topic or voted in this slot is in zoom-breakout-rooms.csv.\n"
	}
	var b strings.Builder
	fmt.Fprintf(&b, "%d %s not in zoom-breakout-rooms.csv, so Zoom will not pre-assign them:\n",
		len(left), plural(len(left), "person is", "people are"))
	for _, l := range left {
		fmt.Fprintf(&b, "- %s (person %d), for %s: %s\n", oneLine(l.Name), l.PersonID, oneLine(l.Room), l.Reason)
	}
	b.WriteString("To link someone: they run `link EMAIL` over SSH with the email they registered with,\n" +
		"then an organiser runs `camp link confirm CODE` with the code they are given. Export again afterwards.\n")
	return b.String()
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// zoomAssignment pairs the people of the breakout slot with rooms: the rows
// of the Zoom file, and who is left out.
func zoomAssignment(c Camp, opt Options) ([][]string, []LeftOut, error) {
	if err := c.check(); err != nil {
		return nil, nil, err
	}
	v := newView(c)
	slot, ok, err := v.breakoutSlot(opt.BreakoutSlot)
	if err != nil || !ok {
		return nil, nil, err
	}
	rows, left := v.breakoutRows(slot)
	return rows, left, nil
}

// breakoutSlot resolves Options.BreakoutSlot: a slot id, a block id (its
// first slot), or by default the first slot with a placed topic, else the
// first open-space slot of the day. ok is false when there is no open space.
func (v *campView) breakoutSlot(choice string) (slot schedule.Slot, ok bool, err error) {
	if choice != "" {
		if s, found := v.slots[choice]; found {
			return s, true, nil
		}
		if b, found := v.ev.Block(choice); found && len(b.Slots()) > 0 {
			return b.Slots()[0], true, nil
		}
		return slot, false, schedule.Errorf(schedule.EINVALID,
			"breakout slot %q: name an open-space slot (BLOCK/INDEX, e.g. eu-openspace-1/2) or an open-space block", choice)
	}
	if len(v.topics) > 0 {
		return v.topicSlot(v.topics[0]), true, nil // topics are sorted by slot time
	}
	for _, b := range v.ev.Blocks {
		if s := b.Slots(); len(s) > 0 {
			return s[0], true, nil
		}
	}
	return slot, false, nil
}

// breakoutRows pairs each person of the slot with one room, sorted by room
// (board order) then email, and lists who has no row.
func (v *campView) breakoutRows(slot schedule.Slot) ([][]string, []LeftOut) {
	topics := filter(v.topics, func(t schedule.Topic) bool { return t.Slot == slot.ID() })
	roomOf := map[int64]string{} // person id -> room name
	for _, t := range topics {
		if _, taken := roomOf[t.LeaderID]; !taken {
			_, room := v.topicRoom(t)
			roomOf[t.LeaderID] = room.Name
		}
	}
	for person, topic := range v.favouriteTopics(topics) {
		if _, leads := roomOf[person]; !leads {
			_, room := v.topicRoom(topic)
			roomOf[person] = room.Name
		}
	}
	return v.uniqueEmailRows(roomOf)
}

// favouriteTopics is, for each voter, the first topic in board order
// among topics that they put a dot on.
func (v *campView) favouriteTopics(topics []schedule.Topic) map[int64]schedule.Topic {
	best := map[int64]schedule.Topic{}
	for _, t := range topics {
		for _, vote := range v.camp.Votes {
			if _, chosen := best[vote.PersonID]; vote.TopicID == t.ID && !chosen {
				best[vote.PersonID] = t
			}
		}
	}
	return best
}

// uniqueEmailRows turns person→room into CSV rows, one per email: two
// people sharing an email (a couple on one registration) get the room of
// the first by id; the second is left out, saying so.
func (v *campView) uniqueEmailRows(roomOf map[int64]string) ([][]string, []LeftOut) {
	ids := slices.Sorted(maps.Keys(roomOf))
	seen := map[string]int64{}
	var rows [][]string
	var left []LeftOut
	for _, id := range ids {
		email, why := v.emailOf(id)
		key := strings.ToLower(email)
		if first, dup := seen[key]; email != "" && dup {
			why = fmt.Sprintf("shares the email of %s (person %d), who has the row", oneLine(v.people[first].Name), first)
		} else if email != "" {
			seen[key] = id
			rows = append(rows, []string{roomOf[id], email})
			continue
		}
		left = append(left, LeftOut{PersonID: id, Name: v.people[id].Name, Room: roomOf[id], Reason: why})
	}
	order := map[string]int{}
	for i, r := range v.ev.Rooms {
		order[r.Name] = i
	}
	slices.SortFunc(rows, func(a, b []string) int {
		return cmp.Or(cmp.Compare(order[a[0]], order[b[0]]), cmp.Compare(strings.ToLower(a[1]), strings.ToLower(b[1])))
	})
	return rows, left
}

// emailOf is a person's email for Zoom: the one linked to their key
// through the link flow (never guessed from their display name, which
// anyone can choose), and only while a registration with that email still
// holds a ticket. Otherwise it says why there is none.
func (v *campView) emailOf(id int64) (email, why string) {
	p, ok := v.people[id]
	if !ok {
		return "", "unknown person"
	}
	email = strings.TrimSpace(p.Email)
	if email == "" {
		return "", "no registration linked to their key"
	}
	if err := schedule.CheckEmail(email); err != nil {
		return "", "their linked email is not usable: " + err.Error()
	}
	status := ""
	for _, r := range v.camp.Registrations {
		if strings.EqualFold(strings.TrimSpace(r.Email), email) {
			if r.Attending() {
				return email, ""
			}
			status = r.Status
		}
	}
	if status != "" {
		return "", fmt.Sprintf("their registration is %s", status)
	}
	return "", "their linked email has no registration (re-import the attendee report?)"
}

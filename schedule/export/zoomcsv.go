package export

import (
	"cmp"
	"encoding/csv"
	"io"
	"maps"
	"net/mail"
	"slices"
	"strings"

	"github.com/lightningcamp/camp/schedule"
)

// zoomCSVHeader is exactly what Zoom's breakout-room pre-assignment expects.
var zoomCSVHeader = []string{"Pre-assign Room Name", "Email Address"}

// WriteZoomCSV writes zoom-breakout-rooms.csv for one open-space slot (see
// Options.BreakoutSlot). Zoom pre-assigns each email to one room, so each
// person appears once: in the room of the topic they lead, else of the
// leftmost topic in that slot they voted for. People without a known email are left out: they choose a room
// themselves. A camp without open space gets just the header.
func WriteZoomCSV(w io.Writer, c Camp, opt Options) error {
	if err := c.check(); err != nil {
		return err
	}
	v := newView(c)
	slot, ok, err := v.breakoutSlot(opt.BreakoutSlot)
	if err != nil {
		return err
	}
	cw := csv.NewWriter(w)
	if err := cw.Write(zoomCSVHeader); err != nil {
		return err
	}
	if ok {
		for _, row := range v.breakoutRows(slot) {
			if err := cw.Write(row); err != nil {
				return err
			}
		}
	}
	cw.Flush()
	return cw.Error()
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
// (board order) then email.
func (v *campView) breakoutRows(slot schedule.Slot) [][]string {
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
// the first by id.
func (v *campView) uniqueEmailRows(roomOf map[int64]string) [][]string {
	ids := slices.Sorted(maps.Keys(roomOf))
	seen := map[string]bool{}
	var rows [][]string
	for _, id := range ids {
		email := v.emailOf(id)
		if key := strings.ToLower(email); email != "" && !seen[key] {
			seen[key] = true
			rows = append(rows, []string{roomOf[id], email})
		}
	}
	order := map[string]int{}
	for i, r := range v.ev.Rooms {
		order[r.Name] = i
	}
	slices.SortFunc(rows, func(a, b []string) int {
		return cmp.Or(cmp.Compare(order[a[0]], order[b[0]]), cmp.Compare(strings.ToLower(a[1]), strings.ToLower(b[1])))
	})
	return rows
}

// emailOf is a person's email: only the one linked to their key, through
// `link EMAIL` and an organiser's `link confirm CODE`. Display names are
// never matched to registrations: anyone can choose any name, so a name
// match would hand a registrant's email (and room) to whoever joined under
// their name first.
func (v *campView) emailOf(id int64) string {
	p, ok := v.people[id]
	if !ok {
		return ""
	}
	if email := strings.TrimSpace(p.Email); validEmail(email) {
		return email
	}
	return ""
}

// validEmail accepts a bare address (no display name, no angle brackets).
func validEmail(s string) bool {
	addr, err := mail.ParseAddress(s)
	return err == nil && addr.Address == s && addr.Name == ""
}

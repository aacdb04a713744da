package schedule

import (
	"sort"
	"strings"
)

// Slot returns the open-space slot with the given id (BLOCK/N).
func (e *Event) Slot(id string) (Slot, bool) {
	blockID, _, ok := strings.Cut(id, "/")
	if !ok {
		return Slot{}, false
	}
	b, ok := e.Block(blockID)
	if !ok {
		return Slot{}, false
	}
	for _, s := range b.Slots() {
		if s.ID() == id {
			return s, true
		}
	}
	return Slot{}, false
}

// CheckPlacement says whether topic may go into the (track, slot) cell given
// the topics already on the board. The rules: the cell exists and is free, a
// reserved track only takes topics tagged for it, and nobody leads two
// topics at the same time.
func (e *Event) CheckPlacement(topic Topic, trackID, slotID string, board []Topic) error {
	track, ok := e.Track(trackID)
	if !ok {
		return Errorf(ENOTFOUND, "no track %q: tracks are %s", trackID, e.trackIDs())
	}
	slot, ok := e.Slot(slotID)
	if !ok {
		return Errorf(ENOTFOUND, "no open-space slot %q: slots are written BLOCK/N, e.g. %s", slotID, e.firstSlotID())
	}
	if topic.Status == TopicWithdrawn {
		return Errorf(ECONFLICT, "topic %d was withdrawn", topic.ID)
	}
	if track.ReservedFor != "" && !topic.HasTag(track.ReservedFor) {
		return Errorf(ECONFLICT, "track %q is reserved for topics tagged %q", track.Name, track.ReservedFor)
	}
	for _, other := range board {
		if other.ID == topic.ID || other.Status != TopicPlaced {
			continue
		}
		if other.Track == trackID && other.Slot == slotID {
			return Errorf(ECONFLICT, "%s in slot %s is taken by topic %d %q", track.Name, slotID, other.ID, other.Title)
		}
		if other.LeaderID == topic.LeaderID && e.slotsOverlap(other.Slot, slot) {
			return Errorf(ECONFLICT, "%s already leads topic %d %q at that time", topic.Leader, other.ID, other.Title)
		}
	}
	return nil
}

func (e *Event) slotsOverlap(otherID string, s Slot) bool {
	o, ok := e.Slot(otherID)
	return ok && o.Start.Before(s.End) && s.Start.Before(o.End)
}

func (e *Event) trackIDs() string {
	ids := make([]string, len(e.Tracks))
	for i, t := range e.Tracks {
		ids[i] = t.ID
	}
	return strings.Join(ids, ", ")
}

func (e *Event) firstSlotID() string {
	for _, b := range e.Blocks {
		if s := b.Slots(); len(s) > 0 {
			return s[0].ID()
		}
	}
	return "BLOCK/1"
}

// Placement is a topic put into a board cell.
type Placement struct {
	TopicID int64  `json:"topic_id"`
	Track   string `json:"track"`
	Slot    string `json:"slot"`
}

// SuggestBoard fills the free cells of an open-space block from the votes:
// the most-voted unplaced topics first (older first on a tie), each into the
// earliest free cell that the placement rules allow. It changes nothing; the
// organiser sees the plan before applying it.
func (e *Event) SuggestBoard(blockID string, topics []Topic) []Placement {
	b, ok := e.Block(blockID)
	if !ok || b.Kind != KindOpenSpace {
		return nil
	}
	board := append([]Topic(nil), topics...)
	candidates := unplacedByVotes(board)
	var plan []Placement
	for _, t := range candidates {
		if p, ok := e.firstFreeCell(b, t, board); ok {
			plan = append(plan, p)
			t.Status, t.Track, t.Slot = TopicPlaced, p.Track, p.Slot
			board = append(board, t)
		}
	}
	return plan
}

func unplacedByVotes(topics []Topic) []Topic {
	var open []Topic
	for _, t := range topics {
		if t.Status == TopicOpen {
			open = append(open, t)
		}
	}
	sort.SliceStable(open, func(i, j int) bool {
		if open[i].Votes != open[j].Votes {
			return open[i].Votes > open[j].Votes
		}
		return open[i].ID < open[j].ID
	})
	return open
}

// firstFreeCell tries slots in time order and, within a slot, the reserved
// tracks first so that tagged topics do not take the general tracks' cells.
func (e *Event) firstFreeCell(b Block, t Topic, board []Topic) (Placement, bool) {
	tracks := append([]Track(nil), e.Tracks...)
	sort.SliceStable(tracks, func(i, j int) bool { return tracks[i].ReservedFor != "" && tracks[j].ReservedFor == "" })
	for _, s := range b.Slots() {
		for _, tr := range tracks {
			if e.CheckPlacement(t, tr.ID, s.ID(), board) == nil {
				return Placement{TopicID: t.ID, Track: tr.ID, Slot: s.ID()}, true
			}
		}
	}
	return Placement{}, false
}

package schedule

import "time"

// AnnouncementExpiry is when an announcement made at now stops being shown
// unless the organiser chooses otherwise: at the end of the block under
// way, else of the next block within 12 hours, else an hour later.
func (e *Event) AnnouncementExpiry(now time.Time) time.Time {
	b, ok := e.announcementBlock(now)
	if !ok {
		return now.Add(time.Hour)
	}
	return b.End
}

// announcementBlock is the block an announcement made at now lasts for.
func (e *Event) announcementBlock(now time.Time) (Block, bool) {
	var next Block
	found := false
	for _, b := range e.Blocks {
		if b.Contains(now) {
			return b, true
		}
		if b.Start.After(now) && b.Start.Sub(now) < 12*time.Hour && (!found || b.Start.Before(next.Start)) {
			next, found = b, true
		}
	}
	return next, found
}

// AnnouncementBlock names the block whose end AnnouncementExpiry gives, for
// forms that offer it ("until the end of Lightning talks I"); false when
// the default is an hour.
func (e *Event) AnnouncementBlock(now time.Time) (Block, bool) { return e.announcementBlock(now) }

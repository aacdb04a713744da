package store

import (
	"context"

	"github.com/lightningcamp/camp/schedule"
)

var _ schedule.GuideService = (*Camp)(nil)

// SeriesReports lists the visible experience reports of every camp of this
// camp's series in the database (what the compiler-tool guide is built
// from), oldest first, each with the camp it was written at. Visibility is
// the same as Reports': hidden reports are left out.
func (c *Camp) SeriesReports(ctx context.Context) ([]schedule.SeriesReport, error) {
	rows, err := c.db.reader.QueryContext(ctx, `SELECT `+reportColumns+`, e.slug, e.name
		FROM reports r JOIN people p ON p.id = r.author_id JOIN events e ON e.id = r.event_id
		WHERE e.series = (SELECT series FROM events WHERE id = ?) AND r.hidden = 0
		ORDER BY r.created_at, r.id`, c.eventID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []schedule.SeriesReport
	for rows.Next() {
		var sr schedule.SeriesReport
		var camp, name string
		r, err := scanReport(scanTail{rows, []any{&camp, &name}})
		if err != nil {
			return nil, err
		}
		sr.Report, sr.Camp, sr.CampName = r, camp, name
		out = append(out, sr)
	}
	return out, rows.Err()
}

// scanTail scans a row whose first columns a scan function knows and whose
// last ones go to tail.
type scanTail struct {
	row  interface{ Scan(...any) error }
	tail []any
}

func (s scanTail) Scan(dest ...any) error { return s.row.Scan(append(dest, s.tail...)...) }

package store

import (
	"context"
	"strings"

	"github.com/lightningcamp/camp/schedule"
)

var _ schedule.GuideService = (*Camp)(nil)

// SeriesReports lists the visible experience reports of every camp of this
// camp's series in the database (what the compiler-tool guide is built
// from), oldest first, each with the camp it was written at. The guide is
// public, so it holds what everyone may see: hidden reports are left out,
// and so are reports on a talk that is not on the public programme (a
// proposal, a rejected or withdrawn talk) or on a withdrawn topic.
//
// The list is cached until the database changes (any camp's write, or
// another process's), so a crowd opening the guide costs one query.
func (c *Camp) SeriesReports(ctx context.Context) ([]schedule.SeriesReport, error) {
	return c.series.get(c.db.gen.Load(), func() ([]schedule.SeriesReport, error) { return c.querySeriesReports(ctx) })
}

// seriesReportsQuery applies the visibility rule (schedule.Viewer) for
// someone who is neither an organiser nor an author, in SQL.
var seriesReportsQuery = `SELECT ` + reportColumns + `, e.slug, e.name
		FROM reports r JOIN people p ON p.id = r.author_id JOIN events e ON e.id = r.event_id
		WHERE e.series = (SELECT series FROM events WHERE id = ?) AND r.hidden = 0
		AND NOT EXISTS (SELECT 1 FROM talks t WHERE r.target_kind = 'talk' AND t.id = r.target_id AND t.status NOT IN (` + sqlStrings(schedule.PublicTalkStatuses) + `))
		AND NOT EXISTS (SELECT 1 FROM topics t WHERE r.target_kind = 'topic' AND t.id = r.target_id AND t.status = '` + string(schedule.TopicWithdrawn) + `')
		ORDER BY r.created_at, r.id`

// sqlStrings is a list of SQL string literals. Only for the schedule's own
// constants: nothing quoted here comes from a person.
func sqlStrings[S ~string](values []S) string {
	quoted := make([]string, len(values))
	for i, v := range values {
		quoted[i] = "'" + string(v) + "'"
	}
	return strings.Join(quoted, ", ")
}

func (c *Camp) querySeriesReports(ctx context.Context) ([]schedule.SeriesReport, error) {
	rows, err := c.db.reader.QueryContext(ctx, seriesReportsQuery, c.eventID)
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

package store

import (
	"context"
	"encoding/json"
	"net/url"
	"slices"
	"sort"
	"strings"
	"time"

	"github.com/lightningcamp/camp/schedule"
)

const talkColumns = `t.id, t.speaker_id, p.name, t.title, t.abstract, t.minutes, t.links, t.tools, t.tags, t.can_make,
	t.block, t.position, t.status, t.started_at, t.finished_at, t.created_at, t.updated_at, t.approved_version`

const talkFrom = ` FROM talks t JOIN people p ON p.id = t.speaker_id `

func (c *Camp) scanTalk(row interface{ Scan(...any) error }) (schedule.Talk, error) {
	t := schedule.Talk{Event: c.ev.Slug}
	var links, tools, tags, canMake, status, approved string
	var started, finished, created, updated int64
	err := row.Scan(&t.ID, &t.SpeakerID, &t.Speaker, &t.Title, &t.Abstract, &t.Minutes, &links, &tools, &tags, &canMake,
		&t.Block, &t.Position, &status, &started, &finished, &created, &updated, &approved)
	if err == nil && approved != "" {
		t.EditedAfterApproval = new(schedule.ApprovedVersion)
		err = json.Unmarshal([]byte(approved), t.EditedAfterApproval)
	}
	t.Links, t.Tools, t.Tags, t.CanMake = splitList(links), splitList(tools), splitList(tags), splitList(canMake)
	t.Status = schedule.TalkStatus(status)
	t.StartedAt, t.FinishedAt, t.CreatedAt, t.UpdatedAt = fromMS(started), fromMS(finished), fromMS(created), fromMS(updated)
	return t, err
}

func (c *Camp) talk(ctx context.Context, q queryer, id int64) (schedule.Talk, error) {
	t, err := c.scanTalk(q.QueryRowContext(ctx, `SELECT `+talkColumns+talkFrom+`WHERE t.id = ? AND t.event_id = ?`, id, c.eventID))
	return t, noRows(err, "talk", id)
}

// Talk returns one talk of this camp.
func (c *Camp) Talk(ctx context.Context, id int64) (schedule.Talk, error) {
	return c.talk(ctx, c.db.reader, id)
}

// Talks lists talks in schedule order: by block as the day runs, then queue
// position (unqueued last), then age.
func (c *Camp) Talks(ctx context.Context, f schedule.TalkFilter) ([]schedule.Talk, error) {
	all, err := c.talks.get(c.db.gen.Load(), func() ([]schedule.Talk, error) { return c.loadTalks(ctx) })
	if err != nil {
		return nil, err
	}
	return slices.DeleteFunc(all, func(t schedule.Talk) bool { return !f.Matches(t) }), nil
}

func (c *Camp) loadTalks(ctx context.Context) ([]schedule.Talk, error) {
	rows, err := c.db.reader.QueryContext(ctx, `SELECT `+talkColumns+talkFrom+`WHERE t.event_id = ? ORDER BY t.id`, c.eventID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var talks []schedule.Talk
	for rows.Next() {
		t, err := c.scanTalk(rows)
		if err != nil {
			return nil, err
		}
		talks = append(talks, t)
	}
	c.sortTalks(talks)
	return talks, rows.Err()
}

func (c *Camp) sortTalks(talks []schedule.Talk) {
	order := map[string]int{}
	for i, b := range c.ev.Blocks {
		order[b.ID] = i
	}
	sort.SliceStable(talks, func(i, j int) bool {
		a, b := talks[i], talks[j]
		if a.Block != b.Block {
			return order[a.Block] < order[b.Block]
		}
		if (a.Position == 0) != (b.Position == 0) {
			return b.Position == 0
		}
		return a.Position < b.Position
	})
}

// talkInput is a cleaned proposal.
type talkInput struct {
	title, abstract             string
	minutes                     int
	links, tools, tags, canMake []string
}

func (c *Camp) cleanProposal(p schedule.TalkProposal) (talkInput, error) {
	l := c.ev.Limits
	var in talkInput
	var err error
	if in.title, err = cleanLine("title", p.Title, l.TitleMax, true); err != nil {
		return in, err
	}
	if in.abstract, err = cleanText("abstract", p.Abstract, l.AbstractMax, false); err != nil {
		return in, err
	}
	if in.minutes, err = c.talkMinutes(p.Minutes); err != nil {
		return in, err
	}
	if in.links, err = cleanLinks(p.Links, l.URLMax); err != nil {
		return in, err
	}
	if in.tools, err = c.cleanTools(p.Tools); err != nil {
		// A talk has free tags too; a report has only its one tool.
		return in, schedule.Errorf(schedule.EINVALID, "%s (or add it as a free tag)", schedule.ErrorMessage(err))
	}
	if in.tags, err = cleanTags("tags", p.Tags, 32); err != nil {
		return in, err
	}
	in.canMake, err = c.cleanBlocks(p.CanMake)
	return in, err
}

func (c *Camp) talkMinutes(m int) (int, error) {
	max := int(c.ev.Talks.MaxLength / time.Minute)
	switch {
	case m == 0:
		return int(c.ev.Talks.Length / time.Minute), nil
	case m < 1 || m > max:
		return 0, schedule.Errorf(schedule.EINVALID, "a lightning talk lasts 1 to %d minutes, not %d", max, m)
	}
	return m, nil
}

func cleanLinks(links []string, max int) ([]string, error) {
	if len(links) > 5 {
		return nil, schedule.Errorf(schedule.EINVALID, "at most 5 links")
	}
	var out []string
	for _, raw := range links {
		s, err := cleanLine("link", raw, max, false)
		if err != nil {
			return nil, err // refused, never cut or dropped
		}
		if s == "" {
			continue
		}
		if err := checkURL(s); err != nil {
			return nil, err
		}
		out = append(out, s)
	}
	return out, nil
}

func checkURL(s string) error {
	u, err := url.Parse(s)
	if err != nil || (u.Scheme != "https" && u.Scheme != "http") || u.Host == "" {
		return schedule.Errorf(schedule.EINVALID, "%q is not a web address: write it in full, starting with https://", s)
	}
	return nil
}

func (c *Camp) cleanTools(tools []string) ([]string, error) {
	var out []string
	for _, raw := range tools {
		t := strings.ToLower(strings.TrimSpace(raw))
		if t == "" || containsString(out, t) {
			continue
		}
		if !c.ev.HasTool(t) {
			return nil, schedule.Errorf(schedule.EINVALID, "unknown compiler tool %q: use one of %s",
				truncateForMessage(t), strings.Join(c.ev.Talks.Tools, ", "))
		}
		out = append(out, t)
	}
	return out, nil
}

func truncateForMessage(s string) string {
	if r := []rune(s); len(r) > 40 {
		return string(r[:40]) + "..."
	}
	return s
}

func (c *Camp) cleanBlocks(ids []string) ([]string, error) {
	var out []string
	for _, id := range ids {
		id = strings.TrimSpace(id)
		if id == "" || containsString(out, id) {
			continue
		}
		if err := c.talksBlock(id); err != nil {
			return nil, err
		}
		out = append(out, id)
	}
	return out, nil
}

func (c *Camp) talksBlock(id string) error {
	if b, ok := c.ev.Block(id); ok && b.Kind == schedule.KindTalks {
		return nil
	}
	var ids []string
	for _, b := range c.ev.Blocks {
		if b.Kind == schedule.KindTalks {
			ids = append(ids, b.ID)
		}
	}
	return schedule.Errorf(schedule.EINVALID, "%q is not a lightning-talks block: use one of %s", truncateForMessage(id), strings.Join(ids, ", "))
}

// firstBlock is where a new proposal is queued: the first block the
// speaker can make that has not ended, else the first talks block left.
func (c *Camp) firstBlock(canMake []string, now time.Time) string {
	var fallback string
	for _, b := range c.ev.Blocks {
		if b.Kind != schedule.KindTalks || !b.End.After(now) {
			continue
		}
		if len(canMake) == 0 || containsString(canMake, b.ID) {
			return b.ID
		}
		if fallback == "" {
			fallback = b.ID
		}
	}
	if fallback == "" && len(canMake) > 0 {
		return canMake[0]
	}
	if fallback == "" {
		for _, b := range c.ev.Blocks {
			if b.Kind == schedule.KindTalks {
				return b.ID
			}
		}
	}
	return fallback
}

// ProposeTalk adds a lightning-talk proposal.
func (c *Camp) ProposeTalk(ctx context.Context, a schedule.Actor, p schedule.TalkProposal) (schedule.Talk, error) {
	in, err := c.cleanProposal(p)
	if err != nil {
		return schedule.Talk{}, err
	}
	var talk schedule.Talk
	err = c.write(ctx, a, func(t *tx) error {
		if err := t.authorize(schedule.PermContribute, 0); err != nil {
			return err
		}
		if err := t.checkQuota(`SELECT COUNT(*) FROM talks WHERE event_id = ? AND speaker_id = ? AND status NOT IN ('withdrawn', 'rejected')`,
			c.ev.Limits.TalksPerPerson, "talk proposals"); err != nil {
			return err
		}
		if err := t.checkDuplicateTalk(in.title, p.Force); err != nil {
			return err
		}
		now := t.now.UnixMilli()
		res, err := t.exec(`INSERT INTO talks (event_id, speaker_id, title, abstract, minutes, links, tools, tags, can_make, block, status, created_at, updated_at)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'proposed', ?, ?)`,
			c.eventID, t.me.ID, in.title, in.abstract, in.minutes, joinList(in.links), joinList(in.tools), joinList(in.tags),
			joinList(in.canMake), c.firstBlock(in.canMake, t.now), now, now)
		if err != nil {
			return err
		}
		id, _ := res.LastInsertId()
		return t.finishTalk(&talk, id, "propose_talk", in.title)
	})
	return talk, err
}

// checkQuota refuses a new item once a person has max of them. Organisers
// are not limited.
func (t *tx) checkQuota(countQuery string, max int, what string) error {
	if t.actor.Role == schedule.RoleOrganiser {
		return nil
	}
	var n int
	if err := t.QueryRowContext(t.ctx, countQuery, t.camp.eventID, t.me.ID).Scan(&n); err != nil {
		return err
	}
	if n >= max {
		return schedule.Errorf(schedule.ECONFLICT, "you already have %d %s, the most one person may have: withdraw one first", n, what)
	}
	return nil
}

// finishTalk reads the talk back, announces and audits the write.
func (t *tx) finishTalk(out *schedule.Talk, id int64, action, detail string) error {
	var err error
	if *out, err = t.camp.talk(t.ctx, t, id); err != nil {
		return err
	}
	t.changed(schedule.ChangeTalks, id)
	return t.audit(action, "talk:"+itoa(id), detail)
}

// EditTalk changes a proposal; speakers edit their own until it is given.
// A speaker's change to what organisers review (title, minutes, abstract,
// links) of an approved talk sends it back to review: it leaves the queue,
// and keeps what was approved so organisers see what changed. Organisers'
// own edits keep the talk approved.
func (c *Camp) EditTalk(ctx context.Context, a schedule.Actor, id int64, p schedule.TalkProposal) (schedule.Talk, error) {
	in, err := c.cleanProposal(p)
	if err != nil {
		return schedule.Talk{}, err
	}
	var talk schedule.Talk
	err = c.onTalk(ctx, a, id, schedule.PermEditOwn, func(t *tx, cur schedule.Talk) error {
		if cur.Status != schedule.TalkProposed && cur.Status != schedule.TalkApproved {
			return schedule.Errorf(schedule.ECONFLICT, "talk %d is %s and can no longer be edited", id, cur.Status)
		}
		_, err := t.exec(`UPDATE talks SET title = ?, abstract = ?, minutes = ?, links = ?, tools = ?, tags = ?, can_make = ?, updated_at = ? WHERE id = ?`,
			in.title, in.abstract, in.minutes, joinList(in.links), joinList(in.tools), joinList(in.tags), joinList(in.canMake), t.now.UnixMilli(), id)
		if err != nil {
			return err
		}
		edited := schedule.Talk{Title: in.title, Abstract: in.abstract, Minutes: in.minutes, Links: in.links}
		detail := in.title
		if changed := schedule.ReviewedChanges(cur, edited); len(changed) > 0 {
			if err := t.backToReview(cur, edited); err != nil {
				return err
			}
			if cur.Status == schedule.TalkApproved && t.actor.Role != schedule.RoleOrganiser {
				detail = "edited after approval (" + strings.Join(changed, ", ") + "): back to review"
			}
		}
		return t.finishTalk(&talk, id, "edit_talk", detail)
	})
	return talk, err
}

// backToReview handles a speaker's change to a talk's reviewed fields. An
// approved talk goes back to proposed, out of its queue, with what was
// approved kept; a talk already back in review keeps the version first
// approved and brings the list of changes up to date. Organisers' edits
// need no review.
func (t *tx) backToReview(cur, edited schedule.Talk) error {
	if t.actor.Role == schedule.RoleOrganiser {
		return nil
	}
	var approved schedule.ApprovedVersion
	switch {
	case cur.Status == schedule.TalkApproved:
		approved = schedule.ApprovedVersion{Title: cur.Title, Minutes: cur.Minutes, Abstract: cur.Abstract, Links: cur.Links}
		if _, err := t.exec(`UPDATE talks SET status = ?, position = 0 WHERE id = ?`, schedule.TalkProposed, cur.ID); err != nil {
			return err
		}
		if err := t.renumber(cur.Block); err != nil {
			return err
		}
	case cur.EditedAfterApproval != nil:
		approved = *cur.EditedAfterApproval
	default:
		return nil // never approved: nothing to compare with
	}
	was := schedule.Talk{Title: approved.Title, Minutes: approved.Minutes, Abstract: approved.Abstract, Links: approved.Links}
	approved.Changed, approved.EditedAt = schedule.ReviewedChanges(was, edited), t.now
	data, err := json.Marshal(approved)
	if err != nil {
		return err
	}
	_, err = t.exec(`UPDATE talks SET approved_version = ? WHERE id = ?`, string(data), cur.ID)
	return err
}

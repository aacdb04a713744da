package export

import (
	"slices"
	"testing"
	"time"
	_ "time/tzdata" // the same zone rules on every machine, so goldens match

	"github.com/lightningcamp/camp/schedule"
)

// hostileTitle holds everything that breaks naive YAML and Markdown.
const hostileTitle = `Cython: "fast" --- # @home ü 🚀`

func at(hhmm string) time.Time {
	t, err := time.Parse(time.RFC3339, "2026-03-28T"+hhmm+":00Z")
	if err != nil {
		panic(err)
	}
	return t
}

// seededCamp is the example schedule plus a day's worth of hand-made
// content: given, live, queued, rejected and proposed talks; placed, open
// and withdrawn topics; visible and hidden notes and reports; and text
// meant to break every format.
func seededCamp(t testing.TB) Camp {
	t.Helper()
	ev, err := schedule.Parse(schedule.ExampleName, schedule.Example())
	if err != nil {
		t.Fatal(err)
	}
	created := at("09:00")
	c := Camp{
		Event: ev,
		People: []schedule.Person{
			{ID: 1, Name: "Ada", Email: "ada@example.org", Fingerprint: "SHA256:adakey", Role: schedule.RoleAttendee},
			{ID: 2, Name: "Grace Hopper", Fingerprint: "SHA256:gracekey", Role: schedule.RoleAttendee},
			{ID: 3, Name: "Łukasz 🚀", Email: "lukasz@example.pl", Role: schedule.RoleAttendee},
			{ID: 4, Name: "Linus", Role: schedule.RoleAttendee},
			{ID: 5, Name: "Mallory <b>", Email: "mallory@example.com", Role: schedule.RoleAttendee},
			{ID: 6, Name: "Bob", Email: "ADA@example.org", Role: schedule.RoleAttendee},
		},
		Talks: []schedule.Talk{
			{ID: 1, SpeakerID: 1, Speaker: "Ada (old name)", Title: hostileTitle, Minutes: 5, Block: "eu-talks", Position: 1,
				Status: schedule.TalkDone, StartedAt: at("09:47"), FinishedAt: at("09:52"), Tools: []string{"cython"},
				Links:    []string{"https://github.com/ada/fast", "javascript:alert(1)"},
				Abstract: "<script>alert(1)</script>\n\n```{=html}\n<b>raw</b>\n```\n1. not a list\n* nor this\n\nSpeed: 10x -- maybe.", CreatedAt: created},
			{ID: 2, SpeakerID: 2, Speaker: "Grace Hopper", Title: "mypyc in production: what we learnt compiling a large web service",
				Minutes: 5, Block: "eu-talks", Position: 2, Status: schedule.TalkDone, StartedAt: at("09:53"), FinishedAt: at("09:58"),
				Tools: []string{"mypyc", "MyPyC"}, Abstract: "Compiling my_module with mypyc.", CreatedAt: created},
			{ID: 3, SpeakerID: 3, Speaker: "Łukasz 🚀", Title: "Codon & friends", Minutes: 5, Block: "am-talks", Position: 2,
				Status: schedule.TalkApproved, Tools: []string{"codon"}, CreatedAt: created},
			{ID: 4, SpeakerID: 4, Speaker: "Linus", Title: "Rejected talk", Minutes: 5, Block: "eu-talks", Status: schedule.TalkRejected, CreatedAt: created},
			{ID: 5, SpeakerID: 5, Speaker: "Mallory <b>", Title: "<img src=x onerror=alert(1)>", Minutes: 5, Block: "am-talks", Position: 1,
				Status: schedule.TalkLive, StartedAt: at("17:20"), CreatedAt: created},
			{ID: 6, SpeakerID: 1, Speaker: "Ada", Title: "Proposed idea", Minutes: 5, Status: schedule.TalkProposed, CreatedAt: created},
		},
		Topics: []schedule.Topic{
			{ID: 1, LeaderID: 1, Leader: "Ada", Title: "Compiling numpy code", Tags: []string{"compilepython", "Numba"}, Votes: 3,
				Status: schedule.TopicPlaced, Track: "a", Slot: "eu-openspace-1/1", Description: "Bring a kernel.", CreatedAt: created},
			{ID: 2, LeaderID: 2, Leader: "Grace Hopper", Title: "Type hints for speed: mypyc vs Cython", Votes: 3,
				Status: schedule.TopicPlaced, Track: "b", Slot: "eu-openspace-1/1", CreatedAt: created},
			{ID: 3, LeaderID: 3, Leader: "Łukasz 🚀", Title: "Open topic", Votes: 1, Status: schedule.TopicOpen, CreatedAt: created},
			{ID: 4, LeaderID: 5, Leader: "Mallory <b>", Title: "Withdrawn topic", Status: schedule.TopicWithdrawn, CreatedAt: created},
			{ID: 5, LeaderID: 4, Leader: "Linus", Title: "--- yaml: [breaker] ---", Votes: 1, Status: schedule.TopicPlaced,
				Track: "c", Slot: "am-openspace-1/2", CreatedAt: created},
		},
		Votes: []Vote{
			{TopicID: 1, PersonID: 2}, {TopicID: 1, PersonID: 3}, {TopicID: 1, PersonID: 4},
			{TopicID: 2, PersonID: 3}, {TopicID: 2, PersonID: 5}, {TopicID: 2, PersonID: 6},
			{TopicID: 5, PersonID: 1},
		},
		Notes: []schedule.NoteEntry{
			{ID: 1, Target: schedule.Target{Kind: "talk", ID: 1}, AuthorID: 2, Author: "Grace Hopper",
				Text: "Great talk!\n- point one\n- point two", Revision: 1, CreatedAt: at("09:55"), UpdatedAt: at("09:55")},
			{ID: 2, Target: schedule.Target{Kind: "talk", ID: 1}, AuthorID: 5, Author: "Mallory <b>",
				Text: "<script>alert('x')</script>", Revision: 2, CreatedAt: at("09:56"), UpdatedAt: at("10:01")},
			{ID: 3, Target: schedule.Target{Kind: "talk", ID: 1}, AuthorID: 4, Author: "Linus", Text: "spam", Hidden: true,
				CreatedAt: at("09:57"), UpdatedAt: at("09:57")},
			{ID: 4, Target: schedule.Target{Kind: "topic", ID: 1}, AuthorID: 1, Author: "Ada",
				Text: "We tried numba on a kernel:\n\n    @njit\n    def f(x): ...", Revision: 1, CreatedAt: at("11:20"), UpdatedAt: at("11:20")},
			{ID: 5, Target: schedule.Target{Kind: "talk", ID: 4}, AuthorID: 1, Author: "Ada", Text: "note on a rejected talk",
				Revision: 1, CreatedAt: at("10:00"), UpdatedAt: at("10:00")},
			{ID: 6, Target: schedule.Target{Kind: "talk", ID: 1}, AuthorID: 2, Author: "Grace Hopper", Text: "my private reminder",
				Revision: 1, Private: true, CreatedAt: at("09:58"), UpdatedAt: at("09:58")},
		},
		Reports: []schedule.Report{
			{ID: 1, Target: schedule.Target{Kind: "talk", ID: 1}, AuthorID: 1, Author: "Ada", Project: "fastlib",
				ProjectURL: "https://github.com/ada/fastlib", Tool: "cython", ToolVersion: "3.0.11", Outcome: schedule.OutcomeWorked,
				Speedup: 12.5, Learnt: "Typed memoryviews were the win.", CreatedAt: at("10:30")},
			{ID: 2, Target: schedule.Target{Kind: "topic", ID: 2}, AuthorID: 2, Author: "Grace Hopper", Project: "api-server",
				Tool: "mypyc", Outcome: schedule.OutcomePartial, Learnt: "Some `dataclasses` failed.", CreatedAt: at("12:00")},
			{ID: 3, Target: schedule.Target{Kind: "talk", ID: 1}, AuthorID: 4, Author: "Linus", Project: "x", Tool: "pypy",
				Outcome: schedule.OutcomeFailed, Learnt: "hidden", Hidden: true, CreatedAt: at("12:30")},
		},
		Registrations: []schedule.Registration{
			{Event: "2026-03", TicketID: "1001", OrderID: "900", Name: "grace  HOPPER", Email: "grace@example.net", Status: "Attending"},
			{Event: "2026-03", TicketID: "1002", OrderID: "901", Name: "Someone Else", Email: "else@example.com", Status: "Checked In"},
			{Event: "2026-03", TicketID: "1003", OrderID: "902", Name: "Ada Lovelace", Email: "ada@example.org", Status: "Attending"},
			{Event: "2026-03", TicketID: "1004", OrderID: "903", Name: "Łukasz Nowak", Email: "lukasz@example.pl", Status: "Checked In"},
			{Event: "2026-03", TicketID: "1005", OrderID: "904", Name: "M. Allory", Email: "mallory@example.com", Status: "Refunded"},
		},
		GeneratedAt: time.Date(2026, 3, 29, 8, 0, 0, 0, time.UTC),
	}
	c.Series = seriesOf(c.Reports, "2026-03", "Python Compilers Lightning Camp, March 2026")
	earlier := time.Date(2025, 12, 6, 11, 0, 0, 0, time.UTC)
	c.Series = append(c.Series,
		schedule.SeriesReport{Camp: "2025-12", CampName: "Lightning Camp December 2025", Report: schedule.Report{ID: 1,
			Target: schedule.Target{Kind: "talk", ID: 7}, AuthorID: 2, Author: "Grace Hopper", Project: "pyproj",
			ProjectURL: "https://github.com/pyproj4/pyproj", Tool: "cython", ToolVersion: "3.0.10", Outcome: schedule.OutcomeWorked,
			Speedup: 7, CreatedAt: earlier}},
		schedule.SeriesReport{Camp: "2025-12", CampName: "Lightning Camp December 2025", Report: schedule.Report{ID: 2,
			Target: schedule.Target{Kind: "talk", ID: 8}, AuthorID: 5, Author: "Mallory <b>", Project: hostileTitle + " <script>alert(1)</script>",
			ProjectURL: "javascript:alert(1)", Tool: "mypyc", ToolVersion: "1.0 --- #", Outcome: schedule.OutcomeFailed, CreatedAt: earlier.Add(time.Minute)}},
	)
	return c
}

// seriesOf is a camp's reports as reports of the series.
func seriesOf(reports []schedule.Report, slug, name string) []schedule.SeriesReport {
	out := make([]schedule.SeriesReport, len(reports))
	for i, r := range reports {
		out[i] = schedule.SeriesReport{Report: r, Camp: slug, CampName: name}
	}
	return out
}

// shuffled is the same camp with every list in reverse order: output must
// not depend on the order the store returns rows in.
func shuffled(c Camp) Camp {
	c.Talks, c.Topics, c.Votes = slices.Clone(c.Talks), slices.Clone(c.Topics), slices.Clone(c.Votes)
	c.Notes, c.Reports, c.People = slices.Clone(c.Notes), slices.Clone(c.Reports), slices.Clone(c.People)
	c.Registrations, c.Series = slices.Clone(c.Registrations), slices.Clone(c.Series)
	slices.Reverse(c.Series)
	slices.Reverse(c.Talks)
	slices.Reverse(c.Topics)
	slices.Reverse(c.Votes)
	slices.Reverse(c.Notes)
	slices.Reverse(c.Reports)
	slices.Reverse(c.People)
	slices.Reverse(c.Registrations)
	return c
}

// emptyCamp is the example schedule before anyone has done anything.
func emptyCamp(t testing.TB) Camp {
	c := seededCamp(t)
	return Camp{Event: c.Event, GeneratedAt: c.GeneratedAt}
}

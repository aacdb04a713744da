package export

import (
	"fmt"
	"strings"

	"github.com/lightningcamp/camp/schedule"
)

// indexPage is the camp's own page: when and how it ran, the schedule, the
// talks given, the topics held, the reports, and the public links.
func (v *campView) indexPage() sitePage {
	var b strings.Builder
	fmt.Fprintf(&b, "# %s\n\n", mdInline(v.ev.Name))
	fmt.Fprintf(&b, "%s, held online on %s, %s.\n",
		mdInline(v.seriesOrDefault()), longDate(v.eventDay()), clockSpan(v.ev.Start(), v.ev.End(), nil))
	mdSection(&b, "Schedule", mdList(v.scheduleItems()))
	mdSection(&b, "Lightning talks", mdList(v.talkItems()))
	mdSection(&b, "Open space", v.topicsBySlot())
	mdSection(&b, "Experience reports", mdList(v.reportItems()))
	mdSection(&b, "Links", mdList(v.publicLinks()))
	return sitePage{
		name: "index",
		fm: v.pageFrontMatter(v.ev.Name,
			fmt.Sprintf("Lightning talks, open-space sessions and experience reports from %s, held online on %s.", oneLine(v.ev.Name), longDate(v.eventDay())),
			"", v.allTools(), v.allPageLinks()),
		body: b.String(),
	}
}

func (v *campView) seriesOrDefault() string {
	if v.ev.Series != "" {
		return v.ev.Series
	}
	return "Lightning Camp"
}

func (v *campView) scheduleItems() []string {
	var items []string
	for _, bl := range v.ev.Blocks {
		items = append(items, fmt.Sprintf("%s: %s", clockSpan(bl.Start, bl.End, bl.Zone), mdInline(bl.Title)))
	}
	return items
}

func (v *campView) talkItems() []string {
	var items []string
	for _, t := range v.talks {
		items = append(items, fmt.Sprintf("%s by %s", mdLink(t.Title, siteLink(pageName("talk", t.ID))), mdInline(v.speaker(t))))
	}
	return items
}

// topicsBySlot lists the held topics under a heading per slot.
func (v *campView) topicsBySlot() string {
	var b strings.Builder
	last := ""
	for _, t := range v.topics {
		if t.Slot != last {
			fmt.Fprintf(&b, "\n### %s\n\n", mdInline(v.slotTitle(v.topicSlot(t))))
			last = t.Slot
		}
		track, _ := v.topicRoom(t)
		fmt.Fprintf(&b, "- %s led by %s, %s, %s\n", mdLink(t.Title, siteLink(pageName("topic", t.ID))),
			mdInline(v.leader(t)), mdInline(track.Name), votesText(t.Votes))
	}
	return strings.TrimPrefix(b.String(), "\n")
}

// slotTitle names a slot as people saw it on the board.
func (v *campView) slotTitle(s schedule.Slot) string {
	bl, _ := v.ev.Block(s.Block)
	zone := bl.Zone
	if v.readerZone != nil {
		zone = v.readerZone // a personal export speaks its reader's zone
	}
	return fmt.Sprintf("%s, slot %d: %s", oneLine(bl.Title), s.Index, clockSpan(s.Start, s.End, zone))
}

func votesText(n int) string {
	if n == 1 {
		return "1 vote"
	}
	return fmt.Sprintf("%d votes", n)
}

func (v *campView) reportItems() []string {
	var items []string
	for _, r := range v.reports {
		items = append(items, fmt.Sprintf("%s, reported by %s", mdLink(reportTitle(r), siteLink(pageName("report", r.ID))), mdInline(v.reporter(r))))
	}
	return items
}

// publicLinks are the event's links fit for a permanent public page. The
// Zoom link is left out: the meeting may be reused, and a published link
// invites uninvited guests.
func (v *campView) publicLinks() []string {
	var items []string
	for _, l := range []struct{ name, url string }{
		{"Website", v.ev.Links.Website},
		{"Registration", v.ev.Links.Registration},
		{"Code of conduct", v.ev.Links.CodeOfConduct},
	} {
		if u := webURL(l.url); u != "" {
			items = append(items, l.name+": <"+u+">")
		}
	}
	return items
}

// allTools are the compiler tools any published page is about.
func (v *campView) allTools() []string {
	var tools []string
	for _, t := range v.talks {
		tools = append(tools, t.Tools...)
	}
	for _, t := range v.topics {
		tools = append(tools, v.topicTools(t)...)
	}
	for _, r := range v.reports {
		tools = append(tools, r.Tool)
	}
	return tools
}

// allPageLinks links the index to every other page of the camp.
func (v *campView) allPageLinks() []string {
	var links []string
	for _, t := range v.talks {
		links = append(links, siteLink(pageName("talk", t.ID)))
	}
	for _, t := range v.topics {
		links = append(links, siteLink(pageName("topic", t.ID)))
	}
	for _, r := range v.reports {
		links = append(links, siteLink(pageName("report", r.ID)))
	}
	return links
}

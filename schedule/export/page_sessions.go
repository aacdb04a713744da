package export

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/lightningcamp/camp/schedule"
)

var indexLink = siteLink("index")

func (v *campView) talkPage(t schedule.Talk) sitePage {
	target := schedule.Target{Kind: "talk", ID: t.ID}
	var b strings.Builder
	fmt.Fprintf(&b, "# %s\n\n%s\n", mdInline(t.Title), v.talkLine(t, mdInline, mdLink(v.ev.Name, indexLink)))
	if abstract := mdText(t.Abstract); abstract != "" {
		b.WriteString("\n" + abstract + "\n")
	}
	mdSection(&b, "Links", mdList(mapSlice(t.Links, mdURL)))
	mdSection(&b, "Compiler tools", strings.Join(mapSlice(toolTags(t.Tools), mdInline), ", "))
	v.writeNotesAndReports(&b, target)
	mdSection(&b, questionsHeading, v.questionsMarkdown(t.ID))
	return sitePage{
		name: pageName("talk", t.ID),
		fm: withTags(v.pageFrontMatter(t.Title, firstNonBlank(t.Abstract, v.talkLine(t, oneLine, oneLine(v.ev.Name))),
			"lightning-talk", t.Tools, append([]string{indexLink}, v.reportLinks(target)...)), t.Tags),
		body: b.String(),
	}
}

// article is "A" or "An" before a number said aloud: "an 8-minute talk",
// "an 11-minute talk", "an 18-minute talk", "a 5-minute talk".
func article(n int) string {
	s := strconv.Itoa(n)
	if s[0] == '8' || n == 11 || n == 18 || (n >= 11000 && n < 12000) || (n >= 18000 && n < 19000) {
		return "An"
	}
	return "A"
}

// talkLine says who gave the talk, where and when: "A 5-minute lightning
// talk by Ada at <camp>, in Lightning talks I, 09:47–09:52 UTC." esc
// escapes people's text for where the line goes: Markdown body or YAML.
func (v *campView) talkLine(t schedule.Talk, esc func(string) string, camp string) string {
	m := max(t.Minutes, 1)
	line := fmt.Sprintf("%s %d-minute lightning talk by %s at %s", article(m), m, esc(v.speaker(t)), camp)
	if bl, ok := v.ev.Block(t.Block); ok {
		line += ", in " + esc(bl.Title)
	}
	if start, end, ok := talkTimes(t); ok {
		line += ", " + clockSpan(start, end, v.readerZone)
	}
	return line + "."
}

func (v *campView) topicPage(t schedule.Topic) sitePage {
	target := schedule.Target{Kind: "topic", ID: t.ID}
	var b strings.Builder
	fmt.Fprintf(&b, "# %s\n\n%s\n", mdInline(t.Title), v.topicLine(t, mdInline, mdLink(v.ev.Name, indexLink)))
	if desc := mdText(t.Description); desc != "" {
		b.WriteString("\n" + desc + "\n")
	}
	v.writeNotesAndReports(&b, target)
	return sitePage{
		name: pageName("topic", t.ID),
		fm: withTags(v.pageFrontMatter(t.Title, firstNonBlank(t.Description, v.topicLine(t, oneLine, oneLine(v.ev.Name))),
			"open-space", v.topicTools(t), append([]string{indexLink}, v.reportLinks(target)...)), t.Tags),
		body: b.String(),
	}
}

// topicLine says who led the session, in which slot and breakout room.
func (v *campView) topicLine(t schedule.Topic, esc func(string) string, camp string) string {
	track, room := v.topicRoom(t)
	return fmt.Sprintf("An open-space session led by %s at %s: %s, in %s (Zoom breakout room %s), %s.",
		esc(v.leader(t)), camp, esc(v.slotTitle(v.topicSlot(t))),
		esc(track.Name), esc(room.Name), votesText(t.Votes))
}

func (v *campView) writeNotesAndReports(b *strings.Builder, target schedule.Target) {
	mdSection(b, "Notes", v.notesMarkdown(target))
	var items []string
	for _, r := range v.reportsOf[target] {
		items = append(items, mdLink(reportTitle(r), siteLink(pageName("report", r.ID))))
	}
	mdSection(b, "Experience reports", mdList(items))
}

// notesMarkdown renders the visible notes of a talk or topic, each under
// its author's name. The notes bundle and the site pages share it.
func (v *campView) notesMarkdown(target schedule.Target) string {
	var parts []string
	for _, n := range v.notesOf[target] {
		if text := mdText(n.Text); text != "" {
			parts = append(parts, "### "+mdInline(v.author(n))+"\n\n"+text+"\n")
		}
	}
	return strings.Join(parts, "\n")
}

func (v *campView) reportPage(r schedule.Report) sitePage {
	title := reportTitle(r)
	var b strings.Builder
	fmt.Fprintf(&b, "# %s\n\n", mdInline(title))
	facts := v.reportFacts(r)
	if title, ok := v.targetTitle(r.Target); ok {
		facts = append(facts, "At: "+mdLink(title, siteLink(pageName(r.Target.Kind, r.Target.ID))))
	}
	b.WriteString(mdList(facts))
	mdSection(&b, "What we learnt", mdText(r.Learnt))
	related := []string{indexLink}
	if _, ok := v.targetTitle(r.Target); ok {
		related = append(related, siteLink(pageName(r.Target.Kind, r.Target.ID)))
	}
	fm := v.pageFrontMatter(title, firstNonBlank(r.Learnt, title), "experience-report", []string{r.Tool}, related)
	fm.Project = oneLine(r.Project)
	return sitePage{name: pageName("report", r.ID), fm: fm, body: b.String()}
}

// reportFacts are the report's fields as a list.
func (v *campView) reportFacts(r schedule.Report) []string {
	project := mdInline(r.Project)
	if u := webURL(r.ProjectURL); u != "" {
		project = mdLink(r.Project, u)
	}
	facts := []string{"Project: " + project, "Compiler tool: " + mdInline(strings.TrimSpace(r.Tool+" "+r.ToolVersion)),
		"Outcome: " + mdInline(string(r.Outcome))}
	if r.Speedup > 0 {
		facts = append(facts, "Speed-up: "+strconv.FormatFloat(r.Speedup, 'f', -1, 64)+"×")
	}
	return append(facts, "Reported by: "+mdInline(v.reporter(r)))
}

// mapSlice applies f to every item.
func mapSlice[T, U any](items []T, f func(T) U) []U {
	out := make([]U, 0, len(items))
	for _, it := range items {
		out = append(out, f(it))
	}
	return out
}

// firstNonBlank is the first text that is not blank.
func firstNonBlank(texts ...string) string {
	for _, t := range texts {
		if strings.TrimSpace(t) != "" {
			return t
		}
	}
	return ""
}

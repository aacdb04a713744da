package export

import (
	"fmt"
	"path"
	"slices"
	"strings"
	"time"
	"unicode"

	"github.com/lightningcamp/camp/schedule"
)

// summaryMax keeps the front matter's summary to a short paragraph.
const summaryMax = 300

// sitePage is one compilepython.com page before rendering.
type sitePage struct {
	name string // file name without .md
	fm   frontMatter
	body string
}

// CompilePythonPages renders the camp for compilepython.com: index.md for
// the camp, a page per approved, live or done talk, per placed open-space
// topic and per experience report, and a page per compiler tool with what
// the series' reports say about it (tool-cython.md ...), all under
// compilepython/pages/LightningCamps/<event-slug>/.
func CompilePythonPages(c Camp) ([]File, error) {
	if err := c.check(); err != nil {
		return nil, err
	}
	return newView(c).sitePages()
}

func (v *campView) sitePages() ([]File, error) {
	pages := []sitePage{v.indexPage()}
	for _, t := range v.talks {
		pages = append(pages, v.talkPage(t))
	}
	for _, t := range v.topics {
		pages = append(pages, v.topicPage(t))
	}
	for _, r := range v.reports {
		pages = append(pages, v.reportPage(r))
	}
	for _, g := range v.guide() {
		pages = append(pages, v.toolPage(g))
	}
	dir := sitePagesDir(v.ev.Slug)
	files := make([]File, 0, len(pages))
	for _, p := range pages {
		data, err := writePage(p.fm, withLead(p.fm, p.body))
		if err != nil {
			return nil, fmt.Errorf("export: page %s: %w", p.name, err)
		}
		files = append(files, File{Path: path.Join(dir, p.name+".md"), Data: data})
	}
	return files, nil
}

// pageFrontMatter fills the fields every page shares. kindTag says what the
// page is (lightning-talk, open-space, experience-report); tools decide the
// page type and join the tags.
func (v *campView) pageFrontMatter(title, summaryText, kindTag string, tools []string, related []string) frontMatter {
	tools = toolTags(tools)
	typ := typeConcepts
	if len(tools) > 0 {
		typ = typeTools
	}
	tags := []string{"lightning-camp"}
	if kindTag != "" {
		tags = append(tags, kindTag)
	}
	return frontMatter{
		Title:    oneLine(title),
		Headline: headline(title),
		Summary:  summary(summaryText, summaryMax),
		Date:     v.ev.Date.String(),
		Type:     typ,
		Series:   v.ev.Series,
		Tags:     append(tags, tools...),
		Related:  related,
	}
}

// siteIndexEntryName is the suggested line for the site's
// pages/LightningCamps/index.md, beside the pages rather than among them,
// so that copying the camp's folder never overwrites the site's index.
const siteIndexEntryName = "compilepython/LightningCamps-index-entry.md"

// siteIndexEntry is the camp's line for pages/LightningCamps/index.md: a
// link to its index page, with the date.
func siteIndexEntry(c Camp) File {
	v := newView(c)
	line := fmt.Sprintf("- %s, %s\n", mdLink(v.ev.Name, v.ev.Slug+"/"+siteLink("index")), longDate(v.eventDay()))
	return File{Path: siteIndexEntryName, Data: []byte(line)}
}

// withLead puts the site template's lead block under the page's heading:
// the headline in bold, then the summary, as a block quote. The site shows
// the body, so this is where readers see them.
func withLead(fm frontMatter, body string) string {
	heading, rest, ok := strings.Cut(body, "\n\n")
	if !ok || !strings.HasPrefix(heading, "# ") {
		return body
	}
	lead := "> **" + mdInline(fm.Headline) + "**\n"
	if fm.Summary != "" {
		lead += ">\n> " + mdInline(fm.Summary) + "\n"
	}
	return heading + "\n\n" + lead + "\n" + rest
}

// withTags adds people's tags to the page's tags, as slugs (lower-case
// letters, digits and hyphens), which every reader takes as plain text.
func withTags(fm frontMatter, tags []string) frontMatter {
	fixed := fm.Tags[:min(len(fm.Tags), 2)] // lightning-camp and the kind
	more := slices.Clone(fm.Tags[len(fixed):])
	for _, t := range tags {
		if s := tagSlug(t); s != "" && !slices.Contains(more, s) && !slices.Contains(fixed, s) {
			more = append(more, s)
		}
	}
	slices.Sort(more)
	fm.Tags = append(slices.Clone(fixed), more...)
	return fm
}

// tagSlugMax keeps a tag to a word or two.
const tagSlugMax = 40

// tagSlug turns a tag into lower-case letters and digits joined by single
// hyphens: "Free-threading (3.13)" becomes "free-threading-3-13".
func tagSlug(tag string) string {
	var b strings.Builder
	hyphen := false
	for _, r := range strings.ToLower(cleanText(tag)) {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			if hyphen && b.Len() > 0 {
				b.WriteByte('-')
			}
			b.WriteRune(r)
			hyphen = false
		} else {
			hyphen = true
		}
	}
	s := []rune(b.String())
	return strings.Trim(string(s[:min(len(s), tagSlugMax)]), "-")
}

// toolTags lower-cases, de-duplicates and sorts compiler-tool names.
func toolTags(tools []string) []string {
	var out []string
	for _, t := range tools {
		if t = strings.ToLower(oneLine(t)); t != "" && !slices.Contains(out, t) {
			out = append(out, t)
		}
	}
	slices.Sort(out)
	return out
}

// topicTools are the topic's tags that name a known compiler tool.
func (v *campView) topicTools(t schedule.Topic) []string {
	return filter(t.Tags, func(tag string) bool { return v.ev.HasTool(strings.ToLower(tag)) })
}

// eventDay is the camp's date at noon UTC, for formatting.
func (v *campView) eventDay() time.Time {
	d := v.ev.Date
	return time.Date(d.Year, d.Month, d.Day, 12, 0, 0, 0, time.UTC)
}

// reportTitle names an experience report: "numpy-stl with cython: worked".
func reportTitle(r schedule.Report) string {
	project := oneLine(r.Project)
	if project == "" {
		project = "A project"
	}
	return fmt.Sprintf("%s with %s: %s", project, oneLine(r.Tool), r.Outcome)
}

// reportLinks lists the report pages attached to a talk or topic.
func (v *campView) reportLinks(target schedule.Target) []string {
	var links []string
	for _, r := range v.reportsOf[target] {
		links = append(links, siteLink(pageName("report", r.ID)))
	}
	return links
}

// mdSection writes a level-2 section when it has content.
func mdSection(b *strings.Builder, heading, content string) {
	if content == "" {
		return
	}
	fmt.Fprintf(b, "\n## %s\n\n%s\n", heading, strings.TrimRight(content, "\n"))
}

// mdList renders items as a bullet list.
func mdList(items []string) string {
	var b strings.Builder
	for _, it := range items {
		b.WriteString("- " + it + "\n")
	}
	return b.String()
}

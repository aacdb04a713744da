package export

import (
	"cmp"
	_ "embed"
	"html/template"
	"io"
	"path"
	"slices"
	"strconv"
	"strings"

	"github.com/lightningcamp/camp/schedule"
)

// The bundle's index.html must open from a USB stick with no network: no
// scripts, fonts or styles from elsewhere (a Content-Security-Policy says
// so too), inline CSS only. html/template escapes every piece of text.
//
//go:embed templates/index.html.tmpl
var indexHTMLSource string

var indexHTMLTemplate = template.Must(template.New("index.html").Parse(indexHTMLSource))

type indexHTMLData struct {
	Name, Series, Date, GeneratedAt, Website string
	Blocks                                   []indexHTMLBlock
	Groups                                   []indexHTMLGroup
}

type indexHTMLBlock struct{ When, Title string }

type indexHTMLGroup struct {
	Title string
	Files []indexHTMLFile
}

type indexHTMLFile struct{ Href, Label, Path string }

// WriteIndexHTML writes index.html, linking every file of the bundle named
// in paths (slash-separated, relative to the bundle root).
func WriteIndexHTML(w io.Writer, c Camp, paths []string) error {
	if err := c.check(); err != nil {
		return err
	}
	v := newView(c)
	data := indexHTMLData{
		Name: oneLine(v.ev.Name), Series: oneLine(v.seriesOrDefault()), Date: longDate(v.eventDay()),
		GeneratedAt: stampUTC(c.GeneratedAt), Website: webURL(v.ev.Links.Website),
		Blocks: mapSlice(v.ev.Blocks, func(b schedule.Block) indexHTMLBlock {
			return indexHTMLBlock{When: clockSpan(b.Start, b.End, b.Zone), Title: oneLine(b.Title)}
		}),
		Groups: v.indexHTMLGroups(paths),
	}
	return indexHTMLTemplate.Execute(w, data)
}

// indexHTMLGroups sorts the bundle's files into data files, site pages and
// notes, each group in path order.
func (v *campView) indexHTMLGroups(paths []string) []indexHTMLGroup {
	groups := []indexHTMLGroup{{Title: "Data"}, {Title: "compilepython.com pages"}, {Title: "Notes"}}
	for _, p := range slices.SortedFunc(slices.Values(paths), naturalCompare) {
		i := 0
		switch {
		case strings.HasPrefix(p, sitePagesPrefix+"/"), p == siteIndexEntryName:
			i = 1
		case strings.HasPrefix(p, notesDir+"/"):
			i = 2
		}
		groups[i].Files = append(groups[i].Files, indexHTMLFile{Href: p, Label: v.fileLabel(p), Path: p})
	}
	return filter(groups, func(g indexHTMLGroup) bool { return len(g.Files) > 0 })
}

// dataFileLabels describe the fixed files of the bundle.
var dataFileLabels = map[string]string{
	eventJSONName:      "The whole event as JSON",
	icsName:            "Calendar (iCalendar)",
	frabName:           "Schedule for conference apps (frab/pretalx JSON)",
	zoomCSVName:        "Zoom breakout-room pre-assignment",
	siteIndexEntryName: "This camp's line for the site's pages/LightningCamps/index.md",
	indexHTMLName:      "This page",
}

// fileLabel is a human name for a bundle file: the title of the talk,
// topic or report a page or notes file is about.
func (v *campView) fileLabel(p string) string {
	if label, ok := dataFileLabels[p]; ok {
		return label
	}
	name := strings.TrimSuffix(path.Base(p), ".md")
	kind, idText, _ := strings.Cut(name, "-")
	id, _ := strconv.ParseInt(idText, 10, 64)
	switch kind {
	case "index":
		return oneLine(v.ev.Name)
	case "talk", "topic":
		title, _ := v.targetTitle(schedule.Target{Kind: kind, ID: id})
		return oneLine(title)
	case "report":
		if i := slices.IndexFunc(v.reports, func(r schedule.Report) bool { return r.ID == id }); i >= 0 {
			return oneLine(reportTitle(v.reports[i]))
		}
	case "tool":
		for _, g := range v.guide() {
			if toolPageName(g.Tool) == name {
				return oneLine(v.toolTitle(g))
			}
		}
	}
	return name
}

// naturalCompare orders paths as people count: talk-2 before talk-10.
// Runs of digits compare by value, everything else byte by byte.
func naturalCompare(a, b string) int {
	for a != "" && b != "" {
		da, db := digitPrefix(a), digitPrefix(b)
		if da != "" && db != "" {
			na, nb := strings.TrimLeft(da, "0"), strings.TrimLeft(db, "0")
			if c := cmp.Or(cmp.Compare(len(na), len(nb)), cmp.Compare(na, nb)); c != 0 {
				return c
			}
			a, b = a[len(da):], b[len(db):]
			continue
		}
		if a[0] != b[0] {
			return cmp.Compare(a[0], b[0])
		}
		a, b = a[1:], b[1:]
	}
	return cmp.Compare(len(a), len(b))
}

func digitPrefix(s string) string {
	i := 0
	for i < len(s) && s[i] >= '0' && s[i] <= '9' {
		i++
	}
	return s[:i]
}

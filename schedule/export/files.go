package export

import (
	"path"
	"strconv"
)

// File is one file of the bundle: a slash-separated path relative to the
// bundle's root, and its content.
type File struct {
	Path string
	Data []byte
	// Private files hold emails or fingerprints: they are written 0600,
	// not linked from index.html, and listed in the bundle's .gitignore.
	Private bool
}

// The bundle's fixed file names.
const (
	eventJSONName   = "event.json"
	icsName         = "schedule.ics"
	frabName        = "schedule.json"
	zoomCSVName     = "zoom-breakout-rooms.csv"
	zoomLeftOutName = "zoom-unassigned.txt"
	gitignoreName   = ".gitignore"
	indexHTMLName   = "index.html"
	notesDir        = "notes"
	sitePagesPrefix = "compilepython/pages/LightningCamps"
)

// sitePagesDir is where a camp's compilepython pages go, mirroring the
// site's pages/LightningCamps/<event-slug>/ so the folder can be copied in.
func sitePagesDir(slug string) string { return path.Join(sitePagesPrefix, slug) }

// pageName is the file name of the page (or notes file) for a talk, topic
// or report: talk-12, topic-5, report-3.
func pageName(kind string, id int64) string { return kind + "-" + strconv.FormatInt(id, 10) }

// siteLink is how pages link to each other: the site builds every page to
// .html beside it, so links between pages of one camp are relative .html.
func siteLink(name string) string { return name + ".html" }

package export

import (
	"bytes"
	"cmp"
	"io"
	"slices"
	"strings"

	"github.com/lightningcamp/camp/schedule"
)

// The kinds of file a bundle holds, as Options.Only names them: each is the
// file's (or folder's) name in the bundle.
const (
	BundlePages     = "compilepython"
	BundleEventJSON = eventJSONName
	BundleICS       = icsName
	BundleFrab      = frabName
	BundleZoomCSV   = zoomCSVName
	BundleNotes     = notesDir
	BundleIndexHTML = indexHTMLName
)

// BundleKinds lists every kind, in the order the docs give them.
var BundleKinds = []string{BundlePages, BundleEventJSON, BundleICS, BundleFrab, BundleZoomCSV, BundleNotes, BundleIndexHTML}

// Bundle renders every file of the export in memory, sorted by path.
// index.html, when selected, links every other public file that was.
// Private files (the Zoom files, a private event.json) are marked so, and
// a .gitignore lists them so that a bundle kept in git never carries them.
func Bundle(c Camp, opt Options) ([]File, error) {
	if err := c.check(); err != nil {
		return nil, err
	}
	selected, err := selectedKinds(opt.Only)
	if err != nil {
		return nil, err
	}
	var files []File
	for _, kind := range BundleKinds[:len(BundleKinds)-1] {
		if !selected[kind] {
			continue
		}
		more, err := renderKind(kind, c, opt)
		if err != nil {
			return nil, err
		}
		files = append(files, more...)
	}
	if private := filter(files, func(f File) bool { return f.Private }); len(private) > 0 {
		files = append(files, gitignore(private))
	}
	if selected[BundleIndexHTML] {
		public := filter(files, func(f File) bool { return !f.Private && f.Path != gitignoreName })
		paths := append(mapSlice(public, func(f File) string { return f.Path }), indexHTMLName)
		index, err := renderFile(indexHTMLName, func(w io.Writer) error { return WriteIndexHTML(w, c, paths) })
		if err != nil {
			return nil, err
		}
		files = append(files, index)
	}
	slices.SortFunc(files, func(a, b File) int { return cmp.Compare(a.Path, b.Path) })
	return files, nil
}

// renderKind renders the files of one kind other than index.html.
func renderKind(kind string, c Camp, opt Options) ([]File, error) {
	var write func(io.Writer) error
	switch kind {
	case BundlePages:
		pages, err := CompilePythonPages(c)
		if err != nil {
			return nil, err
		}
		return append(pages, siteIndexEntry(c)), nil
	case BundleNotes:
		return NotesFiles(c)
	case BundleEventJSON:
		f, err := renderFile(kind, func(w io.Writer) error { return WriteEventJSON(w, c, opt) })
		f.Private = opt.IncludePrivate
		return []File{f}, err
	case BundleICS:
		write = func(w io.Writer) error { return WriteICS(w, c) }
	case BundleFrab:
		write = func(w io.Writer) error { return WriteFrabSchedule(w, c, opt) }
	case BundleZoomCSV:
		csvFile, err := renderFile(zoomCSVName, func(w io.Writer) error { return WriteZoomCSV(w, c, opt) })
		if err != nil {
			return nil, err
		}
		leftOut, err := renderFile(zoomLeftOutName, func(w io.Writer) error { return WriteZoomLeftOut(w, c, opt) })
		csvFile.Private, leftOut.Private = true, true
		return []File{csvFile, leftOut}, err
	}
	f, err := renderFile(kind, write)
	return []File{f}, err
}

func renderFile(name string, write func(io.Writer) error) (File, error) {
	var buf bytes.Buffer
	if err := write(&buf); err != nil {
		return File{}, err
	}
	return File{Path: name, Data: buf.Bytes()}, nil
}

// gitignore keeps the private files out of any repository the bundle is
// committed to.
func gitignore(private []File) File {
	var b strings.Builder
	b.WriteString("# Written by camp export: these files hold emails or key fingerprints.\n# Never publish or commit them.\n")
	for _, f := range private {
		b.WriteString("/" + f.Path + "\n")
	}
	return File{Path: gitignoreName, Data: []byte(b.String())}
}

// selectedKinds reads Options.Only; empty selects everything.
func selectedKinds(only []string) (map[string]bool, error) {
	selected := map[string]bool{}
	for _, kind := range only {
		if !slices.Contains(BundleKinds, kind) {
			return nil, schedule.Errorf(schedule.EINVALID, "unknown export kind %q: use %s", kind, strings.Join(BundleKinds, ", "))
		}
		selected[kind] = true
	}
	if len(only) == 0 {
		for _, kind := range BundleKinds {
			selected[kind] = true
		}
	}
	return selected, nil
}

package export

import (
	"bytes"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/lightningcamp/camp/schedule"
)

// listDir returns every file under dir, slash-separated and sorted.
func listDir(t *testing.T, dir string) []string {
	t.Helper()
	var files []string
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			rel, _ := filepath.Rel(dir, p)
			files = append(files, filepath.ToSlash(rel))
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	slices.Sort(files)
	return files
}

// TestWriteBundle: the bundle on disk is exactly Bundle's files plus the
// marker, with the layout the docs promise, and index.html links them all.
func TestWriteBundle(t *testing.T) {
	c := seededCamp(t)
	dir := filepath.Join(t.TempDir(), "out")
	if err := WriteBundle(dir, c, Options{}); err != nil {
		t.Fatal(err)
	}
	files, err := Bundle(c, Options{})
	if err != nil {
		t.Fatal(err)
	}
	want := append(mapSlice(files, func(f File) string { return f.Path }), bundleMarker)
	slices.Sort(want)
	if got := listDir(t, dir); !slices.Equal(got, want) {
		t.Fatalf("bundle holds\n%q\nwant\n%q", got, want)
	}
	for _, p := range []string{"event.json", "schedule.ics", "schedule.json", "zoom-breakout-rooms.csv", "index.html",
		"notes/talk-1.md", "compilepython/pages/LightningCamps/2026-03/index.md"} {
		if !slices.Contains(want, p) {
			t.Errorf("bundle lacks %s", p)
		}
	}
	index, err := os.ReadFile(filepath.Join(dir, "index.html"))
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range files {
		if !bytes.Contains(index, []byte(`href="`+f.Path+`"`)) {
			t.Errorf("index.html does not link %s", f.Path)
		}
	}
}

// TestWriteBundleReplaces: a second export replaces the first whole
// (nothing stale survives) and leaves no temporary directory behind.
func TestWriteBundleReplaces(t *testing.T) {
	parent := t.TempDir()
	dir := filepath.Join(parent, "out")
	c := seededCamp(t)
	if err := WriteBundle(dir, c, Options{}); err != nil {
		t.Fatal(err)
	}
	if err := WriteBundle(dir, c, Options{Only: []string{BundleEventJSON}}); err != nil {
		t.Fatal(err)
	}
	if got := listDir(t, dir); !slices.Equal(got, []string{bundleMarker, "event.json"}) {
		t.Errorf("after the second export the bundle holds %q", got)
	}
	entries, _ := os.ReadDir(parent)
	if len(entries) != 1 {
		t.Errorf("leftovers beside the bundle: %v", entries)
	}
}

// TestWriteBundleRefusesForeignDirectory: a non-empty directory that is not
// an earlier export is never replaced, and a failed export changes nothing.
func TestWriteBundleRefusesForeignDirectory(t *testing.T) {
	dir := t.TempDir()
	precious := filepath.Join(dir, "thesis.tex")
	if err := os.WriteFile(precious, []byte("years of work"), 0o644); err != nil {
		t.Fatal(err)
	}
	err := WriteBundle(dir, seededCamp(t), Options{})
	if schedule.ErrorCode(err) != schedule.EINVALID {
		t.Errorf("error %v, want EINVALID", err)
	}
	if _, err := os.Stat(precious); err != nil {
		t.Errorf("the directory was touched: %v", err)
	}
}

func TestWriteBundleFailureKeepsOldBundle(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "out")
	c := seededCamp(t)
	if err := WriteBundle(dir, c, Options{}); err != nil {
		t.Fatal(err)
	}
	before := listDir(t, dir)
	if err := WriteBundle(dir, c, Options{Only: []string{"pdf"}}); schedule.ErrorCode(err) != schedule.EINVALID {
		t.Errorf("unknown kind: error %v, want EINVALID", err)
	}
	if err := WriteBundle(dir, Camp{Event: c.Event}, Options{}); err == nil {
		t.Error("a camp without GeneratedAt was exported")
	}
	if after := listDir(t, dir); !slices.Equal(before, after) {
		t.Errorf("a failed export changed the bundle: %q", after)
	}
}

// TestBundleOnly: Only selects kinds; index.html links only what is there.
func TestBundleOnly(t *testing.T) {
	files, err := Bundle(seededCamp(t), Options{Only: []string{BundleICS, BundleNotes, BundleIndexHTML}})
	if err != nil {
		t.Fatal(err)
	}
	paths := mapSlice(files, func(f File) string { return f.Path })
	want := []string{"index.html", "notes/talk-1.md", "notes/topic-1.md", "schedule.ics"}
	if !slices.Equal(paths, want) {
		t.Errorf("files %q, want %q", paths, want)
	}
	index := string(files[0].Data)
	if strings.Contains(index, "event.json") || !strings.Contains(index, `href="schedule.ics"`) {
		t.Errorf("index.html links the wrong files:\n%s", index)
	}
}

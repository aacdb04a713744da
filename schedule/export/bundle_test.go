package export

import (
	"bytes"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
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
		linked := bytes.Contains(index, []byte(`href="`+f.Path+`"`))
		public := !f.Private && f.Path != gitignoreName
		if linked != public {
			t.Errorf("index.html links %s: %v; want %v (private %v)", f.Path, linked, public, f.Private)
		}
	}
}

// TestPrivateFilesStayPrivate: the files with emails are 0600, not linked
// from index.html, and listed in the bundle's .gitignore, which git
// honours; a private event.json is treated the same way.
func TestPrivateFilesStayPrivate(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "out")
	if err := WriteBundle(dir, seededCamp(t), Options{IncludePrivate: true}); err != nil {
		t.Fatal(err)
	}
	private := []string{"event.json", "zoom-breakout-rooms.csv", "zoom-unassigned.txt"}
	ignore, err := os.ReadFile(filepath.Join(dir, ".gitignore"))
	if err != nil {
		t.Fatal(err)
	}
	index, _ := os.ReadFile(filepath.Join(dir, "index.html"))
	for _, name := range private {
		info, err := os.Stat(filepath.Join(dir, name))
		if err != nil {
			t.Fatal(err)
		}
		if mode := info.Mode().Perm(); mode != 0o600 {
			t.Errorf("%s is %o, want 600", name, mode)
		}
		if !bytes.Contains(ignore, []byte("/"+name+"\n")) {
			t.Errorf(".gitignore does not list %s:\n%s", name, ignore)
		}
		if bytes.Contains(index, []byte(name)) {
			t.Errorf("index.html mentions %s", name)
		}
	}
	if info, _ := os.Stat(filepath.Join(dir, "schedule.ics")); info.Mode().Perm() != 0o644 {
		t.Errorf("schedule.ics is %o, want 644", info.Mode().Perm())
	}
	if git, err := exec.LookPath("git"); err == nil {
		cmd := exec.Command(git, "init", "-q", dir)
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("git init: %v %s", err, out)
		}
		cmd = exec.Command(git, "-C", dir, "status", "--porcelain", "--untracked-files=all")
		out, err := cmd.Output()
		if err != nil {
			t.Fatal(err)
		}
		for _, name := range private {
			if bytes.Contains(out, []byte(name)) {
				t.Errorf("git would commit %s:\n%s", name, out)
			}
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

// TestIndexHTMLCountsLikePeople: talk-2 is listed before talk-10.
func TestIndexHTMLCountsLikePeople(t *testing.T) {
	paths := []string{"notes/talk-10.md", "notes/talk-2.md", "notes/talk-1.md", "notes/topic-3.md", "event.json"}
	slices.SortFunc(paths, naturalCompare)
	if want := "[event.json notes/talk-1.md notes/talk-2.md notes/talk-10.md notes/topic-3.md]"; fmt.Sprint(paths) != want {
		t.Errorf("order %v, want %s", paths, want)
	}
}

// TestSummariseCountsWhatIsPublished: the export's summary line counts
// pages, not rows: proposed and rejected talks, open topics and hidden
// notes are not counted.
func TestSummariseCountsWhatIsPublished(t *testing.T) {
	c := seededCamp(t)
	files, err := CompilePythonPages(c)
	if err != nil {
		t.Fatal(err)
	}
	talks := 0
	for _, f := range files {
		if strings.Contains(f.Path, "/talk-") {
			talks++
		}
	}
	got := Summarise(c)
	if !strings.HasPrefix(got, fmt.Sprintf("%d talks, ", talks)) || len(c.Talks) == talks {
		t.Errorf("Summarise = %q; the seeded camp has %d talks, %d with pages", got, len(c.Talks), talks)
	}
}

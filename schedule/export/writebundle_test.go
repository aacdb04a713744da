package export

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
)

// parentNotWritable makes creating the temporary directory beside --out
// fail as it does for a user in a parent they cannot write. The tests run
// as root, who can write anywhere, so permissions cannot show it; the
// failure is injected where WriteBundle meets the file system instead.
func parentNotWritable(t *testing.T) {
	t.Helper()
	saved := makeTempBeside
	t.Cleanup(func() { makeTempBeside = saved })
	makeTempBeside = func(dir, pattern string) (string, error) {
		return "", &fs.PathError{Op: "mkdir", Path: filepath.Join(dir, pattern+"123"), Err: fs.ErrPermission}
	}
}

// TestWriteBundleInsideWhenParentIsNotWritable: the case, an empty
// site/ the user owns inside a parent they cannot write. The bundle is
// written inside site/ and moved up; a second export replaces the first
// the same way; nothing temporary is left.
func TestWriteBundleInsideWhenParentIsNotWritable(t *testing.T) {
	parentNotWritable(t)
	parent := t.TempDir()
	dir := filepath.Join(parent, "site")
	if err := os.Mkdir(dir, 0o750); err != nil {
		t.Fatal(err)
	}
	c := seededCamp(t)
	if err := WriteBundle(dir, c, Options{}); err != nil {
		t.Fatalf("export into an empty site/ in an unwritable parent: %v", err)
	}
	if info, _ := os.Stat(dir); info.Mode().Perm() != 0o750 {
		t.Errorf("site/ is now %o: the export changed the mode its owner gave it", info.Mode().Perm())
	}
	if !slices.Contains(listDir(t, dir), "index.html") {
		t.Fatalf("no bundle in site/: %q", listDir(t, dir))
	}
	if err := WriteBundle(dir, c, Options{Only: []string{BundleICS}}); err != nil {
		t.Fatal(err)
	}
	if got := listDir(t, dir); !slices.Equal(got, []string{bundleMarker, "schedule.ics"}) {
		t.Errorf("after the second export site/ holds %q", got)
	}
	if entries, _ := os.ReadDir(parent); len(entries) != 1 {
		t.Errorf("something was written beside site/: %v", entries)
	}
}

// TestWriteBundleErrorsNameOut: whatever fails, the message names --out
// as the user gave it, not a temporary directory.
func TestWriteBundleErrorsNameOut(t *testing.T) {
	parentNotWritable(t)
	parent := t.TempDir()
	missing := filepath.Join(parent, "not-yet")
	err := WriteBundle(missing, seededCamp(t), Options{})
	if err == nil || !strings.HasPrefix(err.Error(), "--out "+missing+": ") {
		t.Errorf("error %v: want it to start with --out %s", err, missing)
	}
	foreign := t.TempDir()
	os.WriteFile(filepath.Join(foreign, "thesis.tex"), []byte("x"), 0o644)
	if err := WriteBundle(foreign, seededCamp(t), Options{}); err == nil || !strings.HasPrefix(err.Error(), "--out "+foreign+": ") {
		t.Errorf("error %v: want it to start with --out %s", err, foreign)
	}
}

// TestWriteBundleFollowsSymlink: a symlinked --out stays a symlink and its
// target gets the new bundle (it used to be replaced by a real directory,
// leaving the stale bundle at the target).
func TestWriteBundleFollowsSymlink(t *testing.T) {
	root := t.TempDir()
	target := filepath.Join(root, "real-bundle")
	link := filepath.Join(root, "site")
	c := seededCamp(t)
	if err := WriteBundle(target, c, Options{}); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(target, link); err != nil {
		t.Fatal(err)
	}
	if err := WriteBundle(link, c, Options{Only: []string{BundleICS}}); err != nil {
		t.Fatal(err)
	}
	info, err := os.Lstat(link)
	if err != nil || info.Mode()&fs.ModeSymlink == 0 {
		t.Fatalf("--out is no longer a symlink: %v %v", info.Mode(), err)
	}
	if got := listDir(t, target); !slices.Equal(got, []string{bundleMarker, "schedule.ics"}) {
		t.Errorf("the symlink's target holds %q, want the new bundle", got)
	}
	dangling := filepath.Join(root, "dangling")
	os.Symlink(filepath.Join(root, "nowhere"), dangling)
	if err := WriteBundle(dangling, c, Options{}); err == nil || !strings.Contains(err.Error(), "--out "+dangling) {
		t.Errorf("dangling symlink: error %v, want one naming --out", err)
	}
}

// TestWriteBundleNeverMissing: a reader polling --out while exports replace
// it again and again always finds the directory and a complete bundle.
func TestWriteBundleNeverMissing(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "out")
	c := seededCamp(t)
	if err := WriteBundle(dir, c, Options{}); err != nil {
		t.Fatal(err)
	}
	var stop atomic.Bool
	var misses, reads atomic.Int64
	var firstMiss atomic.Value
	var wg sync.WaitGroup
	wg.Go(func() {
		for !stop.Load() {
			reads.Add(1)
			for _, name := range []string{"", bundleMarker, "index.html"} {
				if _, err := os.Stat(filepath.Join(dir, name)); err != nil {
					misses.Add(1)
					firstMiss.CompareAndSwap(nil, fmt.Sprint(err))
				}
			}
		}
	})
	for i := range 30 {
		only := []string{BundleIndexHTML, BundleICS}
		if i%2 == 0 {
			only = nil
		}
		if err := WriteBundle(dir, c, Options{Only: only}); err != nil {
			t.Error(err)
			break
		}
	}
	stop.Store(true)
	wg.Wait()
	if misses.Load() > 0 {
		t.Errorf("%d of %d reads found the bundle missing, first: %v", misses.Load(), reads.Load(), firstMiss.Load())
	}
	if reads.Load() < 30 {
		t.Logf("only %d reads during the exports", reads.Load())
	}
}

// TestExchangeSwapsDirectories: the atomic exchange swaps two
// directories, or says it is not supported (WriteBundle then renames).
func TestExchangeSwapsDirectories(t *testing.T) {
	parent := t.TempDir()
	dir, tmp := filepath.Join(parent, "out"), filepath.Join(parent, "new")
	for _, d := range []string{dir, tmp} {
		if err := os.Mkdir(d, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	os.WriteFile(filepath.Join(tmp, "new.txt"), nil, 0o644)
	err := exchange(tmp, dir)
	if err != nil && !errors.Is(err, errExchangeUnsupported) {
		t.Fatal(err)
	}
	if err == nil {
		if _, err := os.Stat(filepath.Join(dir, "new.txt")); err != nil {
			t.Errorf("exchange did not swap: %v", err)
		}
	}
}

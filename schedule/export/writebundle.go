package export

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/lightningcamp/camp/schedule"
)

// bundleMarker is written into every bundle. WriteBundle replaces an
// existing directory only when it holds this file (or nothing), so a
// mistyped --out never wipes someone's home directory.
const bundleMarker = ".camp-export"

const bundleMarkerText = "This directory was written by `camp export`; the next export replaces it whole.\n"

// WriteBundle writes the bundle (see Bundle) to dir, atomically: the files
// go into a temporary directory beside dir, which is then renamed into
// place. An existing bundle at dir is renamed aside first and removed only
// once the new one is in place, so an interrupted export leaves the old
// bundle or the new one, never half of either.
func WriteBundle(dir string, c Camp, opt Options) error {
	files, err := Bundle(c, opt)
	if err != nil {
		return err
	}
	dir = filepath.Clean(dir)
	if err := checkReplaceable(dir); err != nil {
		return err
	}
	parent, base := filepath.Dir(dir), filepath.Base(dir)
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return fmt.Errorf("export: %w", err)
	}
	tmp, err := os.MkdirTemp(parent, "."+base+".new-")
	if err != nil {
		return fmt.Errorf("export: %w", err)
	}
	defer os.RemoveAll(tmp) // a no-op once renamed into place
	if err := writeFiles(tmp, files); err != nil {
		return err
	}
	if err := swapInto(tmp, dir); err != nil {
		return err
	}
	return syncDir(parent)
}

// checkReplaceable refuses to replace anything but an earlier bundle or an
// empty directory.
func checkReplaceable(dir string) error {
	info, err := os.Stat(dir)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		return fmt.Errorf("export: %w", err)
	}
	if !info.IsDir() {
		return schedule.Errorf(schedule.EINVALID, "export: %s exists and is not a directory", dir)
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		return fmt.Errorf("export: %w", err)
	}
	if _, err := os.Stat(filepath.Join(dir, bundleMarker)); len(entries) > 0 && err != nil {
		return schedule.Errorf(schedule.EINVALID,
			"export: %s is not empty and not an earlier export (no %s in it): choose another --out", dir, bundleMarker)
	}
	return nil
}

// writeFiles writes the files and the marker under root, synced to disk so
// that the rename cannot be seen before the data.
func writeFiles(root string, files []File) error {
	files = append(files, File{Path: bundleMarker, Data: []byte(bundleMarkerText)})
	for _, f := range files {
		name := filepath.Join(root, filepath.FromSlash(f.Path))
		if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
			return fmt.Errorf("export: %w", err)
		}
		if err := writeSynced(name, f.Data, fileMode(f)); err != nil {
			return fmt.Errorf("export: %s: %w", f.Path, err)
		}
	}
	// MkdirTemp makes the directory private; a bundle is meant to be read.
	return os.Chmod(root, 0o755)
}

// fileMode: private files are for the organiser's eyes only.
func fileMode(f File) os.FileMode {
	if f.Private {
		return 0o600
	}
	return 0o644
}

func writeSynced(name string, data []byte, mode os.FileMode) error {
	f, err := os.OpenFile(name, os.O_WRONLY|os.O_CREATE|os.O_EXCL, mode)
	if err != nil {
		return err
	}
	_, err = f.Write(data)
	if err == nil {
		err = f.Sync()
	}
	return errors.Join(err, f.Close())
}

// swapInto renames tmp to dir, moving an existing dir aside first and
// putting it back if the second rename fails.
func swapInto(tmp, dir string) error {
	old := tmp + ".old"
	hadOld := false
	if err := os.Rename(dir, old); err == nil {
		hadOld = true
	} else if !errors.Is(err, fs.ErrNotExist) {
		return fmt.Errorf("export: moving the earlier bundle aside: %w", err)
	}
	if err := os.Rename(tmp, dir); err != nil {
		if hadOld {
			_ = os.Rename(old, dir)
		}
		return fmt.Errorf("export: %w", err)
	}
	if hadOld {
		return os.RemoveAll(old)
	}
	return nil
}

// syncDir makes the renames durable. Some systems cannot sync a
// directory; the bundle is complete either way, so that is not an error.
func syncDir(dir string) error {
	d, err := os.Open(dir)
	if err != nil {
		return nil
	}
	_ = d.Sync()
	return d.Close()
}

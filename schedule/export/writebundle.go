package export

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"

	"github.com/lightningcamp/camp/schedule"
)

// bundleMarker is written into every bundle. WriteBundle replaces an
// existing directory only when it holds this file (or nothing), so a
// mistyped --out never wipes someone's home directory.
const bundleMarker = ".camp-export"

const bundleMarkerText = "This directory was written by `camp export`; the next export replaces it whole.\n"

// WriteBundle writes the bundle (see Bundle) to dir, which is never seen
// half-written and never missing:
//
//   - A symlink at dir is followed: the bundle goes to its target.
//   - The files go into a temporary directory beside dir, which is then
//     swapped with dir in one atomic exchange (renameat2 RENAME_EXCHANGE on
//     Linux; elsewhere dir is renamed aside and the new one renamed in,
//     the old one put back if that fails).
//   - If dir's parent is not writable (an empty site/ the user owns inside
//     a folder they don't), the temporary directory goes inside dir and
//     its contents are moved up, entry by entry: dir itself always exists.
//
// Errors name dir, as the user gave it.
func WriteBundle(dir string, c Camp, opt Options) error {
	files, err := Bundle(c, opt)
	if err != nil {
		return err
	}
	target, err := resolveOut(filepath.Clean(dir))
	if err != nil {
		return outError(dir, err)
	}
	if err := checkReplaceable(target); err != nil {
		return outError(dir, err)
	}
	parent, base := filepath.Dir(target), filepath.Base(target)
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return outError(dir, err)
	}
	tmp, err := makeTempBeside(parent, "."+base+".new-")
	if errors.Is(err, fs.ErrPermission) && isDir(target) {
		return outError(dir, writeInside(target, files))
	}
	if err != nil {
		return outError(dir, err)
	}
	defer os.RemoveAll(tmp) // the old bundle after a swap; nothing once renamed
	if err := writeFiles(tmp, files); err != nil {
		return outError(dir, err)
	}
	if err := swapInto(tmp, target); err != nil {
		return outError(dir, err)
	}
	return syncDir(parent)
}

// makeTempBeside creates the temporary directory; a variable so that tests
// can make it fail as an unwritable parent would (they run as root, who
// can write anywhere).
var makeTempBeside = os.MkdirTemp

// outError says which --out failed, whatever went wrong inside; a
// refusal keeps its code (EINVALID: exit 2).
func outError(dir string, err error) error {
	if err == nil {
		return nil
	}
	if code := schedule.ErrorCode(err); code != schedule.EINTERNAL {
		return schedule.Errorf(code, "--out %s: %s", dir, schedule.ErrorMessage(err))
	}
	return fmt.Errorf("--out %s: %w", dir, err)
}

// resolveOut follows a symlink at dir to the directory it names, so that
// the bundle replaces the target's content and the link stays a link.
func resolveOut(dir string) (string, error) {
	info, err := os.Lstat(dir)
	if err != nil || info.Mode()&fs.ModeSymlink == 0 {
		return dir, nil
	}
	target, err := filepath.EvalSymlinks(dir)
	if err != nil {
		return "", fmt.Errorf("it is a symlink to a directory that does not exist: %w", err)
	}
	return target, nil
}

func isDir(p string) bool {
	info, err := os.Stat(p)
	return err == nil && info.IsDir()
}

// checkReplaceable refuses to replace anything but an earlier bundle or an
// empty directory.
func checkReplaceable(dir string) error {
	info, err := os.Stat(dir)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		return err
	}
	if !info.IsDir() {
		return schedule.Errorf(schedule.EINVALID, "%s exists and is not a directory", dir)
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		return err
	}
	if _, err := os.Stat(filepath.Join(dir, bundleMarker)); len(entries) > 0 && err != nil {
		return schedule.Errorf(schedule.EINVALID,
			"%s is not empty and not an earlier export (no %s in it): choose another --out", dir, bundleMarker)
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
			return err
		}
		if err := writeSynced(name, f.Data, fileMode(f)); err != nil {
			return fmt.Errorf("%s: %w", f.Path, err)
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

// swapInto puts tmp in dir's place. If dir exists the two are exchanged
// atomically where the system can, so that dir never goes missing; the
// old bundle is left at tmp for the caller to remove.
func swapInto(tmp, dir string) error {
	err := exchange(tmp, dir)
	switch {
	case err == nil:
		return nil
	case errors.Is(err, fs.ErrNotExist):
		return os.Rename(tmp, dir) // nothing to replace
	case !errors.Is(err, errExchangeUnsupported):
		return err
	}
	old := tmp + ".old"
	hadOld := false
	if err := os.Rename(dir, old); err == nil {
		hadOld = true
	} else if !errors.Is(err, fs.ErrNotExist) {
		return fmt.Errorf("moving the earlier bundle aside: %w", err)
	}
	if err := os.Rename(tmp, dir); err != nil {
		if hadOld {
			_ = os.Rename(old, dir)
		}
		return err
	}
	if hadOld {
		return os.RemoveAll(old)
	}
	return nil
}

// writeInside is for a dir whose parent is not writable: the bundle is
// written to a temporary directory inside dir, the old entries are moved
// into another, and the new ones moved up. dir never goes missing; a
// reader may see a file of the old bundle beside one of the new for the
// moment of the moves.
func writeInside(dir string, files []File) error {
	tmp, err := os.MkdirTemp(dir, bundleMarker+".new-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(tmp)
	if err := writeFiles(tmp, files); err != nil {
		return err
	}
	old, err := os.MkdirTemp(dir, bundleMarker+".old-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(old)
	if err := moveEntries(dir, old, tmp, old); err != nil {
		_ = moveEntries(old, dir)
		return fmt.Errorf("moving the earlier bundle aside: %w", err)
	}
	if err := moveEntries(tmp, dir); err != nil {
		return err
	}
	return syncDir(dir) // dir keeps the mode its owner gave it
}

// moveEntries renames every entry of from into to, except the skipped
// paths.
func moveEntries(from, to string, skip ...string) error {
	entries, err := os.ReadDir(from)
	if err != nil {
		return err
	}
	for _, e := range entries {
		src := filepath.Join(from, e.Name())
		if slices.Contains(skip, src) {
			continue
		}
		if err := os.Rename(src, filepath.Join(to, e.Name())); err != nil {
			return err
		}
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

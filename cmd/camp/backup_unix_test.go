//go:build unix

package main

import (
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// Issue 12, item 13: `camp backup` wrote the copy of the database (emails,
// keys) 0644 under the usual umask; it is created 0600.
func TestBackupFileIsPrivate(t *testing.T) {
	old := syscall.Umask(0o022) // the child inherits it
	defer syscall.Umask(old)
	dir := t.TempDir()
	seedCamp(t, dir)
	backup := filepath.Join(dir, "backup.db")
	code, stdout, stderr := runBinary(t, dir, "backup", backup)
	if code != 0 || !strings.Contains(stdout, "backed up") {
		t.Fatalf("backup: exit %d\n%s%s", code, stdout, stderr)
	}
	info, err := os.Stat(backup)
	if err != nil {
		t.Fatal(err)
	}
	if mode := info.Mode().Perm(); mode != 0o600 {
		t.Errorf("backup mode %o, want 600", mode)
	}
	if code, _, stderr := runBinary(t, dir, "backup", backup); code == 0 || !strings.Contains(stderr, "already exists") {
		t.Errorf("a second backup to the same file: exit %d, %s", code, stderr)
	}
}

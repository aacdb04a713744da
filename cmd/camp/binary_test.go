package main

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"sync"
	"testing"
)

var (
	buildOnce sync.Once
	binPath   string
	buildErr  error
)

// campBinary builds the real camp binary once per test run.
func campBinary(t *testing.T) string {
	t.Helper()
	if testing.Short() {
		t.Skip("builds the camp binary")
	}
	buildOnce.Do(func() {
		dir, err := os.MkdirTemp("", "camp-bin")
		if err != nil {
			buildErr = err
			return
		}
		binPath = filepath.Join(dir, "camp")
		if out, err := exec.Command("go", "build", "-o", binPath, ".").CombinedOutput(); err != nil {
			buildErr = err
			binPath = string(out)
		}
	})
	if buildErr != nil {
		t.Fatalf("build: %v\n%s", buildErr, binPath)
	}
	return binPath
}

// runBinary runs the real binary with a data directory of its own.
func runBinary(t *testing.T, dataDir string, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	return runBinaryEnv(t, dataDir, nil, args...)
}

// runBinaryEnv is runBinary with more environment variables.
func runBinaryEnv(t *testing.T, dataDir string, env []string, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	cmd := exec.Command(campBinary(t), args...)
	cmd.Env = append(append(os.Environ(), "NO_COLOR=1", "CAMP_DATA="+dataDir), env...)
	var out, errOut bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errOut
	err := cmd.Run()
	if exitErr, ok := err.(*exec.ExitError); ok {
		return exitErr.ExitCode(), out.String(), errOut.String()
	} else if err != nil {
		t.Fatal(err)
	}
	return 0, out.String(), errOut.String()
}

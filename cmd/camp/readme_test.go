package main

import (
	"os"
	"regexp"
	"strings"
	"testing"
)

// The README promises two set-up commands, and CI must run exactly the test
// one first, then the race run: a README that drifts from CI would send a
// newcomer a command nobody checks.
func TestCIRunsTheREADMETestCommandFirst(t *testing.T) {
	readme, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	ci, err := os.ReadFile("../../.ci/run")
	if err != nil {
		t.Fatal(err)
	}
	m := regexp.MustCompile("(?m)^((?:\\S.*)?go test [^#\\n]*?)\\s*# run the tests$").FindSubmatch(readme)
	if m == nil {
		t.Fatal("README.md has no line `... go test ...   # run the tests` in its set-up block")
	}
	readmeCmd := string(m[1])
	if strings.Contains(readmeCmd, "-race") {
		t.Errorf("README test command %q needs a C compiler; it must pass with Go alone", readmeCmd)
	}
	var testLines []string
	for _, line := range strings.Split(string(ci), "\n") {
		line = strings.TrimSpace(line)
		if strings.Contains(line, "go test ") && !strings.HasPrefix(line, "#") && !strings.HasPrefix(line, "echo") {
			testLines = append(testLines, line)
		}
	}
	if len(testLines) < 2 {
		t.Fatalf(".ci/run runs %d go test commands, want the README's then the race run: %q", len(testLines), testLines)
	}
	if testLines[0] != readmeCmd {
		t.Errorf(".ci/run's first test command is %q, the README's is %q", testLines[0], readmeCmd)
	}
	if !strings.Contains(testLines[1], "go test -race ./...") {
		t.Errorf(".ci/run's second test command is %q, want the race run", testLines[1])
	}
	if !strings.Contains(string(ci), "set -euo pipefail") {
		t.Error(".ci/run must stop at the first failing command (set -euo pipefail)")
	}
}

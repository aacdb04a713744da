package main

import (
	"errors"
	"testing"
)

// TestPprofOnlyOnLoopback: the profiler shows the server's memory and
// timings, so --pprof takes a loopback address and nothing else.
func TestPprofOnlyOnLoopback(t *testing.T) {
	for _, addr := range []string{"0.0.0.0:6060", ":6060", "192.0.2.1:6060", "example.org:6060", "nonsense"} {
		var usage usageError
		if err := servePprof(addr); !errors.As(err, &usage) {
			t.Errorf("--pprof %s: got %v, want a usage error", addr, err)
		}
	}
	if err := servePprof("127.0.0.1:0"); err != nil {
		t.Errorf("--pprof 127.0.0.1:0: %v", err)
	}
}

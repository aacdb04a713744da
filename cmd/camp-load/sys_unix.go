//go:build unix

package main

import (
	"fmt"
	"syscall"
)

// raiseFileLimit makes room for need open files: one socket per session.
// Go already raises the soft limit to the hard one at start on Linux; this
// says clearly when even the hard limit is too low.
func raiseFileLimit(need uint64) error {
	var rl syscall.Rlimit
	if err := syscall.Getrlimit(syscall.RLIMIT_NOFILE, &rl); err != nil {
		return nil // cannot tell: try anyway
	}
	if rl.Cur >= need {
		return nil
	}
	rl.Cur = min(max(need, rl.Cur), rl.Max)
	_ = syscall.Setrlimit(syscall.RLIMIT_NOFILE, &rl)
	if rl.Cur < need {
		return fmt.Errorf("this process may open %d files but the run needs about %d: raise the limit (ulimit -n %d) for camp-load and the server", rl.Cur, need, need)
	}
	return nil
}

// selfCPU is the CPU time this process has used, in seconds: the load
// tool shares the machine with the server it measures.
func selfCPU() float64 {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	tv := func(t syscall.Timeval) float64 { return float64(t.Sec) + float64(t.Usec)/1e6 }
	return tv(ru.Utime) + tv(ru.Stime)
}

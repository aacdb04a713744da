package sshapp

import (
	"os"
	"runtime"
	"strconv"
	"strings"
	"syscall"
	"time"

	"github.com/lightningcamp/camp/tui/commands"
)

// Stats reports the server's vital signs for `stats` and the load tool.
func (s *Server) Stats() commands.Stats {
	var mem runtime.MemStats
	runtime.ReadMemStats(&mem)
	n, byRole := s.registry.Count()
	return commands.Stats{
		Sessions:       n,
		SessionsByRole: byRole,
		Goroutines:     runtime.NumGoroutine(),
		HeapBytes:      mem.HeapInuse,
		RSSBytes:       residentBytes(),
		CPUSeconds:     cpuSeconds(),
		UptimeSeconds:  time.Since(s.started).Seconds(),
	}
}

// residentBytes reads the process's resident set size from /proc (Linux);
// 0 elsewhere.
func residentBytes() uint64 {
	data, err := os.ReadFile("/proc/self/statm")
	if err != nil {
		return 0
	}
	fields := strings.Fields(string(data))
	if len(fields) < 2 {
		return 0
	}
	pages, err := strconv.ParseUint(fields[1], 10, 64)
	if err != nil {
		return 0
	}
	return pages * uint64(os.Getpagesize())
}

// cpuSeconds is the user and system CPU time the process has used.
func cpuSeconds() float64 {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	tv := func(t syscall.Timeval) float64 { return float64(t.Sec) + float64(t.Usec)/1e6 }
	return tv(ru.Utime) + tv(ru.Stime)
}

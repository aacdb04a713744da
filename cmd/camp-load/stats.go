package main

import (
	"math"
	"slices"
	"time"
)

// sample is a set of latencies. Percentiles use the nearest-rank method:
// p99 of 1,000 values is the 990th smallest, a value that was measured, so
// a report never shows a latency nobody saw.
type sample []time.Duration

// summary is what the report says about a sample.
type summary struct {
	n             int
	p50, p99, max time.Duration
}

func (s sample) summarise() summary {
	if len(s) == 0 {
		return summary{}
	}
	sorted := slices.Clone(s)
	slices.Sort(sorted)
	return summary{n: len(sorted), p50: rank(sorted, 50), p99: rank(sorted, 99), max: sorted[len(sorted)-1]}
}

// rank is the nearest-rank percentile p (0 < p <= 100) of sorted values:
// the smallest value with at least p% of the values at or below it.
func rank(sorted []time.Duration, p float64) time.Duration {
	if len(sorted) == 0 {
		return 0
	}
	i := int(math.Ceil(p/100*float64(len(sorted)))) - 1
	return sorted[min(max(i, 0), len(sorted)-1)]
}

// ms is a duration in milliseconds with 0.1 ms precision, for the report.
func ms(d time.Duration) float64 { return math.Round(float64(d)/float64(time.Millisecond)*10) / 10 }

// perSession spreads a growth over the sessions that caused it; growth
// below zero (the server freed more than the sessions took) counts as 0.
func perSession(before, after uint64, sessions int) uint64 {
	if sessions <= 0 || after <= before {
		return 0
	}
	return (after - before) / uint64(sessions)
}

// cpuPercent is CPU seconds used over a wall-clock window, as a percentage
// of one core.
func cpuPercent(cpuBefore, cpuAfter float64, wall time.Duration) float64 {
	if wall <= 0 || cpuAfter < cpuBefore {
		return 0
	}
	return math.Round((cpuAfter-cpuBefore)/wall.Seconds()*1000) / 10
}

// cpuWindow is the server's CPU over one idle window, and the sessions it
// served meanwhile.
type cpuWindow struct {
	cpuBefore, cpuAfter float64 // the server's CPU seconds
	wall                time.Duration
	sessions            int
}

// percent is the window's CPU as a percentage of one core.
func (w cpuWindow) percent() float64 { return cpuPercent(w.cpuBefore, w.cpuAfter, w.wall) }

// microsPerSessionSecond is what one session cost the server per second
// of the window, in CPU microseconds: 12.9% of a core at 1,000 sessions
// is 129 µs. 0 when nothing was measured.
func (w cpuWindow) microsPerSessionSecond() float64 {
	if w.wall <= 0 || w.sessions <= 0 || w.cpuAfter < w.cpuBefore {
		return 0
	}
	return math.Round((w.cpuAfter-w.cpuBefore)/w.wall.Seconds()/float64(w.sessions)*1e7) / 10
}

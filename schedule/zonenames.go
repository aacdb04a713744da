package schedule

import (
	_ "embed"
	"strings"
	"sync"
)

// zonenames.txt lists the IANA zone names of Go's zoneinfo, which the
// binary embeds (time/tzdata) but cannot list. Regenerate it when Go's
// zone database changes:
//
//go:generate sh -c "unzip -Z1 \"$(go env GOROOT)/lib/time/zoneinfo.zip\" | grep -v '/$' | sort > zonenames.txt"
//go:embed zonenames.txt
var zoneNamesText string

var zoneNames = sync.OnceValue(func() []string { return strings.Fields(zoneNamesText) })

// zoneByFold finds the zone spelled name in any case ("asia/tokyo"), with
// spaces for underscores ("America/New York").
func zoneByFold(name string) (string, bool) {
	want := foldZone(name)
	for _, z := range zoneNames() {
		if strings.ToLower(z) == want {
			return z, true
		}
	}
	return "", false
}

func foldZone(s string) string {
	return strings.ToLower(strings.ReplaceAll(strings.TrimSpace(s), " ", "_"))
}

// SuggestZones returns up to n zone names close to name: by the whole name
// or by its city alone ("Tokio" → Asia/Tokyo), nearest first.
func SuggestZones(name string, n int) []string {
	want := foldZone(name)
	if want == "" || len(want) > 64 {
		return nil
	}
	city := want[strings.LastIndexByte(want, '/')+1:]
	type near struct {
		zone string
		d    int
	}
	var best []near
	for _, z := range zoneNames() {
		lz := strings.ToLower(z)
		d := editDistance(want, lz)
		if c := lz[strings.LastIndexByte(lz, '/')+1:]; c != lz {
			d = min(d, editDistance(city, c))
		}
		if d <= max(2, len(city)/4) {
			best = append(best, near{z, d})
		}
	}
	for i := 1; i < len(best); i++ { // few candidates: insertion sort, stable
		for j := i; j > 0 && best[j].d < best[j-1].d; j-- {
			best[j], best[j-1] = best[j-1], best[j]
		}
	}
	var out []string
	for _, b := range best {
		if len(out) == n {
			break
		}
		out = append(out, b.zone)
	}
	return out
}

// editDistance is the Levenshtein distance between two short ASCII strings.
func editDistance(a, b string) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}

package schedule_test

import (
	"testing"

	"github.com/lightningcamp/camp/schedule"
)

func TestSimilarTitles(t *testing.T) {
	for _, tc := range []struct {
		a, b string
		same bool
	}{
		{"Cython in anger", "cython in anger!", true},
		{"Packaging compiled wheels", "Packaging compiled wheel", true},
		{"Packaging compiled wheels", "packaging  compiled-wheels", true},
		{"Topic 13", "Topic 15", false},
		{"Python 3.13 and the JIT", "Python 3.14 and the JIT", false},
		{"Numba", "Numpy", false},
		{"Cython in anger", "Mypyc in anger", false},
		{"", "", false},
	} {
		if got := schedule.SimilarTitles(tc.a, tc.b); got != tc.same {
			t.Errorf("SimilarTitles(%q, %q) = %v, want %v", tc.a, tc.b, got, tc.same)
		}
	}
}

package schedule_test

import (
	"testing"

	"github.com/lightningcamp/camp/schedule"
)

// FuzzParse checks that no schedule file, however broken, makes the loader
// panic, and that every problem it reports says where.
func FuzzParse(f *testing.F) {
	f.Add(schedule.Example())
	f.Add([]byte(base))
	f.Add([]byte("[event\nslug=1"))
	f.Add([]byte("x = '''\nmulti\n'''\n[[blocks]]\nid = \"a\"\nstart = 09:30:00\n"))
	f.Add([]byte("a = { b = [1, {c = \"]\"}], d = \"\\\"\" } # [x]\n[\"q.k\".'r']\ne=1"))
	f.Fuzz(func(t *testing.T, data []byte) {
		ev, err := schedule.Parse("fuzz.toml", data)
		if err == nil {
			if ev == nil {
				t.Fatal("no event and no error")
			}
			return
		}
		if schedule.ErrorCode(err) != schedule.EINVALID {
			t.Fatalf("error code %q for %v", schedule.ErrorCode(err), err)
		}
		if err.Error() == "" {
			t.Fatal("empty error message")
		}
	})
}

package store_test

import (
	"bufio"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/lightningcamp/camp/schedule"
	"github.com/lightningcamp/camp/store"
	"github.com/lightningcamp/camp/store/storetest"
)

// crashChildEnv names the database a re-executed test binary writes to
// until it is killed.
const crashChildEnv = "CAMP_CRASH_CHILD_DB"

func TestMain(m *testing.M) {
	if path := os.Getenv(crashChildEnv); path != "" {
		crashChild(path)
		return
	}
	os.Exit(m.Run())
}

// crashChild proposes talks for ever, printing each id once its commit has
// returned: from then on the talk must survive anything.
func crashChild(path string) {
	db, err := store.Open(path, store.Options{})
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(3)
	}
	ev, _ := schedule.Parse(schedule.ExampleName, schedule.Example())
	camp, err := db.Camp(ctx, ev)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(3)
	}
	p, err := camp.Login(ctx, storetest.FakeFingerprint("crash organiser"), true)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(3)
	}
	a := schedule.Actor{PersonID: p.ID, Role: p.Role}
	camp.Join(ctx, a, schedule.JoinRequest{Name: "Crash", AcceptCoC: true})
	for i := 0; ; i++ {
		tk, err := camp.ProposeTalk(ctx, a, schedule.TalkProposal{Title: fmt.Sprintf("talk %d", i), Abstract: strings.Repeat("words ", 50)})
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(4)
		}
		fmt.Printf("%d\n", tk.ID)
	}
}

func TestCommittedProposalsSurviveSIGKILL(t *testing.T) {
	if testing.Short() {
		t.Skip("kills child processes")
	}
	path := filepath.Join(t.TempDir(), "crash.db")
	printed := map[int64]bool{}
	for round := range 20 {
		cmd := exec.Command(os.Args[0], "-test.run=^$")
		cmd.Env = append(os.Environ(), crashChildEnv+"="+path)
		out, err := cmd.StdoutPipe()
		if err != nil {
			t.Fatal(err)
		}
		var stderr strings.Builder
		cmd.Stderr = &stderr
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		lines := make(chan int64, 1024)
		go func() {
			defer close(lines)
			sc := bufio.NewScanner(out)
			for sc.Scan() {
				if id, err := strconv.ParseInt(sc.Text(), 10, 64); err == nil {
					lines <- id
				}
			}
		}()
		// Wait for the first committed id, then kill at a random moment.
		select {
		case id, ok := <-lines:
			if !ok {
				t.Fatalf("round %d: child wrote nothing: %s", round, stderr.String())
			}
			printed[id] = true
		case <-time.After(20 * time.Second):
			cmd.Process.Kill()
			t.Fatalf("round %d: child did not start writing", round)
		}
		time.Sleep(time.Duration(rand.IntN(150)) * time.Millisecond)
		cmd.Process.Signal(syscall.SIGKILL)
		for id := range lines {
			printed[id] = true
		}
		cmd.Wait()
	}
	db, err := store.Open(path, store.Options{}) // runs integrity_check
	if err != nil {
		t.Fatalf("after 20 kills the database does not open: %v", err)
	}
	defer db.Close()
	if err := db.IntegrityCheck(ctx); err != nil {
		t.Fatal(err)
	}
	camp, err := db.Camp(ctx, storetest.Example(t))
	if err != nil {
		t.Fatal(err)
	}
	talks, err := camp.Talks(ctx, schedule.TalkFilter{})
	if err != nil {
		t.Fatal(err)
	}
	stored := map[int64]bool{}
	for _, tk := range talks {
		stored[tk.ID] = true
	}
	missing := 0
	for id := range printed {
		if !stored[id] {
			missing++
		}
	}
	if missing > 0 {
		t.Fatalf("%d of %d committed talks are gone after the kills", missing, len(printed))
	}
	t.Logf("%d committed proposals printed over 20 kills; all present", len(printed))
}

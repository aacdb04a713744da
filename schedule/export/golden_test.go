package export

import (
	"bytes"
	"fmt"
	"io"
	"testing"

	"github.com/charmbracelet/x/exp/golden"
)

// TestGolden pins every format for the seeded camp. After an intended
// change, review the diff and run: go test ./schedule/export/ -update
func TestGolden(t *testing.T) {
	c := seededCamp(t)
	writers := map[string]func(io.Writer) error{
		"event.json":              func(w io.Writer) error { return WriteEventJSON(w, c, Options{}) },
		"event-private.json":      func(w io.Writer) error { return WriteEventJSON(w, c, Options{IncludePrivate: true}) },
		"schedule.ics":            func(w io.Writer) error { return WriteICS(w, c) },
		"schedule.json":           func(w io.Writer) error { return WriteFrabSchedule(w, c, Options{}) },
		"zoom-breakout-rooms.csv": func(w io.Writer) error { return WriteZoomCSV(w, c, Options{}) },
		"index.html":              func(w io.Writer) error { return writeBundleFile(w, c, indexHTMLName) },
		"zoom-unassigned.txt":     func(w io.Writer) error { return writeBundleFile(w, c, zoomLeftOutName) },
		".gitignore":              func(w io.Writer) error { return writeBundleFile(w, c, gitignoreName) },
		"mine.md":                 func(w io.Writer) error { return MineMarkdown(w, c, 1) },
		"compilepython":           func(w io.Writer) error { return concatFiles(w)(CompilePythonPages(c)) },
		"notes":                   func(w io.Writer) error { return concatFiles(w)(NotesFiles(c)) },
	}
	for name, write := range writers {
		t.Run(name, func(t *testing.T) {
			var buf bytes.Buffer
			if err := write(&buf); err != nil {
				t.Fatal(err)
			}
			golden.RequireEqual(t, buf.Bytes())
		})
	}
}

// concatFiles writes several files as one golden, each under its path.
func concatFiles(w io.Writer) func([]File, error) error {
	return func(files []File, err error) error {
		if err != nil {
			return err
		}
		for _, f := range files {
			if _, err := io.WriteString(w, "==> "+f.Path+" <==\n"+string(f.Data)+"\n"); err != nil {
				return err
			}
		}
		return nil
	}
}

// writeBundleFile writes one file of the full bundle, as Bundle made it.
func writeBundleFile(w io.Writer, c Camp, path string) error {
	files, err := Bundle(c, Options{})
	if err != nil {
		return err
	}
	for _, f := range files {
		if f.Path == path {
			_, err := w.Write(f.Data)
			return err
		}
	}
	return fmt.Errorf("the bundle has no %s", path)
}

// TestDeterministic: the same camp, even with its lists in another order,
// gives byte-identical bundles.
func TestDeterministic(t *testing.T) {
	c := seededCamp(t)
	first, err := Bundle(c, Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, again := range []Camp{c, shuffled(c)} {
		second, err := Bundle(again, Options{})
		if err != nil {
			t.Fatal(err)
		}
		if len(first) != len(second) {
			t.Fatalf("%d files, then %d", len(first), len(second))
		}
		for i := range first {
			if first[i].Path != second[i].Path || !bytes.Equal(first[i].Data, second[i].Data) {
				t.Errorf("%s differs between two exports of the same camp", first[i].Path)
			}
		}
	}
}

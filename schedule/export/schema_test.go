package export

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"
)

const (
	eventSchemaPath = "../../docs/event.schema.json"
	// A copy kept in the repository (EUPL-1.2, see its README), so the
	// check runs in every clone.
	c3vocSchemaPath = "../../testdata/c3voc/schedule.schema.json"
)

// requireValid validates data against the JSON Schema at path.
func requireValid(t *testing.T, schemaPath string, data []byte) {
	t.Helper()
	if err := validateAgainst(t, schemaPath, data); err != nil {
		t.Fatalf("not valid against %s:\n%v", schemaPath, err)
	}
}

// validateAgainst checks data with formats (uri, uuid, date-time) asserted
// rather than merely annotated.
func validateAgainst(t *testing.T, schemaPath string, data []byte) error {
	t.Helper()
	abs, err := filepath.Abs(schemaPath)
	if err != nil {
		t.Fatal(err)
	}
	c := jsonschema.NewCompiler()
	c.AssertFormat()
	schema, err := c.Compile(abs)
	if err != nil {
		t.Fatalf("compiling %s: %v", schemaPath, err)
	}
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	return schema.Validate(doc)
}

// TestSchemasCatchMistakes proves the validation tests can fail: a
// document the schema forbids is rejected.
func TestSchemasCatchMistakes(t *testing.T) {
	c := seededCamp(t)
	var buf bytes.Buffer
	if err := WriteEventJSON(&buf, c, Options{}); err != nil {
		t.Fatal(err)
	}
	broken := strings.Replace(buf.String(), `"schema_version": 1`, `"schema_version": 2`, 1)
	if validateAgainst(t, eventSchemaPath, []byte(broken)) == nil {
		t.Error("event schema accepted schema_version 2")
	}
	if _, err := os.Stat(c3vocSchemaPath); err != nil {
		return
	}
	buf.Reset()
	if err := WriteFrabSchedule(&buf, c, Options{}); err != nil {
		t.Fatal(err)
	}
	broken = strings.Replace(buf.String(), `"acronym": "lightning_camp_2026_03"`, `"acronym": "2026-03"`, 1)
	if validateAgainst(t, c3vocSchemaPath, []byte(broken)) == nil {
		t.Error("c3voc schema accepted an acronym outside its pattern")
	}
}

func TestEventJSONMatchesSchema(t *testing.T) {
	c := seededCamp(t)
	for _, opt := range []Options{{}, {IncludePrivate: true}} {
		var buf bytes.Buffer
		if err := WriteEventJSON(&buf, c, opt); err != nil {
			t.Fatal(err)
		}
		requireValid(t, eventSchemaPath, buf.Bytes())
	}
}

// TestEventJSONPublicHasNoPrivateData: no email, key fingerprint,
// registration or hidden text leaves in a public export; a private one
// has them.
func TestEventJSONPublicHasNoPrivateData(t *testing.T) {
	c := seededCamp(t)
	var public, private bytes.Buffer
	if err := WriteEventJSON(&public, c, Options{}); err != nil {
		t.Fatal(err)
	}
	if err := WriteEventJSON(&private, c, Options{IncludePrivate: true}); err != nil {
		t.Fatal(err)
	}
	secrets := []string{"@example.", "SHA256:", "registrations", "spam", "hidden", "Rejected talk", "note on a rejected talk"}
	for _, s := range secrets {
		if strings.Contains(public.String(), s) {
			t.Errorf("public event.json contains %q", s)
		}
	}
	for _, s := range []string{"ada@example.org", "SHA256:adakey", "grace@example.net", "Rejected talk"} {
		if !strings.Contains(private.String(), s) {
			t.Errorf("private event.json lacks %q", s)
		}
	}
	for _, s := range []string{"spam", "\"hidden\""} {
		if strings.Contains(private.String(), s) {
			t.Errorf("private event.json contains hidden text %q", s)
		}
	}
	var doc map[string]any
	if err := json.Unmarshal(public.Bytes(), &doc); err != nil || doc["schema_version"] != float64(1) {
		t.Errorf("schema_version = %v (%v), want 1", doc["schema_version"], err)
	}
}

func TestFrabScheduleMatchesC3VOCSchema(t *testing.T) {
	for name, c := range map[string]Camp{"seeded": seededCamp(t), "empty": emptyCamp(t)} {
		t.Run(name, func(t *testing.T) {
			var buf bytes.Buffer
			if err := WriteFrabSchedule(&buf, c, Options{}); err != nil {
				t.Fatal(err)
			}
			requireValid(t, c3vocSchemaPath, buf.Bytes())
		})
	}
}

// TestFrabGUIDsUnique: conference apps key favourites by GUID.
func TestFrabGUIDsUnique(t *testing.T) {
	var buf bytes.Buffer
	if err := WriteFrabSchedule(&buf, seededCamp(t), Options{}); err != nil {
		t.Fatal(err)
	}
	var doc frabDoc
	if err := json.Unmarshal(buf.Bytes(), &doc); err != nil {
		t.Fatal(err)
	}
	seen := map[string]bool{}
	ids := map[int64]bool{}
	for _, day := range doc.Schedule.Conference.Days {
		for _, events := range day.Rooms {
			for _, e := range events {
				if seen[e.GUID] || ids[e.ID] {
					t.Errorf("event %q: GUID %s or id %d used twice", e.Title, e.GUID, e.ID)
				}
				seen[e.GUID], ids[e.ID] = true, true
			}
		}
	}
	if len(seen) != 17+3+3 {
		t.Errorf("%d events, want 17 blocks + 3 started talks + 3 placed topics", len(seen))
	}
}

func TestFrabAcronymFitsSchema(t *testing.T) {
	ev := seededCamp(t).Event
	for _, slug := range []string{"2026-03", "a", "x-y-z", "2026-12-autumn"} {
		for _, series := range []string{"", "Lightning Camp", "Ü"} {
			e := *ev
			e.Slug, e.Series = slug, series
			if a := frabAcronym(&e); !frabAcronymPattern.MatchString(a) {
				t.Errorf("series %q slug %q: acronym %q does not fit the schema", series, slug, a)
			}
		}
	}
}

package export

import "testing"

// TestUUIDv5 checks the name-based UUIDs against Python's uuid.uuid5, so
// other tools can recompute camp's GUIDs.
func TestUUIDv5(t *testing.T) {
	nsDNS := [16]byte{0x6b, 0xa7, 0xb8, 0x10, 0x9d, 0xad, 0x11, 0xd1, 0x80, 0xb4, 0x00, 0xc0, 0x4f, 0xd4, 0x30, 0xc8}
	for _, tc := range []struct {
		ns   [16]byte
		name string
		want string
	}{
		{nsDNS, "python.org", "886313e1-3b8a-5372-9b90-0c9aee199e5d"},
		{nsURL, "https://github.com/lightningcamp/camp", "f0a00b49-027f-5130-ad58-bef3094132e4"}, // campNamespace
	} {
		if got := formatUUID(uuidV5(tc.ns, tc.name)); got != tc.want {
			t.Errorf("uuid5(%q) = %s, want %s", tc.name, got, tc.want)
		}
	}
	if a, b := stableGUID("2026-03", "talk", "1"), stableGUID("2026-03", "talk", "1"); a != b || a == stableGUID("2026-07", "talk", "1") {
		t.Errorf("GUIDs are not stable per camp: %s %s", a, b)
	}
}

package export

import (
	"crypto/sha1"
	"fmt"
	"regexp"
	"strings"
)

// Identifiers must survive re-exports: a calendar updates an event in place
// only when its UID is unchanged, and a conference app keeps a favourite
// only while the GUID stays the same. So every id is derived from the event
// slug, the kind of thing and its own id, never from a counter or the clock.

// nsURL is RFC 4122's namespace for URLs; campNamespace is camp's own
// namespace within it, so camp's UUIDs never collide with another tool's.
var (
	nsURL         = [16]byte{0x6b, 0xa7, 0xb8, 0x11, 0x9d, 0xad, 0x11, 0xd1, 0x80, 0xb4, 0x00, 0xc0, 0x4f, 0xd4, 0x30, 0xc8}
	campNamespace = uuidV5(nsURL, "https://github.com/lightningcamp/camp")
)

// uuidV5 is the RFC 4122 name-based UUID (SHA-1) of name in namespace.
func uuidV5(namespace [16]byte, name string) [16]byte {
	h := sha1.New()
	h.Write(namespace[:])
	h.Write([]byte(name))
	var u [16]byte
	copy(u[:], h.Sum(nil))
	u[6] = u[6]&0x0f | 0x50 // version 5
	u[8] = u[8]&0x3f | 0x80 // RFC 4122 variant
	return u
}

func formatUUID(u [16]byte) string {
	return fmt.Sprintf("%x-%x-%x-%x-%x", u[0:4], u[4:6], u[6:8], u[8:10], u[10:16])
}

// stableGUID is the UUID of one thing of the camp: slug/kind/id.
func stableGUID(slug, kind, id string) string {
	return formatUUID(uuidV5(campNamespace, slug+"/"+kind+"/"+id))
}

// icsUID is the iCalendar UID of one thing: 2026-03-block-eu-talks@camp.
func icsUID(slug, kind, id string) string { return slug + "-" + kind + "-" + id + "@camp" }

var notSlugChars = regexp.MustCompile(`[^a-z0-9]+`)

// slugify lower-cases s and joins its letters and digits with sep, for the
// slugs and acronyms conference apps accept.
func slugify(s, sep string) string {
	return strings.Trim(notSlugChars.ReplaceAllString(strings.ToLower(s), sep), sep)
}

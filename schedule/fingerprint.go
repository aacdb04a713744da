package schedule

import (
	"crypto/sha256"
	"encoding/base64"
	"encoding/binary"
	"fmt"
	"strings"
)

// Fingerprint returns the SHA256 fingerprint ("SHA256:...", as ssh-keygen -l
// prints it) of a public key written as in authorized_keys, or checks and
// returns a fingerprint given as such.
func Fingerprint(key string) (string, error) {
	key = strings.TrimSpace(key)
	if strings.HasPrefix(key, "SHA256:") {
		raw, err := base64.RawStdEncoding.DecodeString(strings.TrimPrefix(key, "SHA256:"))
		if err != nil || len(raw) != sha256.Size {
			return "", fmt.Errorf("%q is not a SHA256 fingerprint: copy it from `ssh-keygen -lf KEY.pub`", key)
		}
		return key, nil
	}
	fields := strings.Fields(key)
	if len(fields) < 2 {
		return "", fmt.Errorf("not a public key: paste one line of KEY.pub, e.g. \"ssh-ed25519 AAAA... you@example.org\", or its SHA256: fingerprint")
	}
	blob, err := base64.StdEncoding.DecodeString(fields[1])
	if err != nil || keyType(blob) != fields[0] {
		return "", fmt.Errorf("the %s public key is damaged: paste the whole line of KEY.pub again", fields[0])
	}
	sum := sha256.Sum256(blob)
	return "SHA256:" + base64.RawStdEncoding.EncodeToString(sum[:]), nil
}

// keyType reads the algorithm name that starts an SSH public-key blob.
func keyType(blob []byte) string {
	if len(blob) < 4 {
		return ""
	}
	n := binary.BigEndian.Uint32(blob)
	if uint64(n) > uint64(len(blob)-4) {
		return ""
	}
	return string(blob[4 : 4+n])
}

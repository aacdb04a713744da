package export

import (
	"errors"

	"golang.org/x/sys/unix"
)

var errExchangeUnsupported = errors.New("atomic exchange not supported")

// exchange swaps the directories at a and b in one step (renameat2 with
// RENAME_EXCHANGE), so that b is never missing. A file system without it
// gives errExchangeUnsupported; b missing gives fs.ErrNotExist.
func exchange(a, b string) error {
	err := unix.Renameat2(unix.AT_FDCWD, a, unix.AT_FDCWD, b, unix.RENAME_EXCHANGE)
	if errors.Is(err, unix.EINVAL) || errors.Is(err, unix.ENOSYS) || errors.Is(err, unix.EOPNOTSUPP) {
		return errExchangeUnsupported
	}
	return err
}

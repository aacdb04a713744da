//go:build !linux

package export

import "errors"

var errExchangeUnsupported = errors.New("atomic exchange not supported")

// exchange is Linux-only; elsewhere WriteBundle renames the old bundle
// aside and the new one in.
func exchange(a, b string) error { return errExchangeUnsupported }

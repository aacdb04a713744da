package store

import (
	"slices"
	"sync"
)

// readCache keeps the last full list of something a camp shows on every
// screen (talks, topics) until the database changes. Hundreds of sessions
// re-read the board after each change; between two changes they share one
// list. Reads that miss at the same moment each query (this cache does not
// make them wait for one another); the TUI's shared reads (live.Shared)
// already gather a crowd of sessions into one or two such reads.
//
// The generation is read before querying: a write that commits during the
// query bumps it, so the next read queries again rather than keep stale rows.
// Callers get their own copy of the slice; the strings and inner slices are
// shared and must not be modified.
//
// The key is the generation, or for a read that also depends on the time,
// the generation and the time to the minute (peopleKey).
type readCache[K comparable, T any] struct {
	mu    sync.Mutex
	gen   K
	valid bool
	items []T
}

func (c *readCache[K, T]) get(gen K, load func() ([]T, error)) ([]T, error) {
	c.mu.Lock()
	if c.valid && c.gen == gen {
		items := slices.Clone(c.items)
		c.mu.Unlock()
		return items, nil
	}
	c.mu.Unlock()
	items, err := load()
	if err != nil {
		return nil, err
	}
	c.mu.Lock()
	c.items, c.gen, c.valid = items, gen, true
	c.mu.Unlock()
	return slices.Clone(items), nil
}

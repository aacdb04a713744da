package store

// ForgetCache makes the next reads query the database, for benchmarks of a
// cold read.
func (db *DB) ForgetCache() { db.gen.Add(1) }

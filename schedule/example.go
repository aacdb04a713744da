package schedule

import _ "embed"

// The example schedule is the real camp of 28 March 2026. It is embedded so
// that `camp` runs out of the box, anywhere; schedule.example.toml at the top
// of the repository is the copy people read, and a test keeps the two equal.
//
//go:generate cp ../schedule.example.toml example.toml
//go:embed example.toml
var exampleTOML []byte

// ExampleName is the name errors in the embedded example are reported under.
const ExampleName = "schedule.example.toml"

// Example returns the embedded example schedule file.
func Example() []byte { return append([]byte(nil), exampleTOML...) }

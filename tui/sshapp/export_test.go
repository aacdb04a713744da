package sshapp

// ResizesApplied is how many terminal resizes the server's sessions have
// applied (redrawn at), for tests of the window-change pacing.
func ResizesApplied(s *Server) int64 { return s.resizes.Load() }

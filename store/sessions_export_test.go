package store

// Kill stops the heartbeat as a crashed process would: its sessions stay
// in the table, no longer beating, for another process to sweep.
func (s *Sessions) Kill() {
	s.once.Do(func() {
		s.stop()
		<-s.done
	})
}

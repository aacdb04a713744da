package sshapp

import "net"

func hostOf(addr string) string {
	host, _, err := net.SplitHostPort(addr)
	if err != nil || host == "" || host == "0.0.0.0" || host == "::" {
		return "HOST"
	}
	return host
}

func portOf(addr string) string {
	_, port, err := net.SplitHostPort(addr)
	if err != nil {
		return "2222"
	}
	return port
}

// ConnectHint tells attendees how to connect, e.g. "ssh -p 2222 127.0.0.1".
func (s *Server) ConnectHint() string { return "ssh -p " + portOf(s.Addr()) + " " + hostOf(s.Addr()) }

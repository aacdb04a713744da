package main

import (
	"bytes"
	"context"
	"crypto/ed25519"
	"crypto/rand"
	"errors"
	"fmt"
	"net"
	"os"
	"strings"
	"time"

	gossh "golang.org/x/crypto/ssh"
)

// loopbackAddr resolves addr and refuses anything that is not on this
// machine: a load test sends traffic to loopback only. It returns the
// address to dial, with the host replaced by the loopback IP it names.
func loopbackAddr(ctx context.Context, addr string) (string, error) {
	host, port, err := net.SplitHostPort(addr)
	if err != nil {
		return "", fmt.Errorf("--addr %q: want HOST:PORT: %v", addr, err)
	}
	if host == "" {
		host = "127.0.0.1"
	}
	ips, err := net.DefaultResolver.LookupIPAddr(ctx, host)
	if err != nil {
		return "", fmt.Errorf("--addr %q: %v", addr, err)
	}
	if len(ips) == 0 {
		return "", fmt.Errorf("--addr %q: no address", addr)
	}
	for _, ip := range ips {
		if !ip.IP.IsLoopback() {
			return "", fmt.Errorf("--addr %q: %s is not a loopback address; camp-load only loads a server on this machine", addr, ip.IP)
		}
	}
	return net.JoinHostPort(ips[0].IP.String(), port), nil
}

// readSigner reads an unencrypted private key file (OpenSSH or PEM).
func readSigner(path string) (gossh.Signer, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("--organiser-key: %v", err)
	}
	s, err := gossh.ParsePrivateKey(data)
	var missing *gossh.PassphraseMissingError
	if errors.As(err, &missing) {
		return nil, fmt.Errorf("--organiser-key %s: the key has a passphrase; use an unencrypted organiser key made for the test", path)
	}
	if err != nil {
		return nil, fmt.Errorf("--organiser-key %s: %v", path, err)
	}
	return s, nil
}

func newSigner() (gossh.Signer, error) {
	_, priv, err := ed25519.GenerateKey(rand.Reader)
	if err != nil {
		return nil, err
	}
	return gossh.NewSignerFromKey(priv)
}

// guestConfig authenticates without a key, as a guest: keyboard-interactive
// with no questions asked.
func guestConfig(timeout time.Duration) *gossh.ClientConfig {
	noAnswers := func(string, string, []string, []bool) ([]string, error) { return nil, nil }
	return &gossh.ClientConfig{
		User:            "guest",
		Auth:            []gossh.AuthMethod{gossh.KeyboardInteractive(noAnswers)},
		HostKeyCallback: gossh.InsecureIgnoreHostKey(), // loopback, a server we started ourselves
		Timeout:         timeout,
	}
}

func clientConfig(user string, key gossh.Signer, timeout time.Duration) *gossh.ClientConfig {
	return &gossh.ClientConfig{
		User:            user,
		Auth:            []gossh.AuthMethod{gossh.PublicKeys(key)},
		HostKeyCallback: gossh.InsecureIgnoreHostKey(), // loopback, a server we started ourselves
		Timeout:         timeout,
	}
}

// dial connects and authenticates within ctx.
func dial(ctx context.Context, addr string, cfg *gossh.ClientConfig) (*gossh.Client, error) {
	d := net.Dialer{Timeout: cfg.Timeout}
	conn, err := d.DialContext(ctx, "tcp", addr)
	if err != nil {
		return nil, err
	}
	stop := context.AfterFunc(ctx, func() { conn.Close() })
	defer stop()
	if cfg.Timeout > 0 {
		_ = conn.SetDeadline(time.Now().Add(cfg.Timeout))
	}
	c, chans, reqs, err := gossh.NewClientConn(conn, addr, cfg)
	if err != nil {
		conn.Close()
		return nil, err
	}
	_ = conn.SetDeadline(time.Time{})
	return gossh.NewClient(c, chans, reqs), nil
}

// outcome is what one command printed and how it exited.
type outcome struct {
	stdout, stderr string
	code           int
}

func (o outcome) String() string {
	msg := strings.TrimSpace(o.stderr)
	if msg == "" {
		msg = strings.TrimSpace(o.stdout)
	}
	return fmt.Sprintf("exit %d: %s", o.code, firstLine(msg))
}

func firstLine(s string) string {
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		return s[:i]
	}
	return s
}

// execute runs one command in a new session of c, as `ssh HOST ARGS...`
// would, and gives up after timeout.
func execute(ctx context.Context, c *gossh.Client, timeout time.Duration, args ...string) (outcome, error) {
	o, err := executeLine(ctx, c, timeout, shellJoin(args))
	if err != nil && len(args) > 0 {
		err = fmt.Errorf("%s: %w", args[0], err)
	}
	return o, err
}

// executeLine runs one raw command line (what follows `ssh HOST`).
func executeLine(ctx context.Context, c *gossh.Client, timeout time.Duration, line string) (outcome, error) {
	sess, err := c.NewSession()
	if err != nil {
		return outcome{}, err
	}
	defer sess.Close()
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	stop := context.AfterFunc(ctx, func() { sess.Close() })
	defer stop()
	var out, errOut bytes.Buffer
	sess.Stdout, sess.Stderr = &out, &errOut
	err = sess.Run(line)
	o := outcome{stdout: out.String(), stderr: errOut.String()}
	var exit *gossh.ExitError
	switch {
	case errors.As(err, &exit):
		o.code = exit.ExitStatus()
		return o, nil
	case err != nil && ctx.Err() != nil:
		return o, fmt.Errorf("no answer within %s", timeout)
	case err != nil:
		return o, err
	}
	return o, nil
}

// shellJoin quotes args the way OpenSSH users would type them.
func shellJoin(args []string) string {
	quoted := make([]string, len(args))
	for i, a := range args {
		quoted[i] = "'" + strings.ReplaceAll(a, "'", `'\''`) + "'"
	}
	return strings.Join(quoted, " ")
}

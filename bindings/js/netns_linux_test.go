//go:build linux

package dgramjs

// The network sandbox (shared/notes/netlab.md §7.1), as dgram's tests use
// it: TestMain re-executes the test binary in a private network namespace,
// so that the seed's multicast and broadcast examples (a join on the
// default interface, a send to 255.255.255.255) can never put a packet on
// the host's interfaces, and the seed's fixed ports never collide with the
// host's. The namespace holds lo and a veth pair dg0/dg1 (dg0 10.200.0.1/24
// with the default route, dg1 up with no address), and dies with the
// process. DGRAM_NETNS=off runs in place (the sandbox-only tests skip);
// "child" marks the re-executed process.

import (
	"fmt"
	"os"
	"os/exec"
	"syscall"
	"testing"
)

const sandboxEnv = "DGRAM_NETNS"

var (
	inSandbox bool   // this process runs in the private namespace
	noSandbox string // why not, for skip messages
)

func TestMain(m *testing.M) {
	switch os.Getenv(sandboxEnv) {
	case "child":
		if err := sandboxSetup(); err != nil {
			fmt.Fprintln(os.Stderr, "bindings/js tests: netns setup:", err)
			os.Exit(1)
		}
		inSandbox = true
		os.Exit(runTests(m))
	case "off":
		noSandbox = sandboxEnv + "=off"
		os.Exit(runTests(m))
	}
	code, err := reexec()
	if err == nil {
		os.Exit(code)
	}
	noSandbox = "network sandbox unavailable: " + err.Error()
	fmt.Fprintln(os.Stderr, "bindings/js tests: network sandbox unavailable, running in place; sandbox-only tests skip:", err)
	os.Exit(runTests(m))
}

// reexec runs this test binary again in a new network namespace (and a
// user namespace when not root), with the same flags.
func reexec() (int, error) {
	if _, err := exec.LookPath("ip"); err != nil {
		return 0, err
	}
	cmd := exec.Command("/proc/self/exe", os.Args[1:]...)
	cmd.Stdout, cmd.Stderr = os.Stdout, os.Stderr
	cmd.Env = append(os.Environ(), sandboxEnv+"=child")
	attr := &syscall.SysProcAttr{Cloneflags: syscall.CLONE_NEWNET, Pdeathsig: syscall.SIGKILL}
	if os.Geteuid() != 0 {
		attr.Cloneflags |= syscall.CLONE_NEWUSER
		attr.UidMappings = []syscall.SysProcIDMap{{ContainerID: 0, HostID: os.Geteuid(), Size: 1}}
		attr.GidMappings = []syscall.SysProcIDMap{{ContainerID: 0, HostID: os.Getegid(), Size: 1}}
	}
	cmd.SysProcAttr = attr
	if err := cmd.Start(); err != nil {
		return 0, err
	}
	if err := cmd.Wait(); err != nil {
		if ee, ok := err.(*exec.ExitError); ok {
			return ee.ExitCode(), nil
		}
		return 1, err
	}
	return 0, nil
}

// sandboxSetup builds lo and the veth pair in the new namespace.
func sandboxSetup() error {
	for _, c := range [][]string{
		{"ip", "link", "set", "lo", "up"},
		{"ip", "link", "add", "dg0", "type", "veth", "peer", "name", "dg1"},
		{"ip", "addr", "add", "10.200.0.1/24", "brd", "+", "dev", "dg0"},
		{"ip", "link", "set", "dg0", "up"},
		{"ip", "link", "set", "dg1", "up"},
		{"ip", "route", "add", "default", "dev", "dg0"},
	} {
		if out, err := exec.Command(c[0], c[1:]...).CombinedOutput(); err != nil {
			return fmt.Errorf("%v: %v: %s", c, err, out)
		}
	}
	return nil
}

// needSandbox skips t outside the private network namespace.
func needSandbox(t *testing.T) {
	t.Helper()
	if !inSandbox {
		t.Skipf("needs the private network namespace (%s); never run in the host namespace", noSandbox)
	}
}

//go:build linux

package dgram

// The network sandbox (shared/notes/netlab.md §7): TestMain re-executes the
// test binary in a private network namespace, so that the tests that use
// default interfaces (IoT.js shapes: addMembership(group) with no
// interface, sends to a group or to 255.255.255.255 from a socket bound to
// 0.0.0.0) can never put a packet on the host's real interfaces. The
// namespace holds lo and a veth pair dg0/dg1: dg0 is 10.200.0.1/24 with
// broadcast 10.200.0.255 and carries the default route; its peer dg1 is up
// with no address, a wire to nowhere. The namespace dies with the process.
//
// DGRAM_NETNS selects the mode: unset runs the tests in the sandbox, "off"
// runs them in place with the sandbox tests skipping, "require" is like
// unset but fails instead of falling back when the sandbox cannot be
// built, and "child" marks the re-executed process.

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"net"
	"net/netip"
	"os"
	"os/exec"
	"reflect"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"golang.org/x/sys/unix"
)

const (
	netSandboxEnv = "DGRAM_NETNS"
	netReadyEnv   = "DGRAM_NETNS_READY" // the child's report pipe, set by the parent
)

var (
	netInSandbox  bool   // this process runs in the private namespace
	netNoSandbox  string // why not, for skip messages
	netSandboxV6  bool   // IPv6 works on dg0 (the sysctls were written)
	netSandboxIP  = netip.MustParseAddr("10.200.0.1")
	netSandboxBrd = netip.MustParseAddr("10.200.0.255")
)

func TestMain(m *testing.M) {
	mode := os.Getenv(netSandboxEnv)
	switch mode {
	case "child":
		os.Exit(netChildMain(m))
	case "off":
		netNoSandbox = netSandboxEnv + "=off"
		fmt.Fprintln(os.Stderr, "dgram tests: "+netSandboxEnv+"=off: running in the default network namespace; sandbox-only tests skip")
		os.Exit(m.Run())
	}
	code, err := netReexec()
	if err == nil {
		os.Exit(code)
	}
	if mode == "require" {
		fmt.Fprintln(os.Stderr, "dgram tests: network sandbox required ("+netSandboxEnv+"=require) but unavailable:", err)
		os.Exit(1)
	}
	netNoSandbox = "network sandbox unavailable: " + err.Error()
	fmt.Fprintln(os.Stderr, "dgram tests: network sandbox unavailable, running in place; sandbox-only tests skip:", err)
	os.Exit(m.Run())
}

// needSandbox skips t unless it runs in the private network namespace.
func needSandbox(t *testing.T) {
	t.Helper()
	if !netInSandbox {
		t.Skipf("needs the private network namespace TestMain builds (%s); sandbox-only tests never run in the host namespace", netNoSandbox)
	}
}

// netChildMain runs in the re-executed process: it builds the sandbox,
// reports to the parent through the pipe named by netReadyEnv ("ok", or
// why not), and runs the tests. When the sandbox cannot be built it
// returns before running any test, and the parent runs them in place.
func netChildMain(m *testing.M) int {
	var ready *os.File
	if fd, err := strconv.Atoi(os.Getenv(netReadyEnv)); err == nil {
		syscall.CloseOnExec(fd) // not for ip, sleep and the rest
		ready = os.NewFile(uintptr(fd), "ready")
	}
	os.Unsetenv(netReadyEnv)
	err := netSandboxSetup()
	if ready != nil {
		if err != nil {
			ready.WriteString(err.Error())
		} else {
			ready.WriteString("ok")
		}
		ready.Close()
	}
	if err != nil {
		if ready == nil {
			fmt.Fprintln(os.Stderr, "dgram tests: netns setup:", err)
		}
		return 1
	}
	netInSandbox = true
	return m.Run()
}

// netReexec runs this test binary again, with the same arguments, in a new
// network namespace (and a new user namespace when not root, like
// `unshare -rn`), and returns its exit code. An error means the sandbox
// could not be started or built; no test has run then.
func netReexec() (int, error) {
	if _, err := netIPPath(); err != nil {
		return 0, err
	}
	r, w, err := os.Pipe()
	if err != nil {
		return 0, err
	}
	defer r.Close()
	cmd := exec.Command("/proc/self/exe", os.Args[1:]...)
	cmd.Stdin, cmd.Stdout, cmd.Stderr = os.Stdin, os.Stdout, os.Stderr
	cmd.Env = append(os.Environ(), netSandboxEnv+"=child", netReadyEnv+"=3")
	cmd.ExtraFiles = []*os.File{w} // fd 3
	attr := &syscall.SysProcAttr{Cloneflags: syscall.CLONE_NEWNET, Pdeathsig: syscall.SIGKILL}
	if os.Geteuid() != 0 {
		attr.Cloneflags |= syscall.CLONE_NEWUSER
		attr.UidMappings = []syscall.SysProcIDMap{{ContainerID: 0, HostID: os.Geteuid(), Size: 1}}
		attr.GidMappings = []syscall.SysProcIDMap{{ContainerID: 0, HostID: os.Getegid(), Size: 1}}
	}
	cmd.SysProcAttr = attr
	// Pdeathsig follows the thread that started the child: keep this
	// goroutine on it until the child is gone.
	runtime.LockOSThread()
	defer runtime.UnlockOSThread()
	err = cmd.Start()
	w.Close()
	if err != nil {
		return 0, fmt.Errorf("re-exec in a new network namespace: %w", err)
	}
	report, _ := io.ReadAll(io.LimitReader(r, 4096)) // until the child closes it
	if string(report) != "ok" {
		werr := cmd.Wait()
		if len(report) == 0 {
			return 0, fmt.Errorf("could not build the network namespace: %v", werr)
		}
		return 0, fmt.Errorf("could not build the network namespace: %s", report)
	}
	werr := cmd.Wait()
	var ee *exec.ExitError
	switch {
	case werr == nil:
		return 0, nil
	case errors.As(werr, &ee) && ee.ExitCode() >= 0:
		return ee.ExitCode(), nil
	}
	fmt.Fprintln(os.Stderr, "dgram tests: sandboxed test process:", werr)
	return 1, nil // killed by a signal: a failure, not a reason to rerun
}

// netIPPath finds iproute2's ip, which may be outside a non-root PATH.
func netIPPath() (string, error) {
	if p, err := exec.LookPath("ip"); err == nil {
		return p, nil
	}
	for _, p := range []string{"/usr/sbin/ip", "/sbin/ip", "/usr/bin/ip", "/bin/ip"} {
		if _, err := os.Stat(p); err == nil {
			return p, nil
		}
	}
	return "", errors.New("iproute2's ip command not found")
}

// netIP runs ip with args.
func netIP(args ...string) error {
	ip, err := netIPPath()
	if err != nil {
		return err
	}
	if out, err := exec.Command(ip, args...).CombinedOutput(); err != nil {
		return fmt.Errorf("ip %q: %v: %s", args, err, bytes.TrimSpace(out))
	}
	return nil
}

// netSandboxSetup builds the sandbox in this (new) namespace.
func netSandboxSetup() error {
	steps := [][]string{
		{"link", "set", "lo", "up"},
		{"link", "add", "dg0", "type", "veth", "peer", "name", "dg1"},
		{"addr", "add", netSandboxIP.String() + "/24", "brd", "+", "dev", "dg0"},
	}
	for _, args := range steps {
		if err := netIP(args...); err != nil {
			return err
		}
	}
	// IPv6 before the links come up: no DAD on dg0, so that its link-local
	// address is usable at once, and no IPv6 at all on the silent peer.
	netSandboxV6 = os.WriteFile("/proc/sys/net/ipv6/conf/dg0/accept_dad", []byte("0"), 0o644) == nil &&
		os.WriteFile("/proc/sys/net/ipv6/conf/dg1/disable_ipv6", []byte("1"), 0o644) == nil
	for _, args := range [][]string{
		{"link", "set", "dg0", "up"},
		{"link", "set", "dg1", "up"},
		{"route", "add", "default", "dev", "dg0"},
	} {
		if err := netIP(args...); err != nil {
			return err
		}
	}
	return nil
}

// --- helpers shared by the sandbox tests ---

const (
	netWaitMax = 3 * time.Second        // positive waits stop earlier, as soon as all arrived
	netQuiet   = 500 * time.Millisecond // negative waits: nothing may arrive in this window
)

// netMsg is one received datagram.
type netMsg struct {
	data  string
	rinfo RemoteInfo
}

// netSock is a socket under test with its events collected.
type netSock struct {
	*Socket
	msgs chan netMsg
	errs chan error
}

// netSocket creates a socket whose messages and errors are collected, and
// closes it (waiting for 'close') at the end of the test.
func netSocket(t *testing.T, opts SocketOptions) *netSock {
	t.Helper()
	s, err := CreateSocket(opts, nil)
	if err != nil {
		t.Fatalf("CreateSocket(%+v): %v", opts, err)
	}
	return netWrap(t, s)
}

// netWrap collects s's messages and errors, and closes s (waiting for
// 'close') at the end of the test unless the test closed it.
func netWrap(t *testing.T, s *Socket) *netSock {
	ns := &netSock{Socket: s, msgs: make(chan netMsg, 1024), errs: make(chan error, 64)}
	s.OnMessage(func(msg []byte, rinfo RemoteInfo) { ns.msgs <- netMsg{string(msg), rinfo} })
	s.OnError(func(err error) { ns.errs <- err })
	t.Cleanup(func() {
		closed := make(chan struct{})
		if s.Close(func() { close(closed) }) != nil {
			return // the test closed it
		}
		select {
		case <-closed:
		case <-time.After(netWaitMax):
			t.Errorf("socket %v: no 'close' within %v", s, netWaitMax)
		}
	})
	return ns
}

// netBound returns a socket of opts bound to address:port, after
// 'listening'.
func netBound(t *testing.T, opts SocketOptions, port int, address string) *netSock {
	t.Helper()
	ns := netSocket(t, opts)
	ns.bind(t, port, address)
	return ns
}

// bind binds and waits for 'listening'; an 'error' fails the test.
func (ns *netSock) bind(t *testing.T, port int, address string) {
	t.Helper()
	listening := make(chan struct{})
	if err := ns.Bind(port, address, func() { close(listening) }); err != nil {
		t.Fatalf("Bind(%d, %q): %v", port, address, err)
	}
	select {
	case <-listening:
	case err := <-ns.errs:
		t.Fatalf("Bind(%d, %q): 'error' %v", port, address, err)
	case <-time.After(netWaitMax):
		t.Fatalf("Bind(%d, %q): no 'listening' within %v", port, address, netWaitMax)
	}
}

// port is the bound port.
func (ns *netSock) port(t *testing.T) int {
	t.Helper()
	a, err := ns.Address()
	if err != nil {
		t.Fatalf("Address: %v", err)
	}
	return a.Port
}

// send sends msg and returns what the send callback got.
func (ns *netSock) send(t *testing.T, msg string, port int, address string) (error, int) {
	t.Helper()
	type result struct {
		err error
		n   int
	}
	ch := make(chan result, 1)
	if err := ns.Send(msg, port, address, func(err error, n int) { ch <- result{err, n} }); err != nil {
		t.Fatalf("Send(%q, %d, %q): %v", msg, port, address, err)
	}
	select {
	case r := <-ch:
		return r.err, r.n
	case <-time.After(netWaitMax):
		t.Fatalf("Send(%q, %d, %q): no callback within %v", msg, port, address, netWaitMax)
		return nil, 0
	}
}

// sendOK sends msg and fails the test unless the callback reports success.
func (ns *netSock) sendOK(t *testing.T, msg string, port int, address string) {
	t.Helper()
	if err, n := ns.send(t, msg, port, address); err != nil || n != len(msg) {
		t.Fatalf("Send(%q, %d, %q): callback (%v, %d), want (nil, %d)", msg, port, address, err, n, len(msg))
	}
}

// netWait waits for exactly the datagrams want (in any order) on the
// sockets' collectors, stopping as soon as they are all there (at most
// netWaitMax); anything else received meanwhile fails the test.
func netWait(t *testing.T, what string, want []string, socks ...*netSock) [][]netMsg {
	t.Helper()
	deadline := time.NewTimer(netWaitMax)
	defer deadline.Stop()
	got := make([][]netMsg, len(socks))
	for i, ns := range socks {
		missing := map[string]int{}
		for _, w := range want {
			missing[w]++
		}
		for n := 0; n < len(want); {
			select {
			case m := <-ns.msgs:
				if missing[m.data] == 0 {
					t.Fatalf("%s: socket #%d got unexpected %q from %v:%d", what, i, m.data, m.rinfo.Address, m.rinfo.Port)
				}
				missing[m.data]--
				got[i] = append(got[i], m)
				n++
			case err := <-ns.errs:
				t.Fatalf("%s: socket #%d: 'error' %v", what, i, err)
			case <-deadline.C:
				t.Fatalf("%s: within %v socket #%d got %d of %q: %s", what, netWaitMax, i, n, want, netDescribe(got[i]))
			}
		}
	}
	return got
}

// netNothing asserts that none of the sockets receives anything within
// netQuiet.
func netNothing(t *testing.T, what string, socks ...*netSock) {
	t.Helper()
	quiet := time.NewTimer(netQuiet)
	defer quiet.Stop()
	cases := []reflect.SelectCase{{Dir: reflect.SelectRecv, Chan: reflect.ValueOf(quiet.C)}}
	for _, ns := range socks {
		cases = append(cases,
			reflect.SelectCase{Dir: reflect.SelectRecv, Chan: reflect.ValueOf(ns.msgs)},
			reflect.SelectCase{Dir: reflect.SelectRecv, Chan: reflect.ValueOf(ns.errs)})
	}
	i, v, _ := reflect.Select(cases)
	switch {
	case i == 0:
	case i%2 == 1:
		m := v.Interface().(netMsg)
		t.Fatalf("%s: socket #%d got %q from %v:%d, want nothing", what, i/2, m.data, m.rinfo.Address, m.rinfo.Port)
	default:
		t.Fatalf("%s: socket #%d: 'error' %v", what, i/2-1, v.Interface())
	}
}

func netDescribe(ms []netMsg) string {
	s := "["
	for i, m := range ms {
		if i > 0 {
			s += " "
		}
		s += strconv.Quote(m.data)
	}
	return s + "]"
}

// netSeq is "prefix-1" ... "prefix-n".
func netSeq(prefix string, n int) []string {
	out := make([]string, n)
	for i := range out {
		out[i] = prefix + "-" + strconv.Itoa(i+1)
	}
	return out
}

// netWantSysErr asserts that err is the system error code with message msg.
func netWantSysErr(t *testing.T, what string, err error, code Code, msg string) {
	t.Helper()
	var e *Error
	if !errors.As(err, &e) {
		t.Fatalf("%s: err = %v (%T), want *dgram.Error %s", what, err, err, code)
	}
	if !errors.Is(err, code) || e.Code != code {
		t.Fatalf("%s: err = %v (code %s), want code %s", what, err, e.Code, code)
	}
	if errno, ok := errnoOf(code).(syscall.Errno); ok && !errors.Is(err, errno) {
		t.Errorf("%s: err = %v does not match %v (cause %v)", what, err, errno, e.Err)
	}
	if msg != "" && e.Error() != msg {
		t.Errorf("%s: message %q, want %q", what, e.Error(), msg)
	}
}

// --- extra namespaces (multi-hop tests) ---

// netHolder starts a process in a new network namespace and returns its
// pid; the namespace lives as long as it, and it is killed at the end of
// the test (or when this process dies).
func netHolder(t *testing.T) int {
	t.Helper()
	cmd := exec.Command("sleep", "120")
	cmd.SysProcAttr = &syscall.SysProcAttr{Cloneflags: syscall.CLONE_NEWNET, Pdeathsig: syscall.SIGKILL}
	if err := cmd.Start(); err != nil {
		t.Skipf("cannot create an extra network namespace: %v", err)
	}
	t.Cleanup(func() { cmd.Process.Kill(); cmd.Wait() })
	return cmd.Process.Pid
}

// netInNetns runs fn on a thread that is in pid's network namespace, so
// that the sockets fn creates live there (they can be used from anywhere
// afterwards).
func netInNetns(pid int, fn func() error) error {
	var wg sync.WaitGroup
	var err error
	wg.Add(1)
	go func() {
		defer wg.Done()
		runtime.LockOSThread()
		self, oerr := os.Open("/proc/self/task/" + strconv.Itoa(unix.Gettid()) + "/ns/net")
		if oerr != nil {
			err = oerr
			runtime.UnlockOSThread()
			return
		}
		defer self.Close()
		target, oerr := os.Open("/proc/" + strconv.Itoa(pid) + "/ns/net")
		if oerr != nil {
			err = oerr
			runtime.UnlockOSThread()
			return
		}
		defer target.Close()
		if err = unix.Setns(int(target.Fd()), unix.CLONE_NEWNET); err != nil {
			runtime.UnlockOSThread()
			return
		}
		err = fn()
		if unix.Setns(int(self.Fd()), unix.CLONE_NEWNET) == nil {
			runtime.UnlockOSThread()
		} // else the thread stays locked and ends with this goroutine
	}()
	wg.Wait()
	return err
}

// netDevCounter reads a counter of interface dev from this namespace's
// /proc/self/net/dev (sysfs shows the host's): field 0 is RX bytes, 1 RX
// packets, 8 TX bytes, 9 TX packets.
func netDevCounter(t *testing.T, dev string, field int) uint64 {
	t.Helper()
	data, err := os.ReadFile("/proc/self/net/dev")
	if err != nil {
		t.Fatalf("read /proc/self/net/dev: %v", err)
	}
	for _, line := range strings.Split(string(data), "\n") {
		name, rest, ok := strings.Cut(line, ":")
		if !ok || strings.TrimSpace(name) != dev {
			continue
		}
		f := strings.Fields(rest)
		if field >= len(f) {
			break
		}
		v, err := strconv.ParseUint(f[field], 10, 64)
		if err != nil {
			break
		}
		return v
	}
	t.Fatalf("no counter %d for %s in /proc/self/net/dev:\n%s", field, dev, data)
	return 0
}

// netIfAddrs is the interface named name's addresses, or nil.
func netIfAddrs(name string) []netip.Addr {
	ifi, err := net.InterfaceByName(name)
	if err != nil {
		return nil
	}
	addrs, err := ifi.Addrs()
	if err != nil {
		return nil
	}
	var out []netip.Addr
	for _, a := range addrs {
		if n, ok := a.(*net.IPNet); ok {
			if ip, ok := netip.AddrFromSlice(n.IP); ok {
				out = append(out, ip.Unmap())
			}
		}
	}
	return out
}

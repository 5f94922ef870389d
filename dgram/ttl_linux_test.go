//go:build linux

package dgram

// setTTL and setMulticastTTL observed in the IP header of what arrives: the
// receivers here are plain sockets (x/net/ipv4, not this package) with
// IP_RECVTTL, which hands over each datagram's header TTL. A hop over lo or
// the veth does not decrement it; the router of TestTTLTwoHop does.

import (
	"fmt"
	"net"
	"net/netip"
	"os"
	"strconv"
	"strings"
	"testing"
	"time"

	"golang.org/x/net/ipv4"
)

// netTTLConn is a plain UDP socket that reports each datagram's TTL.
type netTTLConn struct {
	conn *net.UDPConn
	p    *ipv4.PacketConn
}

// netTTLMsg is one datagram as netTTLConn saw it.
type netTTLMsg struct {
	data string
	ttl  int
	dst  netip.Addr
	src  netip.AddrPort
}

// netTTLListen wraps conn (closed at the end of the test) with IP_RECVTTL
// and IP_PKTINFO on.
func netTTLListen(t *testing.T, conn *net.UDPConn) *netTTLConn {
	t.Helper()
	t.Cleanup(func() { conn.Close() })
	p := ipv4.NewPacketConn(conn)
	if err := p.SetControlMessage(ipv4.FlagTTL|ipv4.FlagDst, true); err != nil {
		t.Fatalf("IP_RECVTTL: %v", err)
	}
	return &netTTLConn{conn: conn, p: p}
}

// read returns the next datagram, failing the test after netWaitMax.
func (c *netTTLConn) read(t *testing.T) netTTLMsg {
	t.Helper()
	if err := c.conn.SetReadDeadline(time.Now().Add(netWaitMax)); err != nil {
		t.Fatal(err)
	}
	m, err := c.next()
	if err != nil {
		t.Fatalf("receiver: %v", err)
	}
	return m
}

func (c *netTTLConn) next() (netTTLMsg, error) {
	buf := make([]byte, 2048)
	n, cm, src, err := c.p.ReadFrom(buf)
	if err != nil {
		return netTTLMsg{}, err
	}
	if cm == nil {
		return netTTLMsg{}, fmt.Errorf("datagram %q without control message", buf[:n])
	}
	m := netTTLMsg{data: string(buf[:n]), ttl: cm.TTL, src: src.(*net.UDPAddr).AddrPort()}
	m.dst, _ = netip.AddrFromSlice(cm.Dst)
	m.dst = m.dst.Unmap()
	return m, nil
}

// expect reads the next datagram and checks its payload and TTL.
func (c *netTTLConn) expect(t *testing.T, what, data string, ttl int) netTTLMsg {
	t.Helper()
	m := c.read(t)
	if m.data != data || m.ttl != ttl {
		t.Errorf("%s: got %q with TTL %d, want %q with TTL %d", what, m.data, m.ttl, data, ttl)
	}
	return m
}

// TestTTLUnicast: the TTL of unicast datagrams on 127.0.0.1 is the system
// default (net.ipv4.ip_default_ttl) until setTTL, then what setTTL set.
// Loopback only, so this runs anywhere.
func TestTTLUnicast(t *testing.T) {
	conn, err := net.ListenUDP("udp4", &net.UDPAddr{IP: net.IPv4(127, 0, 0, 1)})
	if err != nil {
		t.Fatal(err)
	}
	rcv := netTTLListen(t, conn)
	rport := conn.LocalAddr().(*net.UDPAddr).Port
	s := netBound(t, SocketOptions{Type: "udp4"}, 0, "127.0.0.1")

	def := 64
	if b, err := os.ReadFile("/proc/sys/net/ipv4/ip_default_ttl"); err == nil {
		if v, err := strconv.Atoi(strings.TrimSpace(string(b))); err == nil {
			def = v
		}
	}
	s.sendOK(t, "default", rport, "127.0.0.1")
	m := rcv.expect(t, "before setTTL", "default", def)
	if want := netip.AddrPortFrom(netip.MustParseAddr("127.0.0.1"), uint16(s.port(t))); m.src != want {
		t.Errorf("source %v, want %v", m.src, want)
	}
	for _, ttl := range []int{1, 5, 200, 255} {
		if err := s.SetTTL(ttl); err != nil {
			t.Fatalf("SetTTL(%d): %v", ttl, err)
		}
		msg := "ttl " + strconv.Itoa(ttl)
		s.sendOK(t, msg, rport, "127.0.0.1")
		rcv.expect(t, "SetTTL("+strconv.Itoa(ttl)+")", msg, ttl)
	}
}

// TestTTLMulticast: a member of the group sees the multicast TTL: 1 by
// default, then what setMulticastTTL set (0 included: it stays on this
// host, and the local copy carries it); setTTL changes the unicast TTL
// only.
func TestTTLMulticast(t *testing.T) {
	needSandbox(t)
	const port = 41331
	group := netip.MustParseAddr("230.255.255.254")
	conn, err := net.ListenUDP("udp4", &net.UDPAddr{IP: net.IPv4zero, Port: port})
	if err != nil {
		t.Fatal(err)
	}
	member := netTTLListen(t, conn)
	dg0, err := net.InterfaceByName("dg0")
	if err != nil {
		t.Fatal(err)
	}
	if err := member.p.JoinGroup(dg0, &net.UDPAddr{IP: group.AsSlice()}); err != nil {
		t.Fatalf("member: join %v on dg0: %v", group, err)
	}
	s := netBound(t, SocketOptions{Type: "udp4"}, 0, "")

	multicast := func(what string, ttl int) {
		t.Helper()
		s.sendOK(t, what, port, group.String())
		if m := member.expect(t, what, what, ttl); m.dst != group {
			t.Errorf("%s: destination %v, want %v", what, m.dst, group)
		}
	}
	unicast := func(what string, ttl int) {
		t.Helper()
		s.sendOK(t, what, port, "127.0.0.1")
		member.expect(t, what, what, ttl)
	}

	multicast("default", 1)
	if err := s.SetTTL(5); err != nil {
		t.Fatalf("SetTTL(5): %v", err)
	}
	multicast("setTTL(5) multicast", 1)
	unicast("setTTL(5) unicast", 5)
	for _, ttl := range []int{0, 1, 9} {
		if err := s.SetMulticastTTL(ttl); err != nil {
			t.Fatalf("SetMulticastTTL(%d): %v", ttl, err)
		}
		multicast("setMulticastTTL("+strconv.Itoa(ttl)+")", ttl)
	}
	unicast("setMulticastTTL(9) unicast", 5)
}

// TestTTLTwoHop is IoT.js's test_dgram_setttl_client/server for real
// (netlab §4.3): this namespace (the client, 10.81.1.2) reaches a server
// (10.81.2.2) in another namespace through a router namespace. A datagram
// sent with TTL 1 dies at the router; with TTL 2 it arrives with TTL 1.
func TestTTLTwoHop(t *testing.T) {
	needSandbox(t)
	router, server := netHolder(t), netHolder(t)
	inRouter := func(fn func() error) error { return netInNetns(router, fn) }
	inServer := func(fn func() error) error { return netInNetns(server, fn) }
	ipIn := func(pid int, args ...string) error {
		return netInNetns(pid, func() error { return netIP(args...) })
	}

	// The links, addresses and routes; a step that fails means the
	// topology cannot be built here, not that dgram is wrong.
	build := func() error {
		if err := netIP("link", "add", "ttc0", "type", "veth", "peer", "name", "ttr1", "netns", strconv.Itoa(router)); err != nil {
			return err
		}
		t.Cleanup(func() { netIP("link", "del", "ttc0") }) // the pair would outlive this test (-count)
		if err := netIP("link", "add", "ttr2", "netns", strconv.Itoa(router), "type", "veth", "peer", "name", "tts0", "netns", strconv.Itoa(server)); err != nil {
			return err
		}
		for _, step := range []struct {
			pid  int // 0: here
			args []string
		}{
			{0, []string{"addr", "add", "10.81.1.2/24", "dev", "ttc0"}},
			{0, []string{"link", "set", "ttc0", "up"}},
			{0, []string{"route", "add", "10.81.2.0/24", "via", "10.81.1.1"}},
			{router, []string{"link", "set", "lo", "up"}},
			{router, []string{"addr", "add", "10.81.1.1/24", "dev", "ttr1"}},
			{router, []string{"addr", "add", "10.81.2.1/24", "dev", "ttr2"}},
			{router, []string{"link", "set", "ttr1", "up"}},
			{router, []string{"link", "set", "ttr2", "up"}},
			{server, []string{"link", "set", "lo", "up"}},
			{server, []string{"addr", "add", "10.81.2.2/24", "dev", "tts0"}},
			{server, []string{"link", "set", "tts0", "up"}},
			{server, []string{"route", "add", "default", "via", "10.81.2.1"}},
		} {
			var err error
			if step.pid == 0 {
				err = netIP(step.args...)
			} else {
				err = ipIn(step.pid, step.args...)
			}
			if err != nil {
				return err
			}
		}
		// /proc/sys/net is the writing thread's namespace's: only R forwards.
		return inRouter(func() error {
			return os.WriteFile("/proc/sys/net/ipv4/ip_forward", []byte("1"), 0o644)
		})
	}
	if err := build(); err != nil {
		t.Skipf("cannot build the client-router-server topology: %v", err)
	}

	var conn *net.UDPConn
	if err := inServer(func() (err error) {
		conn, err = net.ListenUDP("udp4", &net.UDPAddr{IP: net.IPv4(10, 81, 2, 2), Port: 41234})
		return err
	}); err != nil {
		t.Skipf("cannot listen in the server namespace: %v", err)
	}
	srv := netTTLListen(t, conn)
	got := make(chan netTTLMsg, 256)
	go func() { // ends when the cleanup closes conn
		for {
			m, err := srv.next()
			if err != nil {
				return
			}
			got <- m
		}
	}()

	client := netBound(t, SocketOptions{Type: "udp4"}, 0, "10.81.1.2")

	// Readiness: fresh veths may lose the first packets (netlab §4.3), so
	// probe with the default TTL until one gets through; the negative
	// case below only means something after that.
	ready := false
	for i := 0; i < 60 && !ready; i++ {
		client.sendOK(t, "probe", 41234, "10.81.2.2")
		select {
		case m := <-got:
			if m.data != "probe" || m.ttl != 63 {
				t.Fatalf("probe: server got %q with TTL %d, want \"probe\" with TTL 63 (64 less the router's hop)", m.data, m.ttl)
			}
			ready = true
		case <-time.After(50 * time.Millisecond):
		}
	}
	if !ready {
		t.Fatal("no probe reached the server through the router within 3 s")
	}
	next := func(timeout time.Duration) (netTTLMsg, bool) { // skipping late probes
		deadline := time.After(timeout)
		for {
			select {
			case m := <-got:
				if m.data != "probe" {
					return m, true
				}
			case <-deadline:
				return netTTLMsg{}, false
			}
		}
	}

	hdrErrors := func() int {
		t.Helper()
		var n int
		if err := inRouter(func() (err error) { n, err = netSnmp("Ip", "InHdrErrors"); return err }); err != nil {
			t.Fatalf("router counters: %v", err)
		}
		return n
	}
	before := hdrErrors()
	if err := client.SetTTL(1); err != nil {
		t.Fatalf("SetTTL(1): %v", err)
	}
	client.sendOK(t, "Hello IoT.js ttl 1", 41234, "10.81.2.2")
	if m, ok := next(netQuiet); ok {
		t.Fatalf("SetTTL(1): server got %q with TTL %d, want nothing (the router drops it)", m.data, m.ttl)
	}
	if n := hdrErrors() - before; n != 1 {
		t.Errorf("SetTTL(1): router InHdrErrors grew by %d, want 1 (the TTL-expired datagram)", n)
	}

	if err := client.SetTTL(2); err != nil {
		t.Fatalf("SetTTL(2): %v", err)
	}
	client.sendOK(t, "Hello IoT.js ttl 2", 41234, "10.81.2.2")
	m, ok := next(netWaitMax)
	if !ok {
		t.Fatalf("SetTTL(2): nothing reached the server within %v", netWaitMax)
	}
	if m.data != "Hello IoT.js ttl 2" || m.ttl != 1 {
		t.Fatalf("SetTTL(2): server got %q with TTL %d, want \"Hello IoT.js ttl 2\" with TTL 1", m.data, m.ttl)
	}
	if want := netip.AddrPortFrom(netip.MustParseAddr("10.81.1.2"), uint16(client.port(t))); m.src != want {
		t.Errorf("SetTTL(2): source %v, want %v", m.src, want)
	}
}

// netSnmp reads a counter of the calling thread's namespace from
// /proc/thread-self/net/snmp, e.g. ("Ip", "InHdrErrors").
func netSnmp(proto, field string) (int, error) {
	data, err := os.ReadFile("/proc/thread-self/net/snmp")
	if err != nil {
		return 0, err
	}
	var header []string
	for _, line := range strings.Split(string(data), "\n") {
		f := strings.Fields(line)
		if len(f) == 0 || f[0] != proto+":" {
			continue
		}
		if header == nil {
			header = f
			continue
		}
		for i, h := range header {
			if h == field && i < len(f) {
				return strconv.Atoi(f[i])
			}
		}
	}
	return 0, fmt.Errorf("no %s %s in /proc/thread-self/net/snmp", proto, field)
}

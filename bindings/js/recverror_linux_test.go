//go:build linux

package dgramjs

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"net"
	"net/netip"
	"os/exec"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/dgramkit/dgramkit/internal/icmpfault"
)

// The network's errors never end a socket: testdata/netfault/icmp-errors.js
// runs under dgramjs and under node 20 in the private namespace while
// this test forges ICMP errors about its socket's flow (netlab.md §8).
// A connected socket reports each as 'error' (recvmsg ENOPROTOOPT, ...)
// and receives the peer's next three datagrams; an unconnected one is
// told nothing and receives them too. dgramjs prints what node prints.
func TestReceiveErrorsAsNode(t *testing.T) {
	needSandbox(t)
	node := nodeBin(t)
	for _, typ := range []string{"udp4", "udp6"} {
		for _, mode := range []string{"connected", "unconnected"} {
			t.Run(typ+"/"+mode, func(t *testing.T) {
				want := icmpScript(t, node, typ, mode)
				got := icmpScript(t, dgramjsBin, typ, mode)
				if got != want {
					t.Errorf("dgramjs and node differ\n--- dgramjs:\n%s--- node:\n%s--- diff:\n%s", got, want, lineDiff(got, want))
				}
				if mode == "connected" && !strings.Contains(got, "error ENOPROTOOPT recvmsg recvmsg ENOPROTOOPT\n") && !strings.Contains(got, "error EACCES recvmsg recvmsg EACCES\n") {
					t.Errorf("no receive error reported:\n%s", got)
				}
			})
		}
	}
}

// icmpScript runs the script with bin and drives it through every fault
// of typ's family, returning what it printed after its "ready" line.
func icmpScript(t *testing.T, bin, typ, mode string) string {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	cmd := exec.CommandContext(ctx, bin, "testdata/netfault/icmp-errors.js", typ, mode)
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	var stderr strings.Builder
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	defer cmd.Wait()
	lines := make(chan string, 64)
	go func() {
		sc := bufio.NewScanner(stdout)
		for sc.Scan() {
			lines <- sc.Text()
		}
		close(lines)
	}()
	next := func(what string) string {
		select {
		case l, ok := <-lines:
			if !ok {
				cmd.Wait()
				t.Fatalf("%s: %s exited before %s; stderr:\n%s", bin, typ, what, stderr.String())
			}
			return l
		case <-ctx.Done():
			t.Fatalf("%s: no %s within 20 s; stderr:\n%s", bin, what, stderr.String())
		}
		return ""
	}
	var local, peer int
	if _, err := fmt.Sscanf(next("ready"), "ready %d %d", &local, &peer); err != nil {
		t.Fatalf("%s: ready line: %v", bin, err)
	}
	loop := netip.MustParseAddr("127.0.0.1")
	if typ == "udp6" {
		loop = netip.IPv6Loopback()
	}
	ctl, err := net.DialUDP("udp", nil, net.UDPAddrFromAddrPort(netip.AddrPortFrom(loop, uint16(peer))))
	if err != nil {
		t.Fatal(err)
	}
	defer ctl.Close()
	var out strings.Builder
	for _, f := range icmpfault.Faults {
		if f.V6 != (typ == "udp6") {
			continue
		}
		if err := icmpfault.Send(f, netip.AddrPortFrom(loop, uint16(local)), netip.AddrPortFrom(loop, uint16(peer))); err != nil {
			t.Fatalf("%s: %v", f.Name, err)
		}
		if mode == "connected" {
			out.WriteString(next(f.Name+" error") + "\n")
		}
		ctl.Write([]byte("send " + f.Name))
		for i := 0; i < 3; i++ {
			out.WriteString(next(f.Name+" message "+strconv.Itoa(i+1)) + "\n")
		}
	}
	ctl.Write([]byte("end"))
	for l := range lines {
		out.WriteString(l + "\n")
	}
	io.Copy(io.Discard, stdout)
	return out.String()
}

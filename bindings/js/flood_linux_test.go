package dgramjs

import (
	"bufio"
	"net"
	"os/exec"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"
)

// A script whose loop is stalled while a peer floods it: the socket stops
// reading once backpressure.Slots datagrams wait for the loop, and the
// kernel drops the rest, so the host's peak memory stays near what it is
// at rest (it grew by about 110 MB when every datagram was queued).
func TestFloodStalledScript(t *testing.T) {
	const count, size, limitMB = 50000, 1400, 48
	cmd := exec.Command(dgramjsBin, "testdata/flood/stalled.js")
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	done := make(chan struct{})
	defer close(done)
	go func() {
		select {
		case <-done:
		case <-time.After(30 * time.Second):
			cmd.Process.Kill()
		}
	}()
	lines := bufio.NewScanner(out)
	if !lines.Scan() {
		t.Fatal("the script printed no port")
	}
	port, err := strconv.Atoi(lines.Text())
	if err != nil {
		t.Fatal(err)
	}
	c, err := net.DialUDP("udp4", nil, &net.UDPAddr{IP: net.IPv4(127, 0, 0, 1), Port: port})
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	msg := make([]byte, size)
	for i := 0; i < count; i++ {
		c.Write(msg) // what the kernel cannot hold it drops
	}
	var got string
	for lines.Scan() {
		got = lines.Text()
	}
	if err := cmd.Wait(); err != nil {
		t.Fatalf("dgramjs: %v", err)
	}
	peakMB := cmd.ProcessState.SysUsage().(*syscall.Rusage).Maxrss / 1024
	t.Logf("%d datagrams of %d bytes sent to a stalled script: %s, peak RSS %d MB", count, size, got, peakMB)
	if !strings.HasPrefix(got, "got ") {
		t.Fatalf("the script ended with %q", got)
	}
	if peakMB > limitMB {
		t.Fatalf("peak RSS %d MB, want at most %d MB", peakMB, limitMB)
	}
}

package dgramjs

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/dgramkit/dgramkit/dgram"
)

// TestParity runs the same bad inputs through JavaScript and through the Go
// API: each must fail with the same code, and the same message but for the
// "Received ..." description, which JavaScript words in its own terms
// ("type number (0)" where Go says "type int (0)").
func TestParity(t *testing.T) {
	type sockets struct{ s4, s6, closed, nuttx, linux *dgram.Socket }
	mk := func() sockets {
		var ss sockets
		ss.s4, _ = dgram.CreateSocketType("udp4", nil)
		ss.s6, _ = dgram.CreateSocketType("udp6", nil)
		ss.closed, _ = dgram.CreateSocketType("udp4", nil)
		ss.closed.Close(nil)
		ss.nuttx, _ = dgram.CreateSocket(dgram.SocketOptions{Type: "udp4", Platform: dgram.NuttX}, nil)
		ss.linux, _ = dgram.CreateSocket(dgram.SocketOptions{Type: "udp4", Platform: dgram.Linux}, nil)
		return ss
	}
	abc := []byte("abc")
	cases := []struct {
		name string
		js   string
		goFn func(ss sockets) error
	}{
		{"bad type", `dgram.createSocket('udp5')`, func(sockets) error { _, err := dgram.CreateSocketType("udp5", nil); return err }},
		{"bad options type", `dgram.createSocket({ type: 'bogus' })`, func(sockets) error { _, err := dgram.CreateSocket(dgram.SocketOptions{Type: "bogus"}, nil); return err }},
		{"recvBufferSize -1", `dgram.createSocket({ type: 'udp4', recvBufferSize: -1 })`, func(sockets) error {
			_, err := dgram.CreateSocket(dgram.SocketOptions{Type: "udp4", RecvBufferSize: -1}, nil)
			return err
		}},
		{"sendBufferSize 2^32", `dgram.createSocket({ type: 'udp4', sendBufferSize: 4294967296 })`, func(sockets) error {
			_, err := dgram.CreateSocket(dgram.SocketOptions{Type: "udp4", SendBufferSize: 4294967296}, nil)
			return err
		}},
		{"nuttx address", `nuttx.address()`, func(ss sockets) error { _, err := ss.nuttx.Address(); return err }},
		{"nuttx setTTL", `nuttx.setTTL(64)`, func(ss sockets) error { return ss.nuttx.SetTTL(64) }},
		{"nuttx addMembership", `nuttx.addMembership('230.1.1.1')`, func(ss sockets) error { return ss.nuttx.AddMembership("230.1.1.1", "") }},
		{"linux setMulticastTTL", `linux.setMulticastTTL(1)`, func(ss sockets) error { return ss.linux.SetMulticastTTL(1) }},
		{"bind 65536", `s4.bind(65536)`, func(ss sockets) error { return ss.s4.Bind(65536, "", nil) }},
		{"bind -1", `s4.bind(-1)`, func(ss sockets) error { return ss.s4.Bind(-1, "", nil) }},
		{"bind options 70000", `s4.bind({ port: 70000 })`, func(ss sockets) error { return ss.s4.BindOptions(dgram.BindOptions{Port: 70000}, nil) }},
		{"send port 0", `s4.send('x', 0)`, func(ss sockets) error { return ss.s4.Send("x", 0, "", nil) }},
		{"send port 65536", `s4.send('x', 65536)`, func(ss sockets) error { return ss.s4.Send("x", 65536, "", nil) }},
		{"send offset", `s4.send(Buffer.from('abc'), 4, 0, 1234)`, func(ss sockets) error { return ss.s4.SendSlice(abc, 4, 0, 1234, "", nil) }},
		{"send length", `s4.send(Buffer.from('abc'), 1, 3, 1234)`, func(ss sockets) error { return ss.s4.SendSlice(abc, 1, 3, 1234, "", nil) }},
		{"send offset before port", `s4.send('abc', 9, 1, 70000)`, func(ss sockets) error { return ss.s4.SendSlice("abc", 9, 1, 70000, "", nil) }},
		{"sendto length", `s4.sendto('abc', 2, 2, 1234)`, func(ss sockets) error { return ss.s4.SendTo("abc", 2, 2, 1234, "", nil) }},
		{"sendto offset -1", `s4.sendto('abc', -1, 1, 1234)`, func(ss sockets) error { return ss.s4.SendTo("abc", -1, 1, 1234, "", nil) }},
		{"sendto port", `s4.sendto('abc', 0, 1, 0)`, func(ss sockets) error { return ss.s4.SendTo("abc", 0, 1, 0, "", nil) }},
		{"setTTL 0", `s4.setTTL(0)`, func(ss sockets) error { return ss.s4.SetTTL(0) }},
		{"setTTL 256", `s4.setTTL(256)`, func(ss sockets) error { return ss.s4.SetTTL(256) }},
		{"setMulticastTTL 256", `s4.setMulticastTTL(256)`, func(ss sockets) error { return ss.s4.SetMulticastTTL(256) }},
		{"setMulticastTTL -1", `s4.setMulticastTTL(-1)`, func(ss sockets) error { return ss.s4.SetMulticastTTL(-1) }},
		{"addMembership empty", `s4.addMembership('')`, func(ss sockets) error { return ss.s4.AddMembership("", "") }},
		{"dropMembership empty", `s4.dropMembership('')`, func(ss sockets) error { return ss.s4.DropMembership("", "") }},
		{"setBroadcast unbound", `s4.setBroadcast(true)`, func(ss sockets) error { return ss.s4.SetBroadcast(true) }},
		{"setTTL unbound", `s4.setTTL(64)`, func(ss sockets) error { return ss.s4.SetTTL(64) }},
		{"setMulticastLoopback unbound", `s6.setMulticastLoopback(true)`, func(ss sockets) error { return ss.s6.SetMulticastLoopback(true) }},
		{"address unbound", `s4.address()`, func(ss sockets) error { _, err := ss.s4.Address(); return err }},
		{"addMembership unbound", `s4.addMembership('230.1.1.1')`, func(ss sockets) error { return ss.s4.AddMembership("230.1.1.1", "") }},
		{"send closed", `closed.send('x', 1234)`, func(ss sockets) error { return ss.closed.Send("x", 1234, "", nil) }},
		{"close closed", `closed.close()`, func(ss sockets) error { return ss.closed.Close(nil) }},
		{"bind closed", `closed.bind(0)`, func(ss sockets) error { return ss.closed.Bind(0, "", nil) }},
		{"address closed", `closed.address()`, func(ss sockets) error { _, err := ss.closed.Address(); return err }},
		{"setTTL closed", `closed.setTTL(1)`, func(ss sockets) error { return ss.closed.SetTTL(1) }},
		{"connect port 0", `s4.connect(0)`, func(ss sockets) error { return ss.s4.Connect(0, "", nil) }},
		{"connect port 65536", `s4.connect(65536, '127.0.0.1')`, func(ss sockets) error { return ss.s4.Connect(65536, "127.0.0.1", nil) }},
		{"disconnect unconnected", `s4.disconnect()`, func(ss sockets) error { return ss.s4.Disconnect() }},
		{"remoteAddress unconnected", `s6.remoteAddress()`, func(ss sockets) error { _, err := ss.s6.RemoteAddress(); return err }},
		{"nuttx remoteAddress", `nuttx.remoteAddress()`, func(ss sockets) error { _, err := ss.nuttx.RemoteAddress(); return err }},
		{"connect closed", `closed.connect(1234)`, func(ss sockets) error { return ss.closed.Connect(1234, "", nil) }},
		{"remoteAddress closed", `closed.remoteAddress()`, func(ss sockets) error { _, err := ss.closed.RemoteAddress(); return err }},
	}

	// Go.
	ss := mk()
	var want []string
	for _, c := range cases {
		err := c.goFn(ss)
		var de *dgram.Error
		if !errors.As(err, &de) {
			t.Fatalf("%s: Go gave %v, want a *dgram.Error", c.name, err)
		}
		msg := strings.ReplaceAll(de.Message, "type int (", "type number (")
		want = append(want, fmt.Sprintf("%s|%s|%s|%s", c.name, de.Code, de.Kind, msg))
	}
	for _, s := range []*dgram.Socket{ss.s4, ss.s6, ss.nuttx, ss.linux} {
		s.Close(nil)
	}

	// JavaScript.
	var js strings.Builder
	js.WriteString(`var dgram = require('dgram');
var s4 = dgram.createSocket('udp4'), s6 = dgram.createSocket('udp6'), closed = dgram.createSocket('udp4');
closed.close();
var nuttx = dgram.createSocket({ type: 'udp4', platform: 'nuttx' });
var linux = dgram.createSocket({ type: 'udp4', platform: 'linux' });
function t(name, fn) {
  try { fn(); console.log(name + '|did not throw'); }
  catch (e) { console.log([name, e.code, e.name, e.message].join('|')); }
}
`)
	for _, c := range cases {
		fmt.Fprintf(&js, "t(%q, function () { %s; });\n", c.name, c.js)
	}
	script := filepath.Join(t.TempDir(), "parity.js")
	if err := os.WriteFile(script, []byte(js.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	var out, errb bytes.Buffer
	code, err := Run(script, Options{Stdout: &out, Stderr: &errb})
	if err != nil || code != 0 {
		t.Fatalf("run: code %d, %v\n%s%s", code, err, out.String(), errb.String())
	}
	got := strings.Split(strings.TrimSuffix(out.String(), "\n"), "\n")
	if len(got) != len(want) {
		t.Fatalf("JavaScript gave %d lines, want %d:\n%s", len(got), len(want), out.String())
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("JavaScript and Go differ:\n js: %s\n go: %s", got[i], want[i])
		}
	}
}

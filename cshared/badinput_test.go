package main

import (
	"encoding/json"
	"net"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/dgramkit/dgramkit/cshared/internal/hx"

	"github.com/dgramkit/dgramkit/dgram"
)

// cBadCase is a case of the bad-input table (testdata/badinput_gen.json,
// written by gen.BadInput; the fields are documented there).
type cBadCase struct {
	ID    string  `json:"id"`
	Call  string  `json:"call"`
	Form  string  `json:"form"`
	Arg   string  `json:"arg"`
	Kind  string  `json:"kind"`
	State string  `json:"state"`
	Type  string  `json:"type"`
	Int   *int64  `json:"int"`
	Str   *string `json:"str"`
	Null  bool    `json:"null"`
	Size  int     `json:"size"`
	Code  string  `json:"code"`
	CCode string  `json:"cCode"`
	How   string  `json:"how"`
	CSkip string  `json:"cSkip"`
}

// cReceiver is a Go socket the C sockets send to, to show they still work.
type cReceiver struct {
	conn *net.UDPConn
	port int32
	got  chan string
}

func newCReceiver(t *testing.T) *cReceiver {
	conn, err := net.ListenUDP("udp4", &net.UDPAddr{IP: net.IPv4(127, 0, 0, 1)})
	if err != nil {
		t.Fatal(err)
	}
	r := &cReceiver{conn: conn, port: int32(conn.LocalAddr().(*net.UDPAddr).Port), got: make(chan string, 1024)}
	go func() {
		buf := make([]byte, 1<<16)
		for {
			n, _, err := conn.ReadFromUDP(buf)
			if err != nil {
				return
			}
			r.got <- string(buf[:n])
		}
	}()
	t.Cleanup(func() { conn.Close() })
	return r
}

// wait waits for the datagram want.
func (r *cReceiver) wait(t *testing.T, want string) {
	t.Helper()
	deadline := time.After(5 * time.Second)
	for {
		select {
		case got := <-r.got:
			if got == want {
				return
			}
		case <-deadline:
			t.Fatalf("the datagram %q did not arrive", want)
		}
	}
}

// cCode is the C number of a spec code; 0 for "".
func cCode(code string) int32 {
	if code == "" {
		return 0
	}
	return int32(cErrors[dgram.Code(code)].number)
}

// waitFor polls cond for up to 5s.
func waitFor(t *testing.T, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(5 * time.Second)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("%s: not within 5s", what)
		}
		time.Sleep(time.Millisecond)
	}
}

// cCloseWait closes h and waits until its handle is released.
func cCloseWait(t *testing.T, h int32, slot int) {
	t.Helper()
	before := hx.Count(slot, hx.EvClose)
	hx.Close(h, true, slot)
	waitFor(t, "close", func() bool { return hx.Count(slot, hx.EvClose) > before })
}

// TestBadInput runs the bad-input table against the C entry points
// (dgram_* through harness.go): each case returns exactly the spec's
// code as -number, or delivers it to the 'error' listener or the send
// callback, and afterwards the socket still works. Then the C library's
// own bad inputs: handle 0, negative, never created and stale (released by
// 'close') on every call, and NULL pointers.
func TestBadInput(t *testing.T) {
	data, err := os.ReadFile("../testdata/badinput_gen.json")
	if err != nil {
		t.Fatal(err)
	}
	var table struct{ Cases []cBadCase }
	if err := json.Unmarshal(data, &table); err != nil {
		t.Fatal(err)
	}
	recv := newCReceiver(t)
	base := hx.LiveHandles()
	ran, skipped := 0, 0
	for i, c := range table.Cases {
		if c.CSkip != "" {
			skipped++
			continue
		}
		ran++
		slot := 1 + i%(hx.Slots-1)
		t.Run(c.ID, func(t *testing.T) { runCBadCase(t, c, slot, recv) })
	}
	extra := cLibraryBadInputs(t, recv)
	waitFor(t, "every handle released", func() bool { return hx.LiveHandles() == base })
	t.Logf("bad-input table: %d cases run in C, %d not expressible in C; %d C-only cases (handles, NULL pointers)", ran, skipped, extra)
}

func cstrOf(s string) *string { return &s }

func runCBadCase(t *testing.T, c cBadCase, slot int, recv *cReceiver) {
	hx.Reset(slot)
	fam := "127.0.0.1"
	// The valid arguments, then the bad one.
	var (
		typ            = cstrOf(c.Type)
		msg            = []byte("hello")
		n              = uint64(5)
		port           = recv.port
		offset, length = int32(0), int32(5)
		address        = cstrOf(fam)
		group          = cstrOf("230.1.2.3")
		iface          *string
		ttl            = int32(64)
		rbuf, sbuf     int64
		platform       int32
		bindPort       int32
		bindAddress    = cstrOf(fam)
		nullOpts       bool
	)
	strArg := func() *string {
		if c.Null {
			return nil
		}
		return c.Str
	}
	switch c.Arg {
	case "msg":
		switch {
		case c.Null:
			msg, n = nil, 5
		case c.Size > 0:
			msg, n = make([]byte, c.Size), uint64(c.Size)
		}
	case "port":
		port, bindPort = int32(*c.Int), int32(*c.Int)
	case "offset":
		offset = int32(*c.Int)
	case "length":
		length = int32(*c.Int)
	case "ttl":
		ttl = int32(*c.Int)
	case "address", "options.address":
		address, bindAddress = strArg(), strArg()
	case "multicastAddress":
		group = strArg()
	case "multicastInterface":
		iface = strArg()
	case "type", "options.type":
		typ = strArg()
	case "options.recvBufferSize":
		rbuf = *c.Int
	case "options.sendBufferSize":
		sbuf = *c.Int
	case "options.platform":
		platform = int32(*c.Int)
	case "options.port":
		bindPort = int32(*c.Int)
	case "":
	default:
		t.Fatalf("argument %s unknown to the C runner", c.Arg)
	}
	call := func(h int32) int32 {
		switch c.Form {
		case "CreateSocket":
			return hx.Create(nullOpts, typ, false, rbuf, sbuf, platform, 0, false, slot)
		case "CreateSocketType":
			return hx.CreateType(typ, false, slot)
		case "AddMembership":
			return hx.Membership(true, h, group, iface)
		case "DropMembership":
			return hx.Membership(false, h, group, iface)
		case "Address":
			rc, _ := hx.Address(h, false)
			return rc
		case "Bind":
			return hx.Bind(h, bindPort, bindAddress, false, slot)
		case "BindOptions":
			return hx.BindOptions(h, false, bindPort, bindAddress, false, slot)
		case "Close":
			return hx.Close(h, true, slot)
		case "Send":
			return hx.Send(h, msg, n, port, address, true, slot)
		case "SendSlice":
			return hx.SendSlice(false, h, msg, n, offset, length, port, address, true, slot)
		case "SendTo":
			return hx.SendSlice(true, h, msg, n, offset, length, port, address, true, slot)
		case "SetBroadcast":
			return hx.SetBroadcast(h, true)
		case "SetMulticastLoopback":
			return hx.SetMulticastLoopback(h, true)
		case "SetMulticastTTL":
			return hx.SetMulticastTTL(h, ttl)
		case "SetTTL":
			return hx.SetTTL(h, ttl)
		}
		t.Fatalf("form %s unknown to the C runner", c.Form)
		return 0
	}
	want := cCode(c.Code)
	if c.CCode != "" {
		want = cCode(c.CCode)
	}
	if c.State == "" { // createSocket
		rc := call(0)
		if want == 0 && rc <= 0 || want != 0 && rc != want {
			t.Fatalf("%s: returned %d (%s), want %d (%s)", c.Form, rc, hx.Strerror(rc), want, c.Code)
		}
		if rc > 0 {
			cCloseWait(t, rc, slot)
		}
		h := hx.CreateType(cstrOf("udp4"), false, slot)
		cStillWorks(t, c, h, recv, slot)
		cCloseWait(t, h, slot)
		return
	}
	h := hx.CreateType(cstrOf(c.Type), false, slot)
	if h <= 0 {
		t.Fatalf("dgram_create_socket_type: %d", h)
	}
	hx.On(h, 1, false, slot) // count 'error' events
	switch c.State {
	case "bound":
		hx.Bind(h, 0, cstrOf(fam), true, slot)
		waitFor(t, "listening", func() bool { return hx.Count(slot, hx.EvListening) > 0 })
	case "binding":
		hx.Bind(h, 0, cstrOf(fam), false, slot)
	case "closed":
		hx.Close(h, true, slot)
		waitFor(t, "close", func() bool { return hx.Count(slot, hx.EvClose) > 0 })
	}
	rc := call(h)
	switch c.How {
	case "throw":
		if rc != want {
			t.Fatalf("%s (%s %s) in state %s: returned %d (%s), want %d (%s)", c.Form, c.Arg, c.Kind, c.State, rc, hx.Strerror(rc), want, c.Code)
		}
	case "event":
		if rc != 0 {
			t.Fatalf("%s returned %s, want 0 and an 'error' event %s", c.Form, hx.Strerror(rc), c.Code)
		}
		waitFor(t, "'error' event", func() bool { return hx.Count(slot, hx.EvError) > 0 })
		if got := hx.EventError(slot); got != want {
			t.Fatalf("'error' event %s, want %s", hx.Strerror(got), c.Code)
		}
	case "callback":
		if rc != 0 {
			t.Fatalf("%s returned %s, want 0 and %s to the send callback", c.Form, hx.Strerror(rc), c.Code)
		}
		waitFor(t, "send callback", func() bool { return hx.Count(slot, hx.EvSendErr)+hx.Count(slot, hx.EvSendOK) > 0 })
		if got := hx.SendError(slot); got != want {
			t.Fatalf("send callback got %s, want %s", hx.Strerror(got), c.Code)
		}
	}
	if c.State == "closed" || c.Call == "close" && rc == 0 {
		waitFor(t, "close", func() bool { return hx.Count(slot, hx.EvClose) > 0 })
		return
	}
	cStillWorks(t, c, h, recv, slot)
	cCloseWait(t, h, slot)
}

// cStillWorks sends a datagram from h to the receiver and waits for it.
func cStillWorks(t *testing.T, c cBadCase, h int32, recv *cReceiver, slot int) {
	t.Helper()
	want := "after " + c.ID
	if rc := hx.SendGo(h, []byte(want), recv.port, cstrOf("127.0.0.1"), false, slot); rc != 0 {
		t.Fatalf("the socket no longer sends: %s", hx.Strerror(rc))
	}
	recv.wait(t, want)
}

// cLibraryBadInputs are the C library's own bad inputs: handles that are
// 0, negative, never created or stale, on every call that takes one; and
// NULL pointers where one is required. It returns how many it tried.
func cLibraryBadInputs(t *testing.T, recv *cReceiver) int {
	const slot = 0
	hx.Reset(slot)
	stale := hx.CreateType(cstrOf("udp4"), false, slot)
	cCloseWait(t, stale, slot)
	waitFor(t, "the stale handle released", func() bool {
		rc, _ := hx.Address(stale, false)
		return rc == cCode("ERR_INVALID_HANDLE")
	})
	a := cstrOf("127.0.0.1")
	calls := map[string]func(h int32) int32{
		"add_membership":         func(h int32) int32 { return hx.Membership(true, h, cstrOf("230.1.2.3"), nil) },
		"drop_membership":        func(h int32) int32 { return hx.Membership(false, h, cstrOf("230.1.2.3"), nil) },
		"address":                func(h int32) int32 { rc, _ := hx.Address(h, false); return rc },
		"bind":                   func(h int32) int32 { return hx.Bind(h, 0, a, false, slot) },
		"bind_options":           func(h int32) int32 { return hx.BindOptions(h, false, 0, a, false, slot) },
		"close":                  func(h int32) int32 { return hx.Close(h, false, slot) },
		"send":                   func(h int32) int32 { return hx.Send(h, []byte("x"), 1, recv.port, a, false, slot) },
		"send_slice":             func(h int32) int32 { return hx.SendSlice(false, h, []byte("x"), 1, 0, 1, recv.port, a, false, slot) },
		"sendto":                 func(h int32) int32 { return hx.SendSlice(true, h, []byte("x"), 1, 0, 1, recv.port, a, false, slot) },
		"set_broadcast":          func(h int32) int32 { return hx.SetBroadcast(h, true) },
		"set_multicast_loopback": func(h int32) int32 { return hx.SetMulticastLoopback(h, true) },
		"set_multicast_ttl":      func(h int32) int32 { return hx.SetMulticastTTL(h, 1) },
		"set_ttl":                func(h int32) int32 { return hx.SetTTL(h, 64) },
		"on_close":               func(h int32) int32 { return hx.On(h, 0, false, slot) },
		"on_error":               func(h int32) int32 { return hx.On(h, 1, false, slot) },
		"on_listening":           func(h int32) int32 { return hx.On(h, 2, false, slot) },
		"on_message":             func(h int32) int32 { return hx.On(h, 3, false, slot) },
	}
	tried := 0
	for name, fn := range calls {
		for _, h := range []int32{0, -1, -2147483648, 2147483647, stale} {
			tried++
			if rc := fn(h); rc != cCode("ERR_INVALID_HANDLE") {
				t.Errorf("dgram_%s(handle %d) = %s, want ERR_INVALID_HANDLE", name, h, hx.Strerror(rc))
			}
		}
	}
	// NULL pointers, on a live socket that must keep working.
	h := hx.CreateType(cstrOf("udp4"), false, slot)
	null := map[string]int32{
		"dgram_create_socket(NULL)":      hx.Create(true, nil, false, 0, 0, 0, 0, false, slot),
		"dgram_bind_options(NULL)":       hx.BindOptions(h, true, 0, nil, false, slot),
		"dgram_address(out NULL)":        func() int32 { rc, _ := hx.Address(h, true); return rc }(),
		"dgram_send(NULL, 5)":            hx.Send(h, nil, 5, recv.port, a, false, slot),
		"dgram_send_slice(NULL, 5)":      hx.SendSlice(false, h, nil, 5, 0, 1, recv.port, a, false, slot),
		"dgram_sendto(NULL, 5)":          hx.SendSlice(true, h, nil, 5, 0, 1, recv.port, a, false, slot),
		"dgram_on_close(NULL)":           hx.On(h, 0, true, slot),
		"dgram_on_error(NULL)":           hx.On(h, 1, true, slot),
		"dgram_on_listening(NULL)":       hx.On(h, 2, true, slot),
		"dgram_on_message(NULL)":         hx.On(h, 3, true, slot),
		"dgram_send(msg, 2^31) refused ": hx.Send(h, []byte("x"), 1<<31, recv.port, a, false, slot),
	}
	for what, rc := range null {
		tried++
		want := cCode("ERR_NULL_POINTER")
		if strings.Contains(what, "2^31") {
			want = cCode("ERR_BUFFER_OUT_OF_BOUNDS")
		}
		if rc != want {
			t.Errorf("%s = %s, want %s", what, hx.Strerror(rc), hx.Strerror(want))
		}
	}
	cStillWorks(t, cBadCase{ID: "NULL pointers"}, h, recv, slot)
	cCloseWait(t, h, slot)
	return tried
}

package main

import (
	"encoding/json"
	"net"
	"os"
	"testing"
	"time"

	"github.com/dgramkit/dgramkit/cshared/internal/hx"

	"github.com/dgramkit/dgramkit/dgram"
)

// cBadCase is a case of the bad-input table (testdata/badinput_gen.json,
// written by gen.BadInput; the fields are documented there).
type cBadCase struct {
	ID    string      `json:"id"`
	Call  string      `json:"call"`
	Form  string      `json:"form"`
	Arg   string      `json:"arg"`
	Kind  string      `json:"kind"`
	State string      `json:"state"`
	Type  string      `json:"type"`
	Args  []cBadValue `json:"args"`
	Code  string      `json:"code"`
	CCode string      `json:"cCode"`
	How   string      `json:"how"`
	CSkip string      `json:"cSkip"`
}

// cBadValue is an argument of a case's call (gen.BadValue).
type cBadValue struct {
	Name     string  `json:"name"`
	Type     string  `json:"type"`
	Int      *int64  `json:"int"`
	Str      *string `json:"str"`
	Bool     *bool   `json:"bool"`
	Null     bool    `json:"null"`
	Size     int     `json:"size"`
	Port     bool    `json:"port"`
	Callback bool    `json:"callback"`
}

// cBadForm is a form with valid arguments (gen.BadForm).
type cBadForm struct {
	Call   string      `json:"call"`
	Form   string      `json:"form"`
	C      string      `json:"c"`
	Module bool        `json:"module"`
	Args   []cBadValue `json:"args"`
	Null   []string    `json:"null"`
}

// cArgs gives a case's arguments to hx.CallForm (hx.Args): port is the
// receiver's; null names the pointer argument that is NULL; length, when
// not 0, is every message's length.
type cArgs struct {
	vals   map[string]cBadValue
	port   int32
	null   string
	length uint64
}

func newCArgs(args []cBadValue, port int32) *cArgs {
	a := &cArgs{vals: map[string]cBadValue{}, port: port}
	for _, v := range args {
		a.vals[v.Name] = v
	}
	return a
}

func (a *cArgs) Int(name string) int64 {
	switch v := a.vals[name]; {
	case v.Port:
		return int64(a.port)
	case v.Int != nil:
		return *v.Int
	}
	return 0
}

func (a *cArgs) Str(name string) *string {
	if v := a.vals[name]; !v.Null {
		return v.Str
	}
	return nil
}

func (a *cArgs) Bool(name string) bool {
	v := a.vals[name]
	return v.Bool != nil && *v.Bool
}

func (a *cArgs) Message(name string) ([]byte, uint64) {
	var buf []byte
	switch v := a.vals[name]; {
	case v.Null:
		return nil, 5
	case v.Size > 0:
		buf = make([]byte, v.Size)
	case v.Str != nil:
		buf = []byte(*v.Str)
	default:
		buf = []byte{}
	}
	if a.length != 0 {
		return buf, a.length
	}
	return buf, uint64(len(buf))
}

func (a *cArgs) Callback(name string) bool { return a.vals[name].Callback }

func (a *cArgs) Null(name string) bool { return name == a.null }

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
// (dgram_* through cshared/internal/hx): each case returns exactly the spec's
// code as -number, or delivers it to the 'error' listener or the send
// callback, and afterwards the socket still works. Then the C library's
// own bad inputs: handle 0, negative, never created and stale (released by
// 'close') on every call, and NULL pointers.
func TestBadInput(t *testing.T) {
	data, err := os.ReadFile("../testdata/badinput_gen.json")
	if err != nil {
		t.Fatal(err)
	}
	var table struct {
		Forms []cBadForm
		Cases []cBadCase
	}
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
	extra := cLibraryBadInputs(t, recv, table.Forms)
	waitFor(t, "every handle released", func() bool { return hx.LiveHandles() == base })
	t.Logf("bad-input table: %d cases run in C, %d not expressible in C; %d C-only cases (handles, NULL pointers)", ran, skipped, extra)
}

func cstrOf(s string) *string { return &s }

func runCBadCase(t *testing.T, c cBadCase, slot int, recv *cReceiver) {
	hx.Reset(slot)
	fam := "127.0.0.1"
	a := newCArgs(c.Args, recv.port)
	want := cCode(c.Code)
	if c.CCode != "" {
		want = cCode(c.CCode)
	}
	if c.State == "" { // createSocket
		rc := hx.CallForm(c.Form, 0, a, slot)
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
	for _, ev := range hx.Events { // count every event
		if rc := hx.CallOn(ev, h, false, slot); rc != 0 {
			t.Fatalf("dgram_on_%s: %s", ev, hx.Strerror(rc))
		}
	}
	switch c.State {
	case "bound":
		hx.Bind(h, 0, cstrOf(fam), false, slot)
		waitFor(t, "listening", func() bool { return hx.Count(slot, hx.EvListening) > 0 })
	case "connected":
		if rc := hx.Connect(h, recv.port, cstrOf(fam)); rc != 0 {
			t.Fatalf("dgram_connect: %s", hx.Strerror(rc))
		}
	case "closed":
		hx.Close(h, false, slot)
		waitFor(t, "close", func() bool { return hx.Count(slot, hx.EvClose) > 0 })
	}
	rc := hx.CallForm(c.Form, h, a, slot)
	switch c.How {
	case "throw", "emitted": // C returns what JavaScript emits
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
	// Connected (by the case, or for it): dissolve it, so that the socket
	// sends to the receiver by address.
	if rc := hx.Disconnect(h); rc != 0 && rc != cCode(string(dgram.ErrSocketDgramNotConnected)) {
		t.Fatalf("dgram_disconnect: %s", hx.Strerror(rc))
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
// 0, negative, never created or stale, on every form that takes one and
// every listener; NULL for every pointer argument a form has (its object
// arguments and its result), for every listener, and a message length
// beyond 2^31-1. It returns how many it tried.
func cLibraryBadInputs(t *testing.T, recv *cReceiver, forms []cBadForm) int {
	const slot = 0
	hx.Reset(slot)
	stale := hx.CreateType(cstrOf("udp4"), false, slot)
	cCloseWait(t, stale, slot)
	waitFor(t, "the stale handle released", func() bool {
		return hx.CallOn(hx.Events[0], stale, false, slot) == cCode("ERR_INVALID_HANDLE")
	})
	invalid := cCode("ERR_INVALID_HANDLE")
	tried := 0
	for _, h := range []int32{0, -1, -2147483648, 2147483647, stale} {
		for _, f := range forms {
			if f.Module {
				continue // no handle
			}
			tried++
			if rc := hx.CallForm(f.Form, h, newCArgs(f.Args, recv.port), slot); rc != invalid {
				t.Errorf("%s(handle %d) = %s, want ERR_INVALID_HANDLE", f.C, h, hx.Strerror(rc))
			}
		}
		for _, ev := range hx.Events {
			tried++
			if rc := hx.CallOn(ev, h, false, slot); rc != invalid {
				t.Errorf("dgram_on_%s(handle %d) = %s, want ERR_INVALID_HANDLE", ev, h, hx.Strerror(rc))
			}
		}
	}
	// NULL pointers and a huge length, on a live socket that must keep working.
	h := hx.CreateType(cstrOf("udp4"), false, slot)
	null := cCode("ERR_NULL_POINTER")
	for _, f := range forms {
		for _, p := range f.Null {
			tried++
			a := newCArgs(f.Args, recv.port)
			a.null = p
			if rc := hx.CallForm(f.Form, h, a, slot); rc != null {
				t.Errorf("%s(%s NULL) = %s, want ERR_NULL_POINTER", f.C, p, hx.Strerror(rc))
			}
		}
		for _, v := range f.Args {
			if v.Type != "message" {
				continue
			}
			tried++
			a := newCArgs(f.Args, recv.port)
			a.length = 1 << 31
			if rc := hx.CallForm(f.Form, h, a, slot); rc != cCode("ERR_BUFFER_OUT_OF_BOUNDS") {
				t.Errorf("%s(%s_length 2^31) = %s, want ERR_BUFFER_OUT_OF_BOUNDS", f.C, v.Name, hx.Strerror(rc))
			}
		}
	}
	for _, ev := range hx.Events {
		tried++
		if rc := hx.CallOn(ev, h, true, slot); rc != null {
			t.Errorf("dgram_on_%s(NULL) = %s, want ERR_NULL_POINTER", ev, hx.Strerror(rc))
		}
	}
	cStillWorks(t, cBadCase{ID: "NULL pointers"}, h, recv, slot)
	cCloseWait(t, h, slot)
	return tried
}

package dgram

import (
	"encoding/json"
	"errors"
	"os"
	"strings"
	"testing"
	"time"
)

// badCase is a case of the bad-input table, testdata/badinput_gen.json,
// which gen.BadInput writes from the spec (the fields are documented
// there).
type badCase struct {
	ID     string  `json:"id"`
	Call   string  `json:"call"`
	Form   string  `json:"form"`
	Arg    string  `json:"arg"`
	Kind   string  `json:"kind"`
	State  string  `json:"state"`
	Type   string  `json:"type"`
	Int    *int64  `json:"int"`
	Str    *string `json:"str"`
	Null   bool    `json:"null"`
	Size   int     `json:"size"`
	GoMsg  string  `json:"goMsg"`
	Code   string  `json:"code"`
	How    string  `json:"how"`
	Listed bool    `json:"listed"`
	GoSkip string  `json:"goSkip"`
}

func loadBadCases(t testing.TB) []badCase {
	data, err := os.ReadFile("../testdata/badinput_gen.json")
	if err != nil {
		t.Fatal(err)
	}
	var table struct{ Cases []badCase }
	if err := json.Unmarshal(data, &table); err != nil {
		t.Fatal(err)
	}
	if len(table.Cases) == 0 {
		t.Fatal("the bad-input table is empty")
	}
	return table.Cases
}

// TestBadInput runs the bad-input table against the Go API: each case
// must fail with exactly the spec's code, reported where the spec says
// (returned, as an 'error' event, or to the send callback), and
// afterwards the socket still works: a datagram it sends after the bad
// call arrives. Cases Go's static types cannot express say so in the table
// (goSkip) and are counted, not run.
func TestBadInput(t *testing.T) {
	cases := loadBadCases(t)
	recv, events, port := boundSocket(t, "udp4", "127.0.0.1")
	_ = recv
	ran, skipped := 0, 0
	for _, c := range cases {
		if c.GoSkip != "" {
			skipped++
			continue
		}
		if c.Int != nil && int64(int(*c.Int)) != *c.Int {
			// Beyond a 32-bit host's int: the Go API cannot be given it.
			t.Logf("%s: %d does not fit this host's int", c.ID, *c.Int)
			skipped++
			continue
		}
		ran++
		t.Run(c.ID, func(t *testing.T) {
			runBadCase(t, c, port, events)
		})
	}
	t.Logf("bad-input table: %d cases run in Go, %d not expressible in Go", ran, skipped)
}

// badArgs are the arguments of a case's call: valid values, with the
// case's bad one in place.
type badArgs struct {
	msg                 any
	port, offset, lengt int
	address, group      string
	iface               string
	ttl                 int
	typ                 string
	opts                SocketOptions
	bind                BindOptions
}

func newBadArgs(c badCase, port int) badArgs {
	fam := lookupFamily(c.Type)
	a := badArgs{msg: "hello", port: port, offset: 0, lengt: 5, address: fam.sendAddress, group: "230.1.2.3", ttl: 64, typ: c.Type}
	a.opts = SocketOptions{Type: c.Type}
	a.bind = BindOptions{Port: 0, Address: fam.sendAddress}
	if c.Call == "bind" {
		a.port = 0
	}
	intv := func() int { return int(*c.Int) }
	switch c.Arg {
	case "msg":
		switch {
		case c.Size > 0:
			a.msg = make([]byte, c.Size)
		case c.GoMsg == "int":
			a.msg = 5
		case c.GoMsg == "nil":
			a.msg = nil
		case c.GoMsg == "list-int":
			a.msg = []any{"a", 1}
		}
	case "port":
		a.port = intv()
	case "offset":
		a.offset = intv()
	case "length":
		a.lengt = intv()
	case "ttl":
		a.ttl = intv()
	case "address":
		a.address = *c.Str
	case "multicastAddress":
		a.group = *c.Str
	case "multicastInterface":
		a.iface = *c.Str
	case "type":
		a.typ = *c.Str
	case "options.type":
		a.opts.Type = *c.Str
	case "options.recvBufferSize":
		a.opts.RecvBufferSize = intv()
	case "options.sendBufferSize":
		a.opts.SendBufferSize = intv()
	case "options.platform":
		a.opts.Platform = Platform(intv())
	case "options.port":
		a.bind.Port = intv()
	case "options.address":
		a.bind.Address = *c.Str
	case "":
	default:
		panic("bad-input table: argument " + c.Arg + " unknown to the Go runner")
	}
	return a
}

// badCall makes the case's call on s; sent receives the send callback's
// error.
func badCall(c badCase, s *Socket, a badArgs, sent chan error) (*Socket, error) {
	cb := func(err error, _ int) { sent <- err }
	switch c.Form {
	case "CreateSocket":
		return CreateSocket(a.opts, nil)
	case "CreateSocketType":
		return CreateSocketType(a.typ, nil)
	case "AddMembership":
		return nil, s.AddMembership(a.group, a.iface)
	case "DropMembership":
		return nil, s.DropMembership(a.group, a.iface)
	case "Address":
		_, err := s.Address()
		return nil, err
	case "Bind":
		return nil, s.Bind(a.port, a.address, nil)
	case "BindOptions":
		return nil, s.BindOptions(a.bind, nil)
	case "Close":
		return nil, s.Close(nil)
	case "Send":
		return nil, s.Send(a.msg, a.port, a.address, cb)
	case "SendSlice":
		return nil, s.SendSlice(a.msg, a.offset, a.lengt, a.port, a.address, cb)
	case "SendTo":
		return nil, s.SendTo(a.msg, a.offset, a.lengt, a.port, a.address, cb)
	case "SetBroadcast":
		return nil, s.SetBroadcast(true)
	case "SetMulticastLoopback":
		return nil, s.SetMulticastLoopback(true)
	case "SetMulticastTTL":
		return nil, s.SetMulticastTTL(a.ttl)
	case "SetTTL":
		return nil, s.SetTTL(a.ttl)
	}
	panic("bad-input table: form " + c.Form + " unknown to the Go runner")
}

func runBadCase(t *testing.T, c badCase, port int, recvEvents *events) {
	a := newBadArgs(c, port)
	sent := make(chan error, 4)
	if c.State == "" { // a module call
		s, err := badCall(c, nil, a, sent)
		wantBadCode(t, c, err)
		if s != nil {
			s.Close(nil)
		}
		// The module still works: a new socket sends and receives.
		s2 := newSocket(t, SocketOptions{Type: "udp4"})
		badStillWorks(t, c, s2, port, recvEvents)
		return
	}
	s, err := CreateSocketType(c.Type, nil)
	if err != nil {
		t.Fatal(err)
	}
	closed := make(chan struct{})
	s.OnClose(func() { close(closed) })
	errs := make(chan error, 8)
	s.OnError(func(err error) { errs <- err })
	switch c.State {
	case "bound":
		listening := make(chan struct{}, 1)
		if err := s.Bind(0, lookupFamily(c.Type).sendAddress, func() { listening <- struct{}{} }); err != nil {
			t.Fatal(err)
		}
		recv(t, listening)
	case "closed":
		s.Close(nil)
		recv(t, closed)
	}
	_, err = badCall(c, s, a, sent)
	switch c.How {
	case "throw", "emitted": // Go returns what JavaScript emits
		wantBadCode(t, c, err)
	case "callback":
		if err != nil {
			t.Fatalf("%s returned %v; want nil and %s to the send callback", c.Form, err, c.Code)
		}
		select {
		case e := <-sent:
			wantBadCode(t, c, e)
		case <-time.After(waitLimit):
			t.Fatalf("no send callback within %v; want %s", waitLimit, c.Code)
		}
	}
	if c.State != "closed" && !(c.Call == "close" && err == nil) {
		badStillWorks(t, c, s, port, recvEvents)
	}
	s.Close(nil)
	recv(t, closed)
	select {
	case e := <-errs:
		t.Fatalf("unexpected 'error' event: %v", e)
	default:
	}
}

// wantBadCode checks err against the case's code: nil for "".
func wantBadCode(t *testing.T, c badCase, err error) {
	t.Helper()
	if c.Code == "" {
		if err != nil {
			t.Fatalf("%s in state %s: %v; want success", c.Form, c.State, err)
		}
		return
	}
	var de *Error
	if !errors.As(err, &de) || string(de.Code) != c.Code {
		t.Fatalf("%s (%s %s): got %v; want %s", c.Form, c.Arg, c.Kind, err, c.Code)
	}
	if !strings.Contains(de.Error(), c.Code) && de.Syscall == "" {
		t.Fatalf("the message %q does not name %s", de.Error(), c.Code)
	}
}

// badStillWorks sends a datagram from s to the receiver (binding s
// implicitly if need be) and waits for it.
func badStillWorks(t *testing.T, c badCase, s *Socket, port int, recvEvents *events) {
	t.Helper()
	want := "after " + c.ID
	to := "127.0.0.1"
	if c.Type == "udp6" {
		t.Skip("the receiver is udp4")
	}
	done := make(chan error, 1)
	if err := s.Send(want, port, to, func(err error, _ int) { done <- err }); err != nil {
		t.Fatalf("the socket no longer sends: %v", err)
	}
	if err := recv(t, done); err != nil {
		t.Fatalf("the socket no longer sends: %v", err)
	}
	deadline := time.After(waitLimit)
	for {
		select {
		case ev := <-recvEvents.ch:
			if ev == "message:"+want {
				return
			}
		case <-deadline:
			t.Fatalf("the datagram sent after the bad call did not arrive")
		}
	}
}

package dgram

import (
	"errors"
	"testing"
)

// Every call rejects bad arguments and wrong states with the spec's code,
// at once, by returning it.
func TestBadArguments(t *testing.T) {
	type stateName string
	const (
		fresh     stateName = "unbound"
		justBound stateName = "bound, before 'listening'"
		open      stateName = "bound"
		gone      stateName = "closed"
	)
	cases := []struct {
		name  string
		state stateName
		call  func(s *Socket) error
		code  Code
		msg   string // the exact Error(), when given
	}{
		// createSocket
		{"createSocket bad type", fresh, func(*Socket) error { _, err := CreateSocketType("udp5", nil); return err }, ErrSocketBadType,
			"TypeError [ERR_SOCKET_BAD_TYPE]: Bad socket type specified. Valid types are: udp4, udp6"},
		{"createSocket empty type", fresh, func(*Socket) error { _, err := CreateSocketType("", nil); return err }, ErrSocketBadType, ""},
		{"createSocket type case", fresh, func(*Socket) error { _, err := CreateSocketType("UDP4", nil); return err }, ErrSocketBadType, ""},
		{"createSocket options type", fresh, func(*Socket) error { _, err := CreateSocket(SocketOptions{Type: "tcp"}, nil); return err }, ErrSocketBadType, ""},
		{"createSocket recvBufferSize", fresh, func(*Socket) error {
			_, err := CreateSocket(SocketOptions{Type: "udp4", RecvBufferSize: -1}, nil)
			return err
		}, ErrOutOfRange, `RangeError [ERR_OUT_OF_RANGE]: The value of "options.recvBufferSize" is out of range. It must be >= 0 && <= 4294967295. Received -1`},
		{"createSocket sendBufferSize", fresh, func(*Socket) error {
			_, err := CreateSocket(SocketOptions{Type: "udp4", SendBufferSize: -5}, nil)
			return err
		}, ErrOutOfRange, ""},

		// bind
		{"bind port -1", fresh, func(s *Socket) error { return s.Bind(-1, "", nil) }, ErrSocketBadPort,
			"RangeError [ERR_SOCKET_BAD_PORT]: Port should be >= 0 and < 65536. Received type int (-1)."},
		{"bind port 65536", fresh, func(s *Socket) error { return s.Bind(65536, "", nil) }, ErrSocketBadPort, ""},
		{"bind options port", fresh, func(s *Socket) error { return s.BindOptions(BindOptions{Port: 70000}, nil) }, ErrSocketBadPort, ""},
		{"bind twice", open, func(s *Socket) error { return s.Bind(0, "", nil) }, ErrSocketAlreadyBound,
			"Error [ERR_SOCKET_ALREADY_BOUND]: Socket is already bound"},
		{"bind before listening", justBound, func(s *Socket) error { return s.BindOptions(BindOptions{}, nil) }, ErrSocketAlreadyBound, ""},
		{"bind after close", gone, func(s *Socket) error { return s.Bind(0, "", nil) }, ErrSocketDgramNotRunning,
			"Error [ERR_SOCKET_DGRAM_NOT_RUNNING]: Not running"},

		// send and sendto
		{"send int msg", open, func(s *Socket) error { return s.Send(42, 9, "", nil) }, ErrInvalidArgType,
			`TypeError [ERR_INVALID_ARG_TYPE]: The "msg" argument must be of type string, []byte, or a list of them. Received type int (42)`},
		{"send nil msg", open, func(s *Socket) error { return s.Send(nil, 9, "", nil) }, ErrInvalidArgType, ""},
		{"send []int msg", open, func(s *Socket) error { return s.Send([]int{1}, 9, "", nil) }, ErrInvalidArgType, ""},
		{"send bad list item", open, func(s *Socket) error { return s.Send([]any{"a", 1}, 9, "", nil) }, ErrInvalidArgType,
			`TypeError [ERR_INVALID_ARG_TYPE]: The "buffer list arguments" argument must be of type string, []byte, or a list of them. Received an instance of []interface {}`},
		{"send port 0", open, func(s *Socket) error { return s.Send("x", 0, "", nil) }, ErrSocketBadPort,
			"RangeError [ERR_SOCKET_BAD_PORT]: Port should be > 0 and < 65536. Received type int (0)."},
		{"send port -1", open, func(s *Socket) error { return s.Send("x", -1, "", nil) }, ErrSocketBadPort, ""},
		{"send port 65536", fresh, func(s *Socket) error { return s.Send("x", 65536, "", nil) }, ErrSocketBadPort, ""},
		{"send offset -1", open, func(s *Socket) error { return s.SendSlice("abc", -1, 1, 9, "", nil) }, ErrBufferOutOfBounds,
			`RangeError [ERR_BUFFER_OUT_OF_BOUNDS]: "offset" is outside of buffer bounds`},
		{"send offset past end", open, func(s *Socket) error { return s.SendSlice("abc", 4, 0, 9, "", nil) }, ErrBufferOutOfBounds, ""},
		{"send length past end", open, func(s *Socket) error { return s.SendSlice("abc", 1, 3, 9, "", nil) }, ErrBufferOutOfBounds,
			`RangeError [ERR_BUFFER_OUT_OF_BOUNDS]: "length" is outside of buffer bounds`},
		{"send length -1", open, func(s *Socket) error { return s.SendSlice("abc", 0, -1, 9, "", nil) }, ErrBufferOutOfBounds, ""},
		{"send after close", gone, func(s *Socket) error { return s.Send("x", 9, "", nil) }, ErrSocketDgramNotRunning, ""},
		{"sendto bad msg", open, func(s *Socket) error { return s.SendTo(3.5, 0, 0, 9, "", nil) }, ErrInvalidArgType, ""},
		{"sendto length", open, func(s *Socket) error { return s.SendTo([]byte("ab"), 0, 3, 9, "", nil) }, ErrBufferOutOfBounds, ""},
		{"sendto port", open, func(s *Socket) error { return s.SendTo([]byte("ab"), 0, 2, 0, "", nil) }, ErrSocketBadPort, ""},
		{"sendto after close", gone, func(s *Socket) error { return s.SendTo("ab", 0, 2, 9, "", nil) }, ErrSocketDgramNotRunning, ""},

		// close and address
		{"close after close", gone, func(s *Socket) error { return s.Close(nil) }, ErrSocketDgramNotRunning, ""},
		{"address before bind", fresh, func(s *Socket) error { _, err := s.Address(); return err }, EBADF, "getsockname EBADF"},
		{"address after close", gone, func(s *Socket) error { _, err := s.Address(); return err }, ErrSocketDgramNotRunning, ""},

		// membership
		{"addMembership missing", open, func(s *Socket) error { return s.AddMembership("", "") }, ErrMissingArgs,
			`TypeError [ERR_MISSING_ARGS]: The "multicastAddress" argument must be specified`},
		{"dropMembership missing", open, func(s *Socket) error { return s.DropMembership("", "127.0.0.1") }, ErrMissingArgs, ""},
		{"addMembership before bind", fresh, func(s *Socket) error { return s.AddMembership("230.255.255.250", "") }, EBADF, "addMembership EBADF"},
		{"addMembership after close", gone, func(s *Socket) error { return s.AddMembership("230.255.255.250", "") }, ErrSocketDgramNotRunning, ""},
		{"addMembership not multicast", open, func(s *Socket) error { return s.AddMembership("1.2.3.4", "127.0.0.1") }, EINVAL, "addMembership EINVAL"},
		{"addMembership malformed", open, func(s *Socket) error { return s.AddMembership("256.256.256.256", "127.0.0.1") }, EINVAL, ""},
		{"addMembership ipv6 group", open, func(s *Socket) error { return s.AddMembership("ff02::1", "127.0.0.1") }, ENOPROTOOPT, ""},
		{"addMembership bad interface", open, func(s *Socket) error { return s.AddMembership("230.255.255.250", "eth0") }, EINVAL, ""},
		{"dropMembership not multicast", open, func(s *Socket) error { return s.DropMembership("1.2.3.4", "127.0.0.1") }, EADDRNOTAVAIL, "dropMembership EADDRNOTAVAIL"},
		{"dropMembership before bind", fresh, func(s *Socket) error { return s.DropMembership("230.255.255.250", "") }, EBADF, ""},

		// option setters
		{"setBroadcast before bind", fresh, func(s *Socket) error { return s.SetBroadcast(true) }, EBADF, "setBroadcast EBADF"},
		{"setBroadcast after close", gone, func(s *Socket) error { return s.SetBroadcast(true) }, ErrSocketDgramNotRunning, ""},
		{"setMulticastLoopback before bind", fresh, func(s *Socket) error { return s.SetMulticastLoopback(false) }, EBADF, ""},
		{"setMulticastLoopback after close", gone, func(s *Socket) error { return s.SetMulticastLoopback(true) }, ErrSocketDgramNotRunning, ""},
		{"setMulticastTTL -1", open, func(s *Socket) error { return s.SetMulticastTTL(-1) }, EINVAL, "setMulticastTTL EINVAL"},
		{"setMulticastTTL 256", open, func(s *Socket) error { return s.SetMulticastTTL(256) }, EINVAL, ""},
		{"setMulticastTTL range before bind", fresh, func(s *Socket) error { return s.SetMulticastTTL(256) }, EINVAL, ""},
		{"setMulticastTTL before bind", fresh, func(s *Socket) error { return s.SetMulticastTTL(1) }, EBADF, "setMulticastTTL EBADF"},
		{"setMulticastTTL after close", gone, func(s *Socket) error { return s.SetMulticastTTL(1) }, ErrSocketDgramNotRunning, ""},
		{"setTTL 0", open, func(s *Socket) error { return s.SetTTL(0) }, EINVAL, "setTTL EINVAL"},
		{"setTTL 256", open, func(s *Socket) error { return s.SetTTL(256) }, EINVAL, ""},
		{"setTTL before bind", fresh, func(s *Socket) error { return s.SetTTL(64) }, EBADF, "setTTL EBADF"},
		{"setTTL after close", gone, func(s *Socket) error { return s.SetTTL(64) }, ErrSocketDgramNotRunning, ""},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			s := newSocket(t, SocketOptions{Type: "udp4"})
			r := record(s)
			switch tc.state {
			case justBound:
				// Hold the dispatcher first, so that 'listening' waits
				// behind it.
				hold := make(chan struct{})
				s.dispatcher.post(func() { <-hold })
				defer close(hold)
				if err := s.Bind(0, "127.0.0.1", nil); err != nil {
					t.Fatal(err)
				}
			case open:
				if err := s.Bind(0, "127.0.0.1", nil); err != nil {
					t.Fatal(err)
				}
				r.expect(t, "listening")
			case gone:
				if err := s.Close(nil); err != nil {
					t.Fatal(err)
				}
				r.expect(t, "close")
			}
			err := tc.call(s)
			wantCode(t, tc.name, err, tc.code)
			var e *Error
			if !errors.As(err, &e) {
				t.Fatalf("%T is not *Error", err)
			}
			if tc.msg != "" && err.Error() != tc.msg {
				t.Fatalf("Error()\n got %q\nwant %q", err.Error(), tc.msg)
			}
		})
	}
}

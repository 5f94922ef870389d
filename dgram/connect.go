package dgram

import "net/netip"

// connect is the core of connect: it binds an unbound socket first (to
// the family's wildcard address and a random port, as send does), then
// associates the operating-system socket with its peer within the call,
// so that a send after connect returns goes there, and posts 'connect'
// (after 'listening' when it bound the socket). A failure is the call's
// error (JavaScript gives it to the listener or emits it, see the spec's
// reporting); a socket that connect bound stays bound, as in Node.
func (s *Socket) connect(port int, address string, connectListener ConnectListener) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	switch {
	case s.state == closed:
		return notRunning()
	case s.peer.IsValid():
		return codeError(ErrSocketDgramIsConnected, "")
	}
	if s.state == unbound {
		if err := s.openLocked(0, s.family.bindAddress); err != nil {
			return err
		}
	}
	ip, rerr := s.resolve("connect", address, port)
	if rerr != nil {
		return rerr
	}
	to := netip.AddrPortFrom(ip, uint16(port))
	rc, err := s.conn.SyscallConn()
	if err == nil {
		err = connectSocket(rc, to)
	}
	if err != nil {
		return sysError("connect", err, address, port)
	}
	s.peer = to
	var id uint64
	if connectListener != nil {
		id = s.events.connect.add(connectListener)
	}
	s.dispatcher.post(func() {
		if !s.stopped.Load() {
			s.emitConnect()
		}
		if connectListener != nil {
			s.events.connect.remove(id) // once, as in Node
		}
	})
	return nil
}

// disconnect is the core of disconnect: the operating-system socket
// forgets its peer within the call. Linux also forgets a local port and
// address that the system chose (a socket bound to port 0, or bound
// implicitly): the next send binds it anew, and address() reports that,
// as in Node, whose sockets do the same.
func (s *Socket) disconnect() error {
	s.mu.Lock()
	defer s.mu.Unlock()
	switch {
	case s.state == closed:
		return notRunning()
	case !s.peer.IsValid():
		return codeError(ErrSocketDgramNotConnected, "")
	}
	rc, err := s.conn.SyscallConn()
	if err == nil {
		err = disconnectSocket(rc, s.family.family == "IPv6")
	}
	if err != nil {
		return sysError("connect", err, "", 0)
	}
	s.peer = netip.AddrPort{}
	s.disconnected = true
	return nil
}

// remoteAddress is the core of remoteAddress: the peer connect gave.
func (s *Socket) remoteAddress() (AddressInfo, error) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	switch {
	case s.state == closed:
		return AddressInfo{}, notRunning()
	case !s.peer.IsValid():
		return AddressInfo{}, codeError(ErrSocketDgramNotConnected, "")
	}
	return AddressInfo{Address: s.family.addrPort(s.peer).Addr(), Family: s.family.family, Port: int(s.peer.Port())}, nil
}

// ref is the core of ref: Go has no event loop that a socket keeps
// running (a program ends when main returns), so there is nothing to do;
// the JavaScript host keeps its own count (bindings/js).
func (s *Socket) ref() error { return nil }

// unref is the core of unref: nothing to do in Go, see ref.
func (s *Socket) unref() error { return nil }

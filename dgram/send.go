package dgram

import (
	"net"
	"net/netip"
)

// send is the core of send and sendto: arguments are valid and msg is the
// datagram. An unbound socket is first bound, within the call, to the
// family's wildcard address and a random port, as in Node; a failure of
// that bind is the call's error (JavaScript emits it, see the spec's
// reporting). The datagram is then written, and the callback posted after
// 'listening'.
//
// The connected forms give no destination (port 0, as no other form can):
// they send to the peer of a connected socket, and are
// ERR_SOCKET_DGRAM_NOT_CONNECTED on another; a destination given to a
// connected socket is ERR_SOCKET_DGRAM_IS_CONNECTED, as in Node.
func (s *Socket) send(msg []byte, port int, address string, sendListener SendCallback) error {
	s.mu.RLock()
	if err := s.checkDestination(port); err != nil {
		s.mu.RUnlock()
		return err
	}
	switch s.state {
	case bound:
		if port == 0 {
			s.writeTo(s.conn, msg, s.peer, "", 0, sendListener)
		} else {
			s.write(s.conn, msg, port, address, sendListener)
		}
		s.mu.RUnlock()
		return nil
	}
	s.mu.RUnlock()

	s.mu.Lock()
	defer s.mu.Unlock()
	if err := s.checkDestination(port); err != nil {
		return err
	}
	switch s.state {
	case bound:
		if port == 0 {
			s.writeTo(s.conn, msg, s.peer, "", 0, sendListener)
			return nil
		}
	case unbound:
		if err := s.openLocked(0, s.family.bindAddress); err != nil {
			return err
		}
	}
	s.write(s.conn, msg, port, address, sendListener)
	return nil
}

// write sends one datagram and posts its outcome to the callback (see
// writeTo). Without a callback an error is dropped, as in Node: a datagram
// service does not fail the socket for one datagram, and an 'error' event
// with no listener would end a JavaScript program. A failed name lookup is
// the exception: with no callback it is an 'error' event, as in Node.
func (s *Socket) write(conn *net.UDPConn, msg []byte, port int, address string, cb SendCallback) {
	ip, rerr := s.resolveSend(address, port)
	if rerr != nil {
		if cb != nil {
			s.dispatcher.post(func() { cb(rerr, 0) })
		} else if rerr.Code == ENOTFOUND {
			s.dispatcher.post(func() { s.emitError(rerr) })
		}
		return
	}
	s.writeTo(conn, msg, netip.AddrPortFrom(ip, uint16(port)), address, port, cb)
}

// checkDestination is send's state check: ERR_SOCKET_DGRAM_NOT_RUNNING
// after close; a connected form (port 0) needs a connected socket, and
// another form one that is not connected. The caller holds mu.
func (s *Socket) checkDestination(port int) error {
	switch {
	case s.state == closed:
		return notRunning()
	case port == 0 && !s.peer.IsValid():
		return codeError(ErrSocketDgramNotConnected, "")
	case port != 0 && s.peer.IsValid():
		return codeError(ErrSocketDgramIsConnected, "")
	}
	return nil
}

// literal is an IP literal a socket sent to and the address it means.
type literal struct {
	text string
	ip   netip.Addr
}

// resolveSend is resolve for send, which remembers the last IP literal
// it resolved: a socket that answers one peer, or a few, parses each
// address string once rather than per datagram. Names are resolved each
// time, as before.
func (s *Socket) resolveSend(address string, port int) (netip.Addr, *Error) {
	if l := s.lastTo.Load(); l != nil && l.text == address {
		return l.ip, nil
	}
	ip, err := s.resolve("send", address, port)
	if err == nil {
		if _, perr := netip.ParseAddr(address); perr == nil {
			s.lastTo.Store(&literal{text: address, ip: ip})
		}
	}
	return ip, err
}

package dgramjs

import (
	"context"
	"errors"
	"io"
	"net"
	"strconv"
	"sync"
	"syscall"
	"time"

	"github.com/dgramkit/dgramkit/dgram"
	"github.com/dop251/goja"
)

// net (lib/node/net.js): TCP (and Unix-socket) clients and servers on Go's
// net package. A connection reads only when the stream asks (one chunk
// per _read), so memory is bounded by the stream's high-water mark, not by
// what the peer sends; writes run one at a time in the stream's order.
func init() {
	jsModules["net"] = "net.js"
	bindings["net"] = (*host).netBinding
}

// tcpHandle is a connection: its conn, whether it holds the loop, and its
// read requests.
type tcpHandle struct {
	conn   net.Conn
	refd   bool
	want   chan struct{} // a _read asks for one chunk
	closed chan struct{}
	once   sync.Once
}

// serverHandle is a listening socket.
type serverHandle struct {
	ln   net.Listener
	refd bool
	once sync.Once
}

// netError is a failed socket call, as Node's uvException words it:
// "connect ECONNREFUSED 127.0.0.1:1", errno (negative), code, syscall,
// address and port; listen's message has libuv's description too.
func (h *host) netError(err error, syscallName, address string, port int) goja.Value {
	var en syscall.Errno
	code, errno := "EIO", -int(syscall.EIO)
	switch {
	case errors.As(err, &en):
		code, errno = errnoName(en), -int(en)
	case errors.Is(err, context.DeadlineExceeded), errors.Is(err, errTimeout):
		code, errno = "ETIMEDOUT", -int(syscall.ETIMEDOUT)
	default:
		var de *net.DNSError
		if errors.As(err, &de) {
			e := h.dgramless().codedError(dgram.KindError, "", "getaddrinfo ENOTFOUND "+address)
			e.Set("errno", -3008)
			e.Set("code", "ENOTFOUND")
			e.Set("syscall", "getaddrinfo")
			e.Set("hostname", address)
			return e
		}
	}
	msg := syscallName + " " + code
	if syscallName == "listen" || syscallName == "bind" {
		msg += ": " + uvMessage(syscall.Errno(-errno))
	}
	if address != "" {
		msg += " " + address
		if port >= 0 {
			msg += ":" + strconv.Itoa(port)
		}
	}
	e := h.dgramless().codedError(dgram.KindError, "", msg)
	if syscallName == "listen" {
		e.Set("code", code)
		e.Set("errno", errno)
	} else {
		e.Set("errno", errno)
		e.Set("code", code)
	}
	e.Set("syscall", syscallName)
	if address != "" {
		e.Set("address", address)
		if port >= 0 {
			e.Set("port", port)
		}
	}
	return e
}

var errTimeout = errors.New("timeout")

// addrInfo is an address as net.js wants it: [address, port, family].
func addrInfo(a net.Addr) []any {
	switch x := a.(type) {
	case *net.TCPAddr:
		fam := "IPv6"
		ip := x.IP.String()
		if v4 := x.IP.To4(); v4 != nil {
			fam, ip = "IPv4", v4.String()
		}
		if x.Zone != "" {
			ip += "%" + x.Zone
		}
		return []any{ip, x.Port, fam}
	case *net.UnixAddr:
		return []any{x.Name, -1, ""}
	}
	return []any{"", -1, ""}
}

func (h *host) netBinding() map[string]any {
	vm := h.vm
	ref := func(refd *bool, on bool) {
		if *refd != on {
			*refd = on
			if on {
				h.ref()
			} else {
				h.unref()
			}
		}
	}
	newHandle := func(c net.Conn) *tcpHandle {
		t := &tcpHandle{conn: c, want: make(chan struct{}, 1), closed: make(chan struct{})}
		ref(&t.refd, true)
		return t
	}
	return map[string]any{
		// connect(network, host, port, timeoutMs, cb): cb(err) or cb(null,
		// handle, local, remote) once connected.
		"connect": func(network, host string, port int, timeoutMs int, cb goja.Callable) {
			var c net.Conn
			var err error
			addr := host
			if network != "unix" {
				addr = net.JoinHostPort(host, strconv.Itoa(port))
			}
			h.background(func() {
				d := net.Dialer{Timeout: time.Duration(timeoutMs) * time.Millisecond}
				c, err = d.Dial(network, addr)
			}, func() error {
				if err != nil {
					p := port
					if network == "unix" {
						p = -1
					}
					_, e := cb(goja.Undefined(), h.netError(err, "connect", host, p))
					return e
				}
				t := newHandle(c)
				_, e := cb(goja.Undefined(), goja.Null(), vm.ToValue(t), vm.ToValue(addrInfo(c.LocalAddr())), vm.ToValue(addrInfo(c.RemoteAddr())))
				return e
			})
		},
		// read(handle, cb): one chunk, cb(null, chunk), cb(null, null) at
		// the end, or cb(err); nothing after close.
		"read": func(t *tcpHandle, cb goja.Callable) {
			go func() {
				buf := make([]byte, 64*1024)
				n, err := t.conn.Read(buf)
				select {
				case <-t.closed:
					return
				default:
				}
				h.post(func() error {
					select {
					case <-t.closed:
						return nil
					default:
					}
					var e error
					switch {
					case n > 0:
						_, e = cb(goja.Undefined(), goja.Null(), h.bufAPI.WrapBytes(buf[:n]))
					case err == nil:
						_, e = cb(goja.Undefined(), goja.Null(), goja.Null())
					case errors.Is(err, io.EOF):
						_, e = cb(goja.Undefined(), goja.Null(), goja.Null())
					default:
						_, e = cb(goja.Undefined(), h.netError(err, "read", "", -1))
					}
					return e
				})
			}()
		},
		// write(handle, chunk, cb): cb(err|null) once written.
		"write": func(t *tcpHandle, data goja.Value, cb goja.Callable) {
			b := append([]byte(nil), h.bufferBytes(data, "data")...)
			var err error
			h.background(func() { _, err = t.conn.Write(b) }, func() error {
				if err != nil {
					_, e := cb(goja.Undefined(), h.netError(err, "write", "", -1))
					return e
				}
				_, e := cb(goja.Undefined(), goja.Null())
				return e
			})
		},
		// shutdown(handle, cb): the write side closed (FIN).
		"shutdown": func(t *tcpHandle, cb goja.Callable) {
			var err error
			h.background(func() {
				if cw, ok := t.conn.(interface{ CloseWrite() error }); ok {
					err = cw.CloseWrite()
				}
			}, func() error {
				if err != nil && !errors.Is(err, net.ErrClosed) {
					_, e := cb(goja.Undefined(), h.netError(err, "shutdown", "", -1))
					return e
				}
				_, e := cb(goja.Undefined(), goja.Null())
				return e
			})
		},
		// close(handle, reset): closed (with RST when reset); no callback
		// of it runs after.
		"close": func(t *tcpHandle, reset bool) {
			t.once.Do(func() {
				close(t.closed)
				if tc, ok := t.conn.(*net.TCPConn); ok && reset {
					_ = tc.SetLinger(0)
				}
				_ = t.conn.Close()
				ref(&t.refd, false)
			})
		},
		"ref": func(t *tcpHandle, on bool) {
			select {
			case <-t.closed:
			default:
				ref(&t.refd, on)
			}
		},
		"setNoDelay": func(t *tcpHandle, on bool) {
			if tc, ok := t.conn.(*net.TCPConn); ok {
				_ = tc.SetNoDelay(on)
			}
		},
		"setKeepAlive": func(t *tcpHandle, on bool, delayMs int) {
			if tc, ok := t.conn.(*net.TCPConn); ok {
				_ = tc.SetKeepAlive(on)
				if on && delayMs > 0 {
					_ = tc.SetKeepAlivePeriod(time.Duration(delayMs) * time.Millisecond)
				}
			}
		},
		// listen(network, host, port, backlog, onConnection): the server
		// handle and its address, or the error thrown; each accepted
		// connection is onConnection(handle, local, remote) on the loop.
		"listen": func(network, host string, port int, onConn goja.Callable) goja.Value {
			addr := host
			if network != "unix" {
				addr = net.JoinHostPort(host, strconv.Itoa(port))
			}
			ln, err := net.Listen(network, addr)
			if err != nil {
				p := port
				if network == "unix" {
					p = -1
				}
				panic(h.netError(err, "listen", host, p))
			}
			s := &serverHandle{ln: ln}
			ref(&s.refd, true)
			go func() {
				for {
					c, err := ln.Accept()
					if err != nil {
						if errors.Is(err, net.ErrClosed) {
							return
						}
						var ne net.Error
						if errors.As(err, &ne) && ne.Timeout() {
							continue
						}
						time.Sleep(10 * time.Millisecond) // EMFILE and the like: as libuv, try again
						continue
					}
					h.post(func() error {
						t := newHandle(c)
						_, e := onConn(goja.Undefined(), vm.ToValue(t), vm.ToValue(addrInfo(c.LocalAddr())), vm.ToValue(addrInfo(c.RemoteAddr())))
						return e
					})
				}
			}()
			return vm.ToValue([]any{s, addrInfo(ln.Addr())})
		},
		"serverClose": func(s *serverHandle) {
			s.once.Do(func() {
				_ = s.ln.Close()
				ref(&s.refd, false)
			})
		},
		"serverRef": func(s *serverHandle, on bool) { ref(&s.refd, on) },
	}
}

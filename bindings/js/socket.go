package dgramjs

import (
	"net/netip"
	"reflect"
	"strconv"
	"sync"

	"github.com/dgramkit/dgramkit/dgram"
	"github.com/dgramkit/dgramkit/internal/backpressure"
	"github.com/dgramkit/dgramkit/internal/corehooks"
	"github.com/dop251/goja"
)

// module is the dgram module of one host.
type module struct {
	h             *host
	vm            *goja.Runtime
	proto         *goja.Object  // dgram.Socket.prototype
	eventEmitter  goja.Callable // events.EventEmitter, to initialise a socket
	isView        goja.Callable // ArrayBuffer.isView
	handle        *goja.Symbol  // the key of a socket's *socket
	errorToString goja.Value    // the toString of coded errors
	sockets       map[*socket]bool
	closes        closeOrder // 'close' events in close() order (closeorder.go)

	// The per-event work of post, done once: the event names' values, and
	// EventEmitter.prototype.emit as a Go function (a socket whose emit is
	// another function gets that one, looked up per event as in Node).
	eventNames map[string]goja.Value
	emitValue  goja.Value
	emitFn     goja.Callable
	onceFn     goja.Callable // EventEmitter.prototype.once
	// The last listener emitBatched called, as a Go function.
	lastListener   *goja.Object
	lastListenerFn goja.Callable
	// The last address ipValue made (it runs on the loop only).
	lastIP      netip.Addr
	lastIPValue goja.Value
}

// eventName is the JavaScript string of an event's name.
func (m *module) eventName(event string) goja.Value {
	v, ok := m.eventNames[event]
	if !ok {
		v = m.vm.ToValue(event)
		m.eventNames[event] = v
	}
	return v
}

// emitOf is obj.emit as a Go function.
func (m *module) emitOf(obj *goja.Object) goja.Callable {
	v := obj.Get("emit")
	if v == m.emitValue {
		return m.emitFn
	}
	fn, ok := goja.AssertFunction(v)
	if !ok {
		panic(m.vm.NewTypeError("socket.emit is not a function"))
	}
	return fn
}

// state is where a socket is as the JavaScript side sees it; it decides
// whether the socket keeps the process alive.
type state int

const (
	unbound state = iota
	binding
	bound
	closing
	closed
)

// socket is one dgram.Socket: the Go socket and its JavaScript object.
type socket struct {
	m   *module
	s   *dgram.Socket
	obj *goja.Object

	state  state
	held   bool // holds a reference on the loop
	unrefd bool // unref() was called: the socket does not hold the loop while bound
	// connecting: connect() returned and its 'connect' was not emitted yet
	// (Node's CONNECTING state: calls that need a connection throw);
	// connected: 'connect' was emitted and disconnect() did not follow
	// (send picks its connected forms).
	connecting, connected bool
	// closeQueued: the script called close(), and its 'close' waits in
	// the module's closeOrder; closeVals: the core's 'close' came, with
	// these arguments, and is emitted in close() order (closeorder.go).
	closeQueued bool
	closeVals   func() []goja.Value
	// gate bounds the 'message' events read and not yet emitted: the
	// reader waits for a slot, so a script that falls behind stops the
	// reading instead of growing the queue; close() closes it.
	gate *backpressure.Gate
	// bmu guards batch, the open run of 'message' events (postBounded),
	// and spare, the list of a batch that was emitted, for the next one.
	bmu   sync.Mutex
	batch *batch
	spare []func() []goja.Value
	// emitNext emits the event of a batch that emitBatch is at (next,
	// with the arguments nextVals builds): made once, so that a batch's
	// events need no function each.
	emitNext func() error
	next     string
	nextVals func() []goja.Value
}

// newModule builds the dgram module's exports for host h.
func newModule(h *host, exports *goja.Object) *module {
	vm := h.vm
	m := &module{h: h, vm: vm, handle: goja.NewSymbol("dgram.socket"), sockets: map[*socket]bool{}, eventNames: map[string]goja.Value{}}
	events := h.require("events").(*goja.Object)
	m.emitValue = events.Get("prototype").ToObject(vm).Get("emit")
	m.emitFn, _ = goja.AssertFunction(m.emitValue)
	m.onceFn, _ = goja.AssertFunction(events.Get("prototype").ToObject(vm).Get("once"))
	m.eventEmitter, _ = goja.AssertFunction(events)
	m.isView = h.isView
	m.errorToString = native(vm, "toString", errorToString(vm))

	m.proto = vm.NewObject()
	m.proto.SetPrototype(events.Get("prototype").ToObject(vm))
	for _, mt := range socketMethods {
		fn := mt.fn
		m.proto.Set(mt.name, func(call goja.FunctionCall) goja.Value { return fn(m, call) })
	}
	// Socket is exported for instanceof; like createSocket, it takes a
	// type or options and an optional 'message' listener. A class that
	// extends it gets an instance of its own (new.target's prototype), as
	// Node's dgram.Socket does.
	var ctor *goja.Object
	ctor = vm.ToValue(func(call goja.ConstructorCall) *goja.Object {
		o := m.jsCreateSocket(goja.FunctionCall{This: goja.Undefined(), Arguments: call.Arguments}).(*goja.Object)
		if call.NewTarget != nil && call.NewTarget != ctor {
			if p, ok := call.NewTarget.Get("prototype").(*goja.Object); ok {
				o.SetPrototype(p)
			}
		}
		return o
	}).(*goja.Object)
	ctor.Set("prototype", m.proto)
	m.proto.DefineDataProperty("constructor", ctor, goja.FLAG_TRUE, goja.FLAG_FALSE, goja.FLAG_FALSE)
	exports.Set("Socket", ctor)
	for _, mt := range moduleFunctions {
		fn := mt.fn
		exports.Set(mt.name, func(call goja.FunctionCall) goja.Value { return fn(m, call) })
	}
	return m
}

// newSocket wraps a socket the Go API created: its JavaScript object, its
// Go listeners, and the listener the call gave.
func (m *module) newSocket(x *args, gs *dgram.Socket, err error) goja.Value {
	if err != nil {
		panic(x.errorValue(err))
	}
	s := &socket{m: m, s: gs, obj: m.vm.CreateObject(m.proto), gate: backpressure.New(backpressure.Slots)}
	s.emitNext = func() error { return s.emitBatched(s.next, s.nextVals) }
	if _, err := m.eventEmitter(s.obj); err != nil {
		panic(err)
	}
	s.obj.DefineDataPropertySymbol(m.handle, m.vm.ToValue(s), goja.FLAG_FALSE, goja.FLAG_FALSE, goja.FLAG_FALSE)
	corehooks.OnClosing(gs, s.gate.Close) // no 'message' listener starts after close()
	m.sockets[s] = true
	m.listen(s)
	for _, l := range x.listeners {
		s.on("on", l.event, l.fn)
	}
	return s.obj
}

// this is the socket a method was called on.
func (m *module) this(v goja.Value, call string) *socket {
	if o, ok := v.(*goja.Object); ok {
		if h := o.GetSymbol(m.handle); h != nil {
			if s, ok := h.Export().(*socket); ok {
				return s
			}
		}
	}
	panic(m.codedError(dgram.KindTypeError, "ERR_INVALID_THIS", `Value of "this" must be of type Socket`))
}

// on calls the socket's EventEmitter method how ("on", "once" or
// "removeListener") with event and fn, looked up on the socket as Node's
// dgram does (this.on(...)): a method that is not a function is Node's
// TypeError. "once" is EventEmitter.prototype.once, which calls this.on,
// as Node's bind callback works while once is overwritten.
func (s *socket) on(how, event string, fn goja.Value) {
	var f goja.Callable
	if how == "once" && s.m.onceFn != nil {
		f = s.m.onceFn
	} else if f, _ = goja.AssertFunction(s.obj.Get(how)); f == nil {
		panic(s.m.vm.NewTypeError("this." + how + " is not a function"))
	}
	if _, err := f(s.obj, s.m.vm.ToValue(event), fn); err != nil {
		panic(err)
	}
}

// called moves the state after a successful call, as the call's
// lifecycle in the spec says (lifecycles): a bind and an implicit bind by
// send or connect make the socket keep the process alive (unless unref'd,
// as in Node), and so does a close until 'close' is emitted.
func (s *socket) called(call string) {
	switch lc := lifecycles[call]; lc {
	case "bind":
		s.state = binding
		s.hold()
	case "binds", "connect":
		if s.state == unbound {
			s.state = binding
			s.hold()
		}
		if lc == "connect" {
			s.connecting = true
		}
	case "disconnect":
		s.connected = false
	case "close":
		s.m.closes.closeCall(s)
		s.state = closing
		s.connecting = false
		s.unrefd = false // a closing handle keeps the loop until 'close'
		s.hold()
	case "ref":
		s.unrefd = false
		if s.state != unbound && s.state != closed {
			s.hold()
		}
	case "unref":
		s.unrefd = true
		if s.state != closing {
			s.release()
		}
	}
}

func (s *socket) hold() {
	if !s.held && !s.unrefd {
		s.held = true
		s.m.h.ref()
	}
}

func (s *socket) release() {
	if s.held {
		s.held = false
		s.m.h.unref()
	}
}

// post emits event on the loop, with the arguments vals builds there; the
// core calls it from its goroutines, one event at a time and in order,
// and the loop keeps that order.
func (s *socket) post(event string, vals func() []goja.Value) {
	s.endBatch()
	if event == "close" {
		s.m.h.post(func() error { return s.m.closes.arrived(s, vals) })
		return
	}
	s.m.h.post(func() error { return s.emit(event, vals) })
}

// emit runs on the loop: it moves the state, then emits event.
func (s *socket) emit(event string, vals func() []goja.Value) error {
	switch event {
	case "listening":
		if s.state >= closing {
			// close() came before the loop got here: as in Node, a socket
			// closed in the tick of its bind emits no 'listening'.
			return nil
		}
		if s.state == binding {
			s.state = bound
		}
		s.hold()
	case "connect":
		s.connecting, s.connected = false, true
	case "close":
		s.state = closed
		delete(s.m.sockets, s)
		defer s.release()
	}
	args := append(make([]goja.Value, 0, 3), s.m.eventName(event))
	_, err := s.m.emitOf(s.obj)(s.obj, append(args, vals()...)...)
	return err
}

// batch is a run of 'message' events that arrived with no other event of
// the socket between them: one loop job emits them all, as Node emits the
// datagrams of one read of the socket, with the nextTick queue run after
// each, and holds the socket's sends meanwhile, so that the replies they
// send go out together (dgram.Socket.HoldSends).
type batch struct {
	event string
	vals  []func() []goja.Value
	taken bool // the loop job has started: later messages start a new batch
}

// postBounded is post for an event the spec marks bounded ('message'): it
// joins the open batch, or opens one and posts its job (consecutive
// events share one loop job, see batch). It runs on the socket's reader,
// which waits here while the script has backpressure.Slots events
// waiting; after close() the event is dropped.
func (s *socket) postBounded(event string, vals func() []goja.Value) {
	if !s.gate.Acquire() {
		return
	}
	s.bmu.Lock()
	b := s.batch
	open := b == nil || b.taken || b.event != event
	if open {
		b = &batch{event: event, vals: s.spare}
		s.spare = nil
		s.batch = b
	}
	b.vals = append(b.vals, vals)
	s.bmu.Unlock()
	if open {
		s.m.h.post(func() error { return s.emitBatch(b) })
	}
}

// endBatch closes the open batch: the events that follow come after it.
func (s *socket) endBatch() {
	s.bmu.Lock()
	s.batch = nil
	s.bmu.Unlock()
}

// emitBatch is a batch's loop job. A message that comes after the
// script's close() is dropped: no 'message' listener starts after close
// returned.
func (s *socket) emitBatch(b *batch) error {
	s.bmu.Lock()
	b.taken = true
	vals := b.vals
	s.bmu.Unlock()
	corehooks.HoldSends(s.s)
	defer corehooks.ReleaseSends(s.s)
	for _, v := range vals {
		if s.state < closing {
			s.next, s.nextVals = b.event, v
			s.m.h.invoke(s.emitNext)
		}
		s.gate.Release()
	}
	s.nextVals = nil
	clear(vals)
	s.bmu.Lock()
	s.spare = vals[:0]
	s.bmu.Unlock()
	return nil
}

// emitBatched emits one event of a batch. When the socket's emit is
// EventEmitter's and its listeners are where that emit keeps them (an
// array in this._events[event]), it does what that emit does without
// entering it: each listener is called with the socket as this and the
// event's arguments, over the list as it was when the emit began (the
// list is replaced, never changed, when listeners are added or removed).
// That saves the emit's frame, its arguments object and the
// Function.prototype.call of each listener, a third of the host's time
// per datagram. An event with no listener builds no arguments. Otherwise
// it is emit.
func (s *socket) emitBatched(event string, vals func() []goja.Value) error {
	m := s.m
	if event == "error" || s.obj.Get("emit") != m.emitValue {
		return s.emit(event, vals)
	}
	evs, ok := s.obj.Get("_events").(*goja.Object)
	if !ok {
		return s.emit(event, vals)
	}
	lv := evs.Get(event)
	if lv == nil || goja.IsUndefined(lv) {
		return nil
	}
	list, ok := lv.(*goja.Object)
	if !ok || list.ClassName() != "Array" {
		return s.emit(event, vals)
	}
	n := int(list.Get("length").ToInteger())
	if n == 1 {
		// The common case, looked up without a string index.
		f, ok := m.listenerFn(list.Get("0"))
		if !ok {
			return s.emit(event, vals)
		}
		_, err := f(s.obj, vals()...)
		return err
	}
	args := vals()
	for i := 0; i < n; i++ {
		f, ok := m.listenerFn(list.Get(strconv.Itoa(i)))
		if !ok {
			if i == 0 {
				return s.emit(event, func() []goja.Value { return args })
			}
			panic(m.vm.NewTypeError("listener of '%s' is not a function", event))
		}
		if _, err := f(s.obj, args...); err != nil {
			return err
		}
	}
	return nil
}

// listenerFn is v as a Go function, when it is a function; the last one
// is kept, as a socket mostly has the same listener from one event to the
// next.
func (m *module) listenerFn(v goja.Value) (goja.Callable, bool) {
	o, ok := v.(*goja.Object)
	if !ok {
		return nil, false
	}
	if o == m.lastListener {
		return m.lastListenerFn, true
	}
	f, ok := goja.AssertFunction(o)
	if ok {
		m.lastListener, m.lastListenerFn = o, f
	}
	return f, ok
}

// callback calls fn on the loop with the arguments vals builds there.
func (s *socket) callback(fn goja.Value, vals func() []goja.Value) {
	f, _ := goja.AssertFunction(fn)
	s.endBatch()
	s.m.h.post(func() error {
		_, err := f(s.obj, vals()...)
		return err
	})
}

// buffer is a Buffer over b (the core gives each datagram its own copy),
// whatever the script did to the global Buffer.
func (m *module) buffer(b []byte) goja.Value { return m.h.bufAPI.WrapBytes(b) }

// ipValue is an address as Node gives it: a string. The last one is kept:
// a server mostly hears from the same few peers.
func (m *module) ipValue(a netip.Addr) goja.Value {
	if !a.IsValid() {
		return goja.Undefined()
	}
	if a != m.lastIP || m.lastIPValue == nil {
		m.lastIP, m.lastIPValue = a, m.vm.ToValue(a.String())
	}
	return m.lastIPValue
}

// bytesType is what a Uint8Array (a Buffer) exports as.
var bytesType = reflect.TypeOf([]byte(nil))

// viewBytes is the bytes of a Buffer, TypedArray or DataView.
func (m *module) viewBytes(v goja.Value) ([]byte, bool) {
	o, ok := v.(*goja.Object)
	if !ok {
		return nil, false
	}
	// A Buffer or Uint8Array exports as the bytes it views, without a copy
	// (and without the three property reads and the isView call below, a
	// tenth of an echo server's time). No other value a script can make
	// exports as []byte.
	if o.ExportType() == bytesType {
		if b, ok := o.Export().([]byte); ok {
			return b, true
		}
	}
	if r, err := m.isView(goja.Undefined(), o); err != nil || !r.ToBoolean() {
		return nil, false
	}
	// The view's own bounds, as Node's send of a view uses them: never its
	// buffer, byteOffset and byteLength properties, which a script may
	// redefine.
	var b []byte
	if err := m.vm.ExportTo(o, &b); err != nil {
		return nil, false
	}
	return b, true
}

// closeAll closes the sockets a script left open, when the host ends.
func (m *module) closeAll() {
	for s := range m.sockets {
		s.s.Close(nil)
	}
}

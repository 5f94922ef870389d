package dgramjs

import (
	"container/heap"
	"time"

	"github.com/dop251/goja"
)

// Timers run on the event loop in the order Node runs them: by due time,
// then by the order they were set. One Go timer wakes the loop for the
// earliest; each active timer (unless unref'd) and each pending immediate
// keeps the loop running.

// timer is a timeout, an interval or an immediate.
type timer struct {
	fn       goja.Callable
	args     []goja.Value
	when     time.Time
	interval time.Duration // 0 for a timeout
	seq      uint64
	index    int // in the heap; -1 when not in it
	active   bool
	refed    bool
	obj      *goja.Object
}

// timerHeap orders timers by due time, then by seq.
type timerHeap []*timer

func (t timerHeap) Len() int { return len(t) }
func (t timerHeap) Less(i, j int) bool {
	if !t[i].when.Equal(t[j].when) {
		return t[i].when.Before(t[j].when)
	}
	return t[i].seq < t[j].seq
}
func (t timerHeap) Swap(i, j int) { t[i], t[j] = t[j], t[i]; t[i].index = i; t[j].index = j }
func (t *timerHeap) Push(x any)   { tm := x.(*timer); tm.index = len(*t); *t = append(*t, tm) }
func (t *timerHeap) Pop() any {
	old := *t
	tm := old[len(old)-1]
	old[len(old)-1] = nil
	*t = old[:len(old)-1]
	tm.index = -1
	return tm
}

// timerGlobals sets setTimeout, setInterval, setImmediate and their clear
// functions.
func (h *host) timerGlobals() {
	vm := h.vm
	vm.Set("setTimeout", func(call goja.FunctionCall) goja.Value { return h.setTimer(call, false) })
	vm.Set("setInterval", func(call goja.FunctionCall) goja.Value { return h.setTimer(call, true) })
	vm.Set("setImmediate", h.setImmediate)
	clear := func(call goja.FunctionCall) goja.Value {
		if o, ok := call.Argument(0).(*goja.Object); ok {
			if t := h.timers[o]; t != nil {
				h.cancel(t)
			}
		}
		return goja.Undefined()
	}
	vm.Set("clearTimeout", clear)
	vm.Set("clearInterval", clear)
	vm.Set("clearImmediate", clear)
}

// callback is the function argument of a timer call.
func (h *host) callback(v goja.Value) goja.Callable {
	fn, ok := goja.AssertFunction(v)
	if !ok {
		panic(h.dgramless().codedError("TypeError", "ERR_INVALID_ARG_TYPE", `The "callback" argument must be of type function. Received `+describe(v)))
	}
	return fn
}

// handle is the object a timer call returns: clear* take it, and ref,
// unref, hasRef and refresh work as in Node.
func (h *host) handle(t *timer) *goja.Object {
	o := h.vm.NewObject()
	o.Set("ref", native(h.vm, "ref", func(goja.FunctionCall) goja.Value { h.setRef(t, true); return o }))
	o.Set("unref", native(h.vm, "unref", func(goja.FunctionCall) goja.Value { h.setRef(t, false); return o }))
	o.Set("hasRef", native(h.vm, "hasRef", func(goja.FunctionCall) goja.Value { return h.vm.ToValue(t.refed) }))
	o.Set("refresh", native(h.vm, "refresh", func(goja.FunctionCall) goja.Value {
		if t.active && t.index >= 0 {
			t.when = time.Now().Add(max(t.interval, time.Millisecond))
			heap.Fix(&h.due, t.index)
			h.arm()
		}
		return o
	}))
	t.obj = o
	h.timers[o] = t
	return o
}

func (h *host) setRef(t *timer, on bool) {
	if !t.active || t.refed == on {
		return
	}
	t.refed = on
	if on {
		h.ref()
	} else {
		h.unref()
	}
}

// setTimer is setTimeout and setInterval: a delay below 1 ms (or not a
// number) is 1 ms, as in Node.
func (h *host) setTimer(call goja.FunctionCall, repeat bool) goja.Value {
	fn := h.callback(call.Argument(0))
	ms := call.Argument(1).ToFloat()
	if !(ms >= 1) || ms > 2147483647 {
		ms = 1
	}
	d := time.Duration(ms * float64(time.Millisecond))
	h.seq++
	t := &timer{fn: fn, when: time.Now().Add(d), seq: h.seq, active: true, refed: true}
	if len(call.Arguments) > 2 {
		t.args = append(t.args, call.Arguments[2:]...)
	}
	if repeat {
		t.interval = d
	}
	h.ref()
	heap.Push(&h.due, t)
	h.arm()
	return h.handle(t)
}

// setImmediate runs fn after the current callback and the events already
// queued, before timers due later.
func (h *host) setImmediate(call goja.FunctionCall) goja.Value {
	fn := h.callback(call.Argument(0))
	t := &timer{fn: fn, active: true, refed: true, index: -1}
	if len(call.Arguments) > 1 {
		t.args = append(t.args, call.Arguments[1:]...)
	}
	h.ref()
	if len(h.immediates) == 0 {
		h.post(h.runImmediates)
	}
	h.immediates = append(h.immediates, t)
	return h.handle(t)
}

// runImmediates runs the immediates queued so far.
func (h *host) runImmediates() error {
	queue := h.immediates
	h.immediates = nil
	for _, t := range queue {
		if !t.active {
			continue
		}
		h.finish(t)
		h.invoke(func() error {
			_, err := t.fn(goja.Undefined(), t.args...)
			return err
		})
	}
	return nil
}

// cancel stops a timer or immediate.
func (h *host) cancel(t *timer) {
	if !t.active {
		return
	}
	if t.index >= 0 {
		heap.Remove(&h.due, t.index)
		h.arm()
	}
	h.finish(t)
}

// finish marks t inactive and lets go of its reference.
func (h *host) finish(t *timer) {
	t.active = false
	if t.refed {
		t.refed = false
		h.unref()
	}
	delete(h.timers, t.obj)
}

// arm sets the Go timer for the earliest due timer.
func (h *host) arm() {
	if h.wake != nil {
		h.wake.Stop()
		h.wake = nil
	}
	if len(h.due) == 0 {
		return
	}
	h.wake = time.AfterFunc(time.Until(h.due[0].when), func() {
		h.post(h.runTimers)
	})
}

// runTimers runs the timers that are due, in order; an interval is set
// again before it runs.
func (h *host) runTimers() error {
	now := time.Now()
	for len(h.due) > 0 && !h.done && !h.due[0].when.After(now) {
		t := heap.Pop(&h.due).(*timer)
		if t.interval > 0 {
			h.seq++
			t.when, t.seq = now.Add(t.interval), h.seq
			heap.Push(&h.due, t)
		}
		h.invoke(func() error {
			_, err := t.fn(goja.Undefined(), t.args...)
			return err
		})
		if t.interval == 0 && t.active {
			h.finish(t)
		}
	}
	h.arm()
	return nil
}

package dgramjs

import (
	"slices"

	"github.com/dop251/goja"
)

// record is a result object of the spec ('message”s rinfo, address()'s
// result) as a JavaScript object: a plain object (Object.prototype, its
// fields own, enumerable, writable and configurable properties, in the
// spec's order, then the ones the script adds) made without goja's
// property map, which costs a map and a property per field: a fifth of a
// receiving script's time when every datagram made one. It is a goja
// dynamic object, so a field cannot be made read-only and the object
// cannot be frozen or sealed (a TypeError; docs/JS.md).
type record struct {
	keys  []string // the spec's field names, shared by every record of the type
	vals  [maxRecordFields]goja.Value
	gone  uint8                 // bit i: field i was deleted
	extra map[string]goja.Value // what the script added
	order []string              // the added keys, in order
}

// maxRecordFields is the most fields a result object of the spec has
// (the generator checks it).
const maxRecordFields = 6

// newRecord is a JavaScript object with the fields keys holding vals.
func (m *module) newRecord(keys []string, vals ...goja.Value) *goja.Object {
	r := &record{keys: keys}
	copy(r.vals[:], vals)
	return m.vm.NewDynamicObject(r)
}

func (r *record) field(key string) int {
	for i, k := range r.keys {
		if k == key {
			return i
		}
	}
	return -1
}

// Get implements goja.DynamicObject.
func (r *record) Get(key string) goja.Value {
	if i := r.field(key); i >= 0 && r.gone&(1<<i) == 0 {
		return r.vals[i]
	}
	return r.extra[key]
}

// Set implements goja.DynamicObject.
func (r *record) Set(key string, val goja.Value) bool {
	if i := r.field(key); i >= 0 && r.gone&(1<<i) == 0 {
		r.vals[i] = val
		return true
	}
	if r.extra == nil {
		r.extra = map[string]goja.Value{}
	}
	if _, ok := r.extra[key]; !ok {
		r.order = append(r.order, key)
	}
	r.extra[key] = val
	return true
}

// Has implements goja.DynamicObject.
func (r *record) Has(key string) bool { return r.Get(key) != nil }

// Delete implements goja.DynamicObject.
func (r *record) Delete(key string) bool {
	if i := r.field(key); i >= 0 && r.gone&(1<<i) == 0 {
		r.gone |= 1 << i
		r.vals[i] = nil
		return true
	}
	if _, ok := r.extra[key]; ok {
		delete(r.extra, key)
		r.order = slices.DeleteFunc(r.order, func(k string) bool { return k == key })
	}
	return true
}

// Keys implements goja.DynamicObject.
func (r *record) Keys() []string {
	keys := make([]string, 0, len(r.keys)+len(r.order))
	for i, k := range r.keys {
		if r.gone&(1<<i) == 0 {
			keys = append(keys, k)
		}
	}
	return append(keys, r.order...)
}

// valueCache holds JavaScript values made from Go values the host gives
// over and over (a peer's port, a datagram's size, an address family),
// so that each is made once rather than per event: a small direct-mapped
// cache, its slot chosen by the value.
type valueCache struct {
	ints [64]struct {
		n int
		v goja.Value
	}
	strs [8]struct {
		s string
		v goja.Value
	}
}

// intValue is n as a JavaScript number.
func (m *module) intValue(n int) goja.Value {
	e := &m.values.ints[n&63]
	if e.v == nil || e.n != n {
		e.n, e.v = n, m.vm.ToValue(n)
	}
	return e.v
}

// stringValue is s as a JavaScript string.
func (m *module) stringValue(s string) goja.Value {
	i := len(s)
	if i > 0 {
		i += int(s[i-1])
	}
	e := &m.values.strs[i&7]
	if e.v == nil || e.s != s {
		e.s, e.v = s, m.vm.ToValue(s)
	}
	return e.v
}

package gen

import (
	"fmt"

	"github.com/dgramkit/dgramkit/spec"
)

// pyDispatch is how the Python binding picks a call's form among its
// forms: the same choice the JavaScript dispatch makes (callDispatch,
// connectedDispatch), from the same model, as data that dgramkit's one
// generic dispatcher reads (DISPATCH in _ffi_gen.py).
type pyDispatch struct {
	Call, Method, Doc string
	Module            bool // a call of the module (createSocket), not a socket method
	// Forms are the C names of the forms a socket that is not connected
	// picks among, in the order of the test: Forms[0] when Test holds.
	Forms []string
	// Test is "" (one form), "options" (a mapping first: the options
	// form) or "bounds" (Node's "if address is truthy, or port is truthy
	// and not a function": truthy at At+1, or at At and not a function).
	Test string
	At   int
	// Connected are the connected forms, the one with bounds first; a
	// number at ConnectedAt picks it. Dest are the places of the longest
	// form's destination arguments, refused when truthy on a connected
	// socket (the first but for a function, in the bounds form's case);
	// Fallback is (the bounds form's callback place, the longest form's),
	// or (-1, -1).
	Connected   []string
	ConnectedAt int
	Dest        []int
	Fallback    [2]int
	Signatures  []string
}

// pyDispatchOf is the dispatch of call c.
func pyDispatchOf(s *spec.Spec, c *mCall) (pyDispatch, error) {
	d := pyDispatch{Call: c.Name, Method: snake(c.Name), Module: c.Module, ConnectedAt: -1, Fallback: [2]int{-1, -1}}
	var forms, connected []*mForm
	for _, f := range c.MForms {
		d.Signatures = append(d.Signatures, f.Signature)
		if f.Connected {
			connected = append(connected, f)
		} else {
			forms = append(forms, f)
		}
	}
	objectForm := func(f *mForm) bool { return len(f.Args) > 0 && f.Args[0].Type == spec.TypeObject }
	switch {
	case len(forms) == 1:
		d.Forms = []string{forms[0].C}
	case len(forms) != 2:
		return d, fmt.Errorf("%s:%d: call %s: the Python binding picks between two forms at most", s.File, c.Line, c.Name)
	case objectForm(forms[0]) != objectForm(forms[1]):
		first, other := forms[0], forms[1]
		if !objectForm(first) {
			first, other = other, first
		}
		d.Forms, d.Test = []string{first.C, other.C}, "options"
	case (boundsEnd(forms[0].Form) < 0) != (boundsEnd(forms[1].Form) < 0):
		first, other := forms[0], forms[1]
		if boundsEnd(first.Form) < 0 {
			first, other = other, first
		}
		d.Forms, d.Test, d.At = []string{first.C, other.C}, "bounds", boundsEnd(first.Form)
		if d.At >= len(first.Args) {
			return d, fmt.Errorf("%s:%d: %s: no argument after the bounds pair to tell the forms apart", s.File, first.Line, first.Signature)
		}
	default:
		return d, fmt.Errorf("%s:%d: call %s: the Python binding cannot tell its forms apart (want an options form, or a form with bounds)", s.File, c.Line, c.Name)
	}
	if len(connected) == 0 {
		return d, nil
	}
	var full *mForm
	for _, f := range forms {
		if full == nil || len(f.Args) > len(full.Args) {
			full = f
		}
	}
	if len(connected) > 2 {
		return d, fmt.Errorf("%s:%d: call %s: the Python binding picks between two connected forms at most", s.File, c.Line, c.Name)
	}
	has := map[string]bool{}
	for _, f := range connected {
		for _, a := range f.Args {
			has[a.Name] = true
		}
	}
	for i, a := range full.Args {
		if !has[a.Name] && a.Type != spec.TypeFunction {
			d.Dest = append(d.Dest, i)
		}
	}
	if len(connected) == 2 {
		first, other := connected[0], connected[1]
		if (boundsEnd(first.Form) < 0) == (boundsEnd(other.Form) < 0) {
			return d, fmt.Errorf("%s:%d: call %s: the Python binding tells two connected forms apart by bounds", s.File, c.Line, c.Name)
		}
		if boundsEnd(first.Form) < 0 {
			first, other = other, first
		}
		d.Connected, d.ConnectedAt = []string{first.C, other.C}, boundsEnd(first.Form)-1
		if fi, ffi := functionIndex(first.Form), functionIndex(full.Form); len(d.Dest) > 0 && fi >= 0 && ffi >= 0 && d.Dest[0] == fi {
			d.Fallback = [2]int{fi, ffi}
		}
	} else {
		d.Connected = []string{connected[0].C}
	}
	return d, nil
}

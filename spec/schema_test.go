package spec

import "testing"

// TestSchemaDocumentsEveryKey: every key the loader accepts has a doc
// comment (docs/SPEC.md is written from them), and the loader records an
// example of each from the real spec.
func TestSchemaDocumentsEveryKey(t *testing.T) {
	types, err := Schema()
	if err != nil {
		t.Fatal(err)
	}
	s, err := Load("dgram.yaml")
	if err != nil {
		t.Fatal(err)
	}
	keys := 0
	for _, st := range types {
		for _, k := range st.Keys {
			keys++
			if s.Examples[st.Name+"."+k.Key] == "" {
				t.Logf("%s.%s: no example in dgram.yaml", st.Name, k.Key)
			}
		}
	}
	for _, want := range []string{"call.since", "call.number", "call.lifecycle", "call.js_returns", "platform.number", "event.since", "spec.versionNodesFrom"} {
		if s.Examples[want] == "" {
			t.Errorf("%s: not in the schema's examples", want)
		}
	}
	t.Logf("%d mappings, %d keys", len(types), keys)
}

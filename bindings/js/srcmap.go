package dgramjs

import (
	"encoding/json"
	"strings"

	"github.com/go-sourcemap/sourcemap"
)

// composeMaps chains two source maps: outer maps a second transform's
// output to its input, whose first skip lines are not the first
// transform's output; inner maps the first transform's output to the
// original file, name. The result maps the second output to the original,
// or is nil when a map cannot be read.
func composeMaps(outer []byte, skip int, inner []byte, name string) []byte {
	var om struct {
		Mappings string `json:"mappings"`
	}
	if json.Unmarshal(outer, &om) != nil {
		return nil
	}
	im, err := sourcemap.Parse("", inner)
	if err != nil {
		return nil
	}
	var b strings.Builder
	srcLine, srcCol := 0, 0 // the original position of the previous mapping
	srcIdx := 0
	var state [5]int // outer's decoder: genCol, source, line, column, name
	for li, line := range strings.Split(om.Mappings, ";") {
		if li > 0 {
			b.WriteByte(';')
		}
		state[0] = 0
		genCol, first := 0, true
		for seg := range strings.SplitSeq(line, ",") {
			fields := decodeVLQs(seg)
			if len(fields) == 0 {
				continue
			}
			for i, f := range fields {
				state[i] += f
			}
			if len(fields) < 4 {
				continue
			}
			l1 := state[2] - skip
			if l1 < 0 {
				continue
			}
			_, _, line1, col1, ok := im.Source(l1+1, state[3])
			if !ok {
				continue
			}
			if !first {
				b.WriteByte(',')
			}
			first = false
			writeVLQ(&b, state[0]-genCol)
			genCol = state[0]
			writeVLQ(&b, 0-srcIdx)
			srcIdx = 0
			writeVLQ(&b, line1-1-srcLine)
			writeVLQ(&b, col1-srcCol)
			srcLine, srcCol = line1-1, col1
		}
	}
	out, _ := json.Marshal(map[string]any{"version": 3, "sources": []string{name}, "names": []string{}, "mappings": b.String()})
	return out
}

// decodeVLQs decodes a source map segment's base64 VLQ numbers.
func decodeVLQs(s string) []int {
	const digits = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"
	var out []int
	v, shift := 0, 0
	for i := 0; i < len(s); i++ {
		d := strings.IndexByte(digits, s[i])
		if d < 0 {
			return nil
		}
		v |= (d & 31) << shift
		if d&32 != 0 {
			shift += 5
			continue
		}
		n := v >> 1
		if v&1 != 0 {
			n = -n
		}
		out = append(out, n)
		v, shift = 0, 0
	}
	return out
}

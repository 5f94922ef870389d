package dgram

// messageTypes is how ERR_INVALID_ARG_TYPE names what a message may be.
const messageTypes = "string, []byte, or a list of them"

// toMessage turns a message argument into the bytes of one datagram: a
// []byte is used as it is, a string as its UTF-8 bytes, and a list
// ([]string, [][]byte, or []any of those) is concatenated. Anything else,
// nil included, is ERR_INVALID_ARG_TYPE.
func toMessage(code Code, call, arg string, msg any) ([]byte, error) {
	switch m := msg.(type) {
	case []byte:
		if m == nil {
			return []byte{}, nil
		}
		return m, nil
	case string:
		return []byte(m), nil
	case [][]byte:
		return concat(m), nil
	case []string:
		return concat(m), nil
	case []any:
		out := []byte{}
		for _, item := range m {
			switch p := item.(type) {
			case []byte:
				out = append(out, p...)
			case string:
				out = append(out, p...)
			default:
				// Node names the whole list, not the bad element.
				return nil, typeError(code, "buffer list arguments", messageTypes, msg)
			}
		}
		return out, nil
	}
	return nil, typeError(code, arg, messageTypes, msg)
}

// concat joins the pieces of a list message into one datagram.
func concat[T string | []byte](pieces []T) []byte {
	n := 0
	for _, p := range pieces {
		n += len(p)
	}
	out := make([]byte, 0, n)
	for _, p := range pieces {
		out = append(out, p...)
	}
	return out
}

package dgramjs

import (
	"crypto/hkdf"
	"crypto/hmac"
	"crypto/md5"
	"crypto/pbkdf2"
	"crypto/rand"
	"crypto/sha1"
	"crypto/sha256"
	"crypto/sha3"
	"crypto/sha512"
	"crypto/subtle"
	"hash"
	"sort"
	"strings"

	"github.com/dop251/goja"
)

// crypto (lib/node/crypto.js) on Go's crypto packages: random bytes from
// crypto/rand, hashes and HMACs of crypto/md5, sha1, sha256, sha512 and
// sha3, pbkdf2 and hkdf, and a constant-time comparison.
func init() {
	jsModules["crypto"] = "crypto.js"
	bindings["crypto"] = (*host).cryptoBinding
}

// hashes are the digests createHash and createHmac know, by Node's
// (OpenSSL's) lower-case name.
var hashes = map[string]func() hash.Hash{
	"md5":        md5.New,
	"sha1":       sha1.New,
	"sha224":     sha256.New224,
	"sha256":     sha256.New,
	"sha384":     sha512.New384,
	"sha512":     sha512.New,
	"sha512-224": sha512.New512_224,
	"sha512-256": sha512.New512_256,
	"sha3-224":   func() hash.Hash { return sha3.New224() },
	"sha3-256":   func() hash.Hash { return sha3.New256() },
	"sha3-384":   func() hash.Hash { return sha3.New384() },
	"sha3-512":   func() hash.Hash { return sha3.New512() },
}

// hashFunc is the digest algorithm name names (any case, OpenSSL's
// RSA-SHA256 style aliases too), or nil.
func hashFunc(name string) func() hash.Hash {
	n := strings.ToLower(name)
	n = strings.TrimPrefix(n, "rsa-")
	n = strings.Replace(n, "sha512/", "sha512-", 1)
	if f, ok := hashes[n]; ok {
		return f
	}
	if n == "sha1-2" {
		return sha1.New
	}
	return nil
}

// hashNames is crypto.getHashes(): the names createHash accepts, sorted.
func hashNames() []string {
	var names []string
	for n := range hashes {
		names = append(names, n, "RSA-"+strings.ToUpper(strings.Replace(n, "sha512-", "sha512/", 1)))
	}
	sort.Strings(names)
	return names
}

// digest is a running hash or HMAC, as lib/node/crypto.js's Hash and Hmac
// hold it.
type digest struct {
	h   hash.Hash
	new func() hash.Hash
	key []byte // the HMAC's key, nil for a hash
}

func (h *host) cryptoBinding() map[string]any {
	return map[string]any{
		// randomFill fills the bytes of view (a Buffer over the memory).
		"randomFill": func(v goja.Value) {
			b := h.bufferBytes(v, "buf")
			_, _ = rand.Read(b)
		},
		// hash and hmac make a digest, or null for an unknown algorithm.
		"hash": func(alg string) any {
			f := hashFunc(alg)
			if f == nil {
				return nil
			}
			return &digest{h: f(), new: f}
		},
		"hmac": func(alg string, key goja.Value) any {
			f := hashFunc(alg)
			if f == nil {
				return nil
			}
			k := append([]byte(nil), h.bufferBytes(key, "key")...)
			return &digest{h: hmac.New(f, k), new: f, key: k}
		},
		"update": func(d *digest, data goja.Value) { d.h.Write(h.bufferBytes(data, "data")) },
		"digest": func(d *digest) goja.Value { return h.bufAPI.WrapBytes(d.h.Sum(nil)) },
		// copy is a hash's copy, its state included (Hash#copy).
		"copy": func(d *digest) any {
			m, ok := d.h.(interface {
				MarshalBinary() ([]byte, error)
			})
			if !ok {
				return nil
			}
			state, err := m.MarshalBinary()
			if err != nil {
				return nil
			}
			n := d.new()
			if u, ok := n.(interface{ UnmarshalBinary([]byte) error }); !ok || u.UnmarshalBinary(state) != nil {
				return nil
			}
			return &digest{h: n, new: d.new}
		},
		"hashes":    hashNames,
		"supported": func(alg string) bool { return hashFunc(alg) != nil },
		"pbkdf2": func(pass, salt goja.Value, iter, keylen int, alg string) goja.Value {
			out, err := pbkdf2.Key(hashFunc(alg), string(h.bufferBytes(pass, "password")), h.bufferBytes(salt, "salt"), iter, keylen)
			if err != nil {
				panic(h.vm.NewGoError(err))
			}
			return h.bufAPI.WrapBytes(out)
		},
		"hkdf": func(alg string, ikm, salt, info goja.Value, keylen int) goja.Value {
			out, err := hkdf.Key(hashFunc(alg), h.bufferBytes(ikm, "ikm"), h.bufferBytes(salt, "salt"), string(h.bufferBytes(info, "info")), keylen)
			if err != nil {
				panic(h.vm.NewGoError(err))
			}
			return h.bufAPI.WrapBytes(out)
		},
		"timingSafeEqual": func(a, b goja.Value) bool {
			return subtle.ConstantTimeCompare(h.bufferBytes(a, "buf1"), h.bufferBytes(b, "buf2")) == 1
		},
	}
}

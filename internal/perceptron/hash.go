package perceptron

// Hash is an FNV-1a style 64-bit feature hash built incrementally without allocation:
//
//	h := perceptron.NewHash(templateID).Str(word).Byte('|').Str(next)
type Hash uint64

const (
	fnvOffset = 14695981039346656037
	fnvPrime  = 1099511628211
)

// NewHash starts a hash for the feature template id.
func NewHash(template byte) Hash { return (Hash(fnvOffset) ^ Hash(template)) * fnvPrime }

// Byte mixes one byte.
func (h Hash) Byte(b byte) Hash { return (h ^ Hash(b)) * fnvPrime }

// Str mixes the bytes of s followed by a separator, so ("ab","c") and ("a","bc") differ.
func (h Hash) Str(s string) Hash {
	for i := 0; i < len(s); i++ {
		h = (h ^ Hash(s[i])) * fnvPrime
	}
	return (h ^ 0xff) * fnvPrime
}

// Int mixes a small integer.
func (h Hash) Int(v int) Hash {
	for i := 0; i < 4; i++ {
		h = (h ^ Hash(byte(v>>(8*i)))) * fnvPrime
	}
	return h
}

// Row returns the table row of the hash for a table of 1<<bits rows.
func (h Hash) Row(bits uint) uint32 {
	x := uint64(h)
	x ^= x >> 29
	x *= 0xbf58476d1ce4e5b9
	x ^= x >> 32
	return uint32(x & (1<<bits - 1))
}

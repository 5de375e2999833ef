package perceptron

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math"
)

// Model is a trained sequence model: per-label weights for each hashed feature row, label-to-label
// transition weights, and the transitions that are forbidden outright (for example O → I-PER in BIO).
type Model struct {
	Labels []string
	// Bits is log2 of the number of feature rows.
	Bits uint
	// W holds int16 weights, row-major: W[row*L+label].
	W []int16
	// Trans[prev*L+cur] is the transition weight; prev == L is the sentence start. Forbidden transitions hold
	// forbidden. End[cur] is the weight of ending on cur.
	Trans []int32
	End   []int32
	// Scale is the size of one weight unit (weights are W*Scale as floats).
	Scale float32
}

// forbidden is a transition weight that no path can pay back.
const forbidden = math.MinInt32 / 4

// NumLabels returns the number of labels.
func (m *Model) NumLabels() int { return len(m.Labels) }

// Label returns the index of a label, or -1.
func (m *Model) Label(s string) int {
	for i, l := range m.Labels {
		if l == s {
			return i
		}
	}
	return -1
}

// touch reads the first weight of every row before the rows are summed. The table is far larger than the
// caches, so nearly every row is a cache miss; this loop is short enough that the processor keeps many misses
// in flight at once, where the summing loop, with its longer body, keeps only a few (a software prefetch).
// The caller keeps the returned sum (in its Decoder) so that the loads are not optimised away.
func (m *Model) touch(rows []uint32) int16 {
	L := len(m.Labels)
	var s int16
	for _, r := range rows {
		s += m.W[int(r)*L]
	}
	return s
}

// Decoder holds the scratch of one decoding goroutine.
type Decoder struct {
	m     *Model
	prevs [][]int32 // for each label, the labels that may precede it
	score []int32   // T*L emission scores
	delta []int32
	back  []int32
	// Beam, when between 1 and the number of labels, keeps only the Beam labels of highest emission score
	// at each token (pruned Viterbi: Beam² instead of L² steps per token, for large label sets such as POS).
	Beam int
	cand []int32
	sink int16 // see touch
}

// NewDecoder returns a decoder for m. A Decoder is not safe for concurrent use; a Model is.
func (m *Model) NewDecoder() *Decoder {
	L := len(m.Labels)
	d := &Decoder{m: m, prevs: make([][]int32, L)}
	for j := 0; j < L; j++ {
		for k := 0; k < L; k++ {
			if m.Trans[k*L+j] > forbidden {
				d.prevs[j] = append(d.prevs[j], int32(k))
			}
		}
	}
	return d
}

// Emissions fills scores (length L) with the summed weights of the feature rows.
func (m *Model) Emissions(rows []uint32, scores []int32) {
	clear(scores[:len(m.Labels)])
	m.AddEmissions(rows, scores)
}

// Decode returns, in out (length len(feats)), the best label sequence for the tokens whose feature rows are
// feats[i]. It takes time linear in the sequence length.
func (d *Decoder) Decode(feats [][]uint32, out []int) {
	m := d.m
	T, L := len(feats), len(m.Labels)
	if T == 0 {
		return
	}
	d.score = grow(d.score, T*L)
	for _, f := range feats {
		d.sink += m.touch(f)
	}
	for i, f := range feats {
		m.Emissions(f, d.score[i*L:(i+1)*L])
	}
	d.Viterbi(d.score[:T*L], T, out)
}

// Decode2 is Decode for tokens whose feature rows come in two lists, a[i] and b[i] (for a second stage that
// adds features to a first stage's).
func (d *Decoder) Decode2(a, b [][]uint32, out []int) {
	m := d.m
	T, L := len(a), len(m.Labels)
	if T == 0 {
		return
	}
	d.score = grow(d.score, T*L)
	for i := range a {
		d.sink += m.touch(a[i]) + m.touch(b[i])
	}
	for i := range a {
		s := d.score[i*L : (i+1)*L]
		m.Emissions(a[i], s)
		var t [64]int32
		if L <= len(t) {
			m.Emissions(b[i], t[:L])
			for j := range s {
				s[j] += t[j]
			}
			continue
		}
		for _, r := range b[i] {
			w := m.W[int(r)*L : int(r)*L+L]
			for j, v := range w {
				s[j] += int32(v)
			}
		}
	}
	d.Viterbi(d.score[:T*L], T, out)
}

// Viterbi decodes from precomputed emission scores (T*L, row-major).
func (d *Decoder) Viterbi(score []int32, T int, out []int) {
	m := d.m
	L := len(m.Labels)
	if d.Beam > 0 && d.Beam < L {
		d.beamViterbi(score, T, out)
		return
	}
	d.delta = grow(d.delta, 2*L)
	d.back = grow(d.back, T*L)
	cur, prev := d.delta[:L], d.delta[L:2*L]
	for j := 0; j < L; j++ {
		cur[j] = sat(m.Trans[L*L+j], score[j])
	}
	for i := 1; i < T; i++ {
		cur, prev = prev, cur
		// Renormalise so that sums stay bounded however long the sentence.
		mx := int32(forbidden)
		for _, v := range prev {
			mx = max(mx, v)
		}
		for j := range prev {
			if prev[j] > forbidden {
				prev[j] -= mx
			}
		}
		em := score[i*L : (i+1)*L]
		bk := d.back[i*L : (i+1)*L]
		for j := 0; j < L; j++ {
			best, arg := int32(math.MinInt32), int32(0)
			for _, k := range d.prevs[j] {
				v := prev[k] + m.Trans[int(k)*L+j]
				if v > best {
					best, arg = v, k
				}
			}
			cur[j] = sat(best, em[j])
			bk[j] = arg
		}
	}
	best, arg := int32(math.MinInt32), 0
	for j := 0; j < L; j++ {
		if v := cur[j] + m.End[j]; v > best {
			best, arg = v, j
		}
	}
	out[T-1] = arg
	for i := T - 1; i > 0; i-- {
		arg = int(d.back[i*L+arg])
		out[i-1] = arg
	}
}

// beamViterbi is Viterbi over the Beam best labels (by emission) of each token.
func (d *Decoder) beamViterbi(score []int32, T int, out []int) {
	m := d.m
	L, K := len(m.Labels), d.Beam
	d.cand = grow(d.cand, T*K)
	for i := 0; i < T; i++ {
		topK(score[i*L:(i+1)*L], d.cand[i*K:(i+1)*K])
	}
	d.delta = grow(d.delta, 2*K)
	d.back = grow(d.back, T*K)
	cur, prev := d.delta[:K], d.delta[K:2*K]
	for a, j := range d.cand[:K] {
		cur[a] = sat(m.Trans[L*L+int(j)], score[j])
	}
	for i := 1; i < T; i++ {
		cur, prev = prev, cur
		mx := int32(forbidden)
		for _, v := range prev {
			mx = max(mx, v)
		}
		for a := range prev {
			if prev[a] > forbidden {
				prev[a] -= mx
			}
		}
		pc := d.cand[(i-1)*K : i*K]
		for a, j := range d.cand[i*K : (i+1)*K] {
			best, arg := int32(math.MinInt32), int32(0)
			for b, k := range pc {
				v := prev[b] + m.Trans[int(k)*L+int(j)]
				if v > best {
					best, arg = v, int32(b)
				}
			}
			cur[a] = sat(best, score[i*L+int(j)])
			d.back[i*K+a] = arg
		}
	}
	best, arg := int32(math.MinInt32), 0
	for a, j := range d.cand[(T-1)*K : T*K] {
		if v := cur[a] + m.End[j]; v > best {
			best, arg = v, a
		}
	}
	for i := T - 1; i >= 0; i-- {
		out[i] = int(d.cand[i*K+arg])
		arg = int(d.back[i*K+arg])
	}
}

// topK writes the indices of the len(dst) largest scores into dst (ties: lower index first).
func topK(scores []int32, dst []int32) {
	n := 0
	for j, v := range scores {
		if n < len(dst) {
			dst[n] = int32(j)
			n++
		} else if v <= scores[dst[n-1]] {
			continue
		} else {
			dst[n-1] = int32(j)
		}
		for a := n - 1; a > 0 && scores[dst[a]] > scores[dst[a-1]]; a-- {
			dst[a], dst[a-1] = dst[a-1], dst[a]
		}
	}
}

// sat adds an emission to a path score, keeping forbidden paths forbidden.
func sat(path, em int32) int32 {
	if path <= forbidden {
		return forbidden
	}
	return path + em
}

func grow(s []int32, n int) []int32 {
	if cap(s) < n {
		return make([]int32, n, n+n/2)
	}
	return s[:n]
}

const magic = "NGPCT1\n"

// Save writes the model: gzip of a header, the labels, the transitions and the non-zero weight rows.
func (m *Model) Save(w io.Writer) error {
	zw, err := gzip.NewWriterLevel(w, gzip.BestCompression)
	if err != nil {
		return err
	}
	bw := bufio.NewWriter(zw)
	var buf [binary.MaxVarintLen64]byte
	uv := func(v uint64) { n := binary.PutUvarint(buf[:], v); bw.Write(buf[:n]) }
	sv := func(v int64) { n := binary.PutVarint(buf[:], v); bw.Write(buf[:n]) }
	bw.WriteString(magic)
	L := len(m.Labels)
	uv(uint64(L))
	for _, l := range m.Labels {
		uv(uint64(len(l)))
		bw.WriteString(l)
	}
	uv(uint64(m.Bits))
	binary.Write(bw, binary.LittleEndian, m.Scale)
	for _, t := range m.Trans {
		sv(int64(t))
	}
	for _, t := range m.End {
		sv(int64(t))
	}
	rows := len(m.W) / L
	last := -1
	for r := 0; r < rows; r++ {
		row := m.W[r*L : r*L+L]
		nz := false
		for _, v := range row {
			if v != 0 {
				nz = true
				break
			}
		}
		if !nz {
			continue
		}
		uv(uint64(r - last))
		last = r
		for _, v := range row {
			sv(int64(v))
		}
	}
	uv(0)
	if err := bw.Flush(); err != nil {
		return err
	}
	return zw.Close()
}

// Load reads a model written by Save. On Linux the weight table of a large model lives outside the Go heap
// (see allocWeights) and is never freed: load a model once per process and share it.
func Load(r io.Reader) (*Model, error) {
	zr, err := gzip.NewReader(r)
	if err != nil {
		return nil, fmt.Errorf("perceptron: %w", err)
	}
	data, err := io.ReadAll(zr)
	if err != nil {
		return nil, fmt.Errorf("perceptron: %w", err)
	}
	if !bytes.HasPrefix(data, []byte(magic)) {
		return nil, errors.New("perceptron: not a model file")
	}
	p := data[len(magic):]
	bad := false
	uv := func() uint64 {
		v, n := binary.Uvarint(p)
		if n <= 0 {
			bad = true
			return 0
		}
		p = p[n:]
		return v
	}
	sv := func() int64 {
		v, n := binary.Varint(p)
		if n <= 0 {
			bad = true
			return 0
		}
		p = p[n:]
		return v
	}
	L := int(uv())
	if bad || L <= 0 || L > 1000 {
		return nil, errors.New("perceptron: bad label count")
	}
	m := &Model{Labels: make([]string, L)}
	for i := range m.Labels {
		n := uv()
		if bad || n > uint64(len(p)) {
			return nil, errors.New("perceptron: bad label")
		}
		m.Labels[i] = string(p[:n])
		p = p[n:]
	}
	m.Bits = uint(uv())
	if bad || m.Bits > 26 || len(p) < 4 {
		return nil, errors.New("perceptron: bad table size")
	}
	m.Scale = math.Float32frombits(binary.LittleEndian.Uint32(p))
	p = p[4:]
	m.Trans = make([]int32, (L+1)*L)
	for i := range m.Trans {
		m.Trans[i] = int32(sv())
	}
	m.End = make([]int32, L)
	for i := range m.End {
		m.End[i] = int32(sv())
	}
	rows := 1 << m.Bits
	m.W = allocWeights(rows * L)
	at := -1
	for !bad {
		d := uv()
		if d == 0 {
			break
		}
		if d > uint64(rows) || at+int(d) >= rows {
			return nil, errors.New("perceptron: row out of range")
		}
		at += int(d)
		row := m.W[at*L : at*L+L]
		for j := range row {
			v, n := binary.Varint(p)
			if n <= 0 {
				bad = true
				break
			}
			p = p[n:]
			row[j] = int16(v)
		}
	}
	if bad {
		return nil, errors.New("perceptron: truncated model")
	}
	return m, nil
}

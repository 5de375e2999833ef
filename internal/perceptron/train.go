package perceptron

import "math"

// Trainer trains a Model with the averaged structured perceptron. Weights are kept as float32 with a float64
// accumulator for averaging (the "lazy" averaging trick: avg = w - u/c).
type Trainer struct {
	Labels []string
	Bits   uint
	// Allowed reports whether label cur may follow label prev; prev == -1 is the sentence start and cur == -1
	// the sentence end. nil allows everything.
	Allowed func(prev, cur int) bool

	w, wt, we []float32
	u, ut, ue []float64
	c         float64
	allow     []bool // (L+1)*(L+1): [prev+1][cur+1]
}

// NewTrainer returns a trainer with a table of 1<<bits rows.
func NewTrainer(labels []string, bits uint, allowed func(prev, cur int) bool) *Trainer {
	L := len(labels)
	t := &Trainer{Labels: labels, Bits: bits, Allowed: allowed}
	t.w = make([]float32, (1<<bits)*L)
	t.u = make([]float64, (1<<bits)*L)
	t.wt = make([]float32, (L+1)*L)
	t.ut = make([]float64, (L+1)*L)
	t.we = make([]float32, L)
	t.ue = make([]float64, L)
	t.c = 1
	t.allow = make([]bool, (L+1)*(L+1))
	for p := -1; p < L; p++ {
		for c := -1; c < L; c++ {
			t.allow[(p+1)*(L+1)+c+1] = allowed == nil || allowed(p, c)
		}
	}
	return t
}

// Predict decodes with the current (not averaged) weights, as the perceptron update needs.
func (t *Trainer) Predict(feats [][]uint32, out []int) {
	L := len(t.Labels)
	T := len(feats)
	if T == 0 {
		return
	}
	score := make([]float32, T*L)
	for i, f := range feats {
		s := score[i*L : (i+1)*L]
		for _, r := range f {
			w := t.w[int(r)*L : int(r)*L+L]
			for j, v := range w {
				s[j] += v
			}
		}
	}
	t.viterbi(score, T, out)
}

func (t *Trainer) allowed(prev, cur int) bool { return t.allow[(prev+1)*(len(t.Labels)+1)+cur+1] }

func (t *Trainer) viterbi(score []float32, T int, out []int) {
	L := len(t.Labels)
	ninf := float32(math.Inf(-1))
	delta := make([]float32, T*L)
	back := make([]int32, T*L)
	for j := 0; j < L; j++ {
		if t.allowed(-1, j) {
			delta[j] = t.wt[L*L+j] + score[j]
		} else {
			delta[j] = ninf
		}
	}
	for i := 1; i < T; i++ {
		for j := 0; j < L; j++ {
			best, arg := ninf, int32(0)
			for k := 0; k < L; k++ {
				if !t.allowed(k, j) {
					continue
				}
				if v := delta[(i-1)*L+k] + t.wt[k*L+j]; v > best || (best == ninf && arg == 0) {
					best, arg = v, int32(k)
				}
			}
			delta[i*L+j] = best + score[i*L+j]
			back[i*L+j] = arg
		}
	}
	best, arg := ninf, 0
	for j := 0; j < L; j++ {
		if !t.allowed(j, -1) {
			continue
		}
		if v := delta[(T-1)*L+j] + t.we[j]; v > best {
			best, arg = v, j
		}
	}
	out[T-1] = arg
	for i := T - 1; i > 0; i-- {
		arg = int(back[i*L+arg])
		out[i-1] = arg
	}
}

// Update applies one perceptron step for a sequence whose gold labels are gold, returning the number of
// tokens the current weights got wrong. pred is scratch of the same length (it receives the prediction).
func (t *Trainer) Update(feats [][]uint32, gold, pred []int) int {
	T := len(feats)
	if T == 0 {
		return 0
	}
	t.Predict(feats, pred)
	L := len(t.Labels)
	errs := 0
	c := t.c
	add := func(r uint32, lab int, d float32) {
		i := int(r)*L + lab
		t.w[i] += d
		t.u[i] += c * float64(d)
	}
	for i := 0; i < T; i++ {
		if gold[i] != pred[i] {
			errs++
			for _, r := range feats[i] {
				add(r, gold[i], 1)
				add(r, pred[i], -1)
			}
		}
		gp, pp := L, L
		if i > 0 {
			gp, pp = gold[i-1], pred[i-1]
		}
		if gp != pp || gold[i] != pred[i] {
			t.wt[gp*L+gold[i]]++
			t.ut[gp*L+gold[i]] += c
			t.wt[pp*L+pred[i]]--
			t.ut[pp*L+pred[i]] -= c
		}
	}
	if gold[T-1] != pred[T-1] {
		t.we[gold[T-1]]++
		t.ue[gold[T-1]] += c
		t.we[pred[T-1]]--
		t.ue[pred[T-1]] -= c
	}
	t.c++
	return errs
}

// Model returns the averaged weights, quantised to int16, as a Model ready to decode or save. Weights whose
// magnitude is below prune (in the averaged float units) are dropped to zero.
func (t *Trainer) Model(prune float32) *Model {
	L := len(t.Labels)
	avg := func(w float32, u float64) float32 { return w - float32(u/t.c) }
	maxAbs := float32(0)
	for i, w := range t.w {
		if w != 0 || t.u[i] != 0 {
			maxAbs = max(maxAbs, abs32(avg(w, t.u[i])))
		}
	}
	for i, w := range t.wt {
		maxAbs = max(maxAbs, abs32(avg(w, t.ut[i])))
	}
	if maxAbs == 0 {
		maxAbs = 1
	}
	scale := maxAbs / 32000
	m := &Model{Labels: append([]string(nil), t.Labels...), Bits: t.Bits, Scale: scale}
	m.W = make([]int16, len(t.w))
	for i, w := range t.w {
		if w == 0 && t.u[i] == 0 {
			continue
		}
		a := avg(w, t.u[i])
		if abs32(a) < prune {
			continue
		}
		m.W[i] = int16(math.Round(float64(a / scale)))
	}
	m.Trans = make([]int32, (L+1)*L)
	for prev := 0; prev <= L; prev++ {
		for cur := 0; cur < L; cur++ {
			p := prev
			if p == L {
				p = -1
			}
			i := prev*L + cur
			if !t.allowed(p, cur) {
				m.Trans[i] = forbidden
				continue
			}
			m.Trans[i] = int32(math.Round(float64(avg(t.wt[i], t.ut[i]) / scale)))
		}
	}
	m.End = make([]int32, L)
	for j := range m.End {
		if !t.allowed(j, -1) {
			m.End[j] = forbidden
			continue
		}
		m.End[j] = int32(math.Round(float64(avg(t.we[j], t.ue[j]) / scale)))
	}
	return m
}

func abs32(x float32) float32 {
	if x < 0 {
		return -x
	}
	return x
}

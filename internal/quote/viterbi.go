package quote

import (
	"math"

	"github.com/newsgraph/newsgraph/internal/perceptron"
)

// forbidden is perceptron's weight of a forbidden transition (a path that no score can pay back).
const forbidden = math.MinInt32 / 4

// maxVitLabels bounds the label count of vit.
const maxVitLabels = 8

// vit is perceptron.Decoder.Viterbi (without a beam) for the quote models' small label sets, on fixed-size
// arrays: the same arithmetic, the same renormalisation and the same tie-breaking (the first best
// predecessor in label order), so the same labels (TestVitMatchesDecoder). Not safe for concurrent use.
type vit struct {
	L          int
	np         [maxVitLabels]int                 // number of labels that may precede each label
	prevs      [maxVitLabels][maxVitLabels]int32 // those labels, in label order
	tr         [maxVitLabels][maxVitLabels]int32 // tr[j][x]: the weight of prevs[j][x] → j
	start, end [maxVitLabels]int32               // weights of starting and ending on a label
	back       []int8                            // T*maxVitLabels back pointers
	dec        *perceptron.Decoder               // the general decoder, for larger label sets
}

func newVit(m *perceptron.Model) *vit {
	L := len(m.Labels)
	v := &vit{L: L}
	if L > maxVitLabels {
		v.dec = m.NewDecoder()
		return v
	}
	for j := range L {
		v.start[j] = m.Trans[L*L+j]
		v.end[j] = m.End[j]
		for k := range L {
			if t := m.Trans[k*L+j]; t > forbidden {
				v.prevs[j][v.np[j]], v.tr[j][v.np[j]] = int32(k), t
				v.np[j]++
			}
		}
	}
	return v
}

func sat(path, em int32) int32 {
	if path <= forbidden {
		return forbidden
	}
	return path + em
}

// viterbi sets out[:T] to the best labels of the T*L emission scores.
func (v *vit) viterbi(score []int32, T int, out []int) {
	if v.dec != nil {
		v.dec.Viterbi(score, T, out)
		return
	}
	L := v.L
	if cap(v.back) < T*maxVitLabels {
		v.back = make([]int8, T*maxVitLabels, 2*T*maxVitLabels)
	}
	back := v.back[:T*maxVitLabels]
	var d0, d1 [maxVitLabels]int32
	cur, prev := &d0, &d1
	for j := range L {
		cur[j] = sat(v.start[j], score[j])
	}
	for i := 1; i < T; i++ {
		cur, prev = prev, cur
		mx := int32(forbidden)
		for j := range L {
			mx = max(mx, prev[j])
		}
		for j := range L {
			if prev[j] > forbidden {
				prev[j] -= mx
			}
		}
		em := score[i*L : i*L+L]
		bk := (*[maxVitLabels]int8)(back[i*maxVitLabels:])
		for j := range L {
			best, arg := int32(math.MinInt32), int32(0)
			tr := &v.tr[j]
			if v.np[j] == L {
				// every label may precede j: prevs[j][x] == x
				for x := range L {
					if val := prev[x] + tr[x]; val > best {
						best, arg = val, int32(x)
					}
				}
			} else {
				ps := &v.prevs[j]
				for x := range v.np[j] {
					k := ps[x]
					if val := prev[k&(maxVitLabels-1)] + tr[x]; val > best {
						best, arg = val, k
					}
				}
			}
			cur[j] = sat(best, em[j])
			bk[j] = int8(arg)
		}
	}
	best, arg := int32(math.MinInt32), 0
	for j := range L {
		if val := cur[j] + v.end[j]; val > best {
			best, arg = val, j
		}
	}
	out[T-1] = arg
	for i := T - 1; i > 0; i-- {
		arg = int(back[i*maxVitLabels+arg])
		out[i-1] = arg
	}
}

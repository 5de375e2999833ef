package perceptron

// AddEmissions adds the summed weights of the feature rows to scores (length L). Sums of int32 are exact in
// any order, so scores built from partial sums (for example cached per word) equal those of Emissions.
func (m *Model) AddEmissions(rows []uint32, scores []int32) {
	L := len(m.Labels)
	switch L {
	case 17: // BILOU over four types: fixed-size arrays let the compiler drop bounds checks
		addEmissions17(m.W, rows, (*[17]int32)(scores[:17]))
		return
	case 45: // Penn Treebank tags of CoNLL-2003
		addEmissions45(m.W, rows, (*[45]int32)(scores[:45]))
		return
	}
	for _, r := range rows {
		w := m.W[int(r)*L : int(r)*L+L]
		for j, v := range w {
			scores[j] += int32(v)
		}
	}
}

// inRange reports whether every row lies within a table of n rows (checked before the vector loops, which
// do not check bounds).
func inRange(rows []uint32, n int) bool {
	var mx uint32
	for _, r := range rows {
		mx = max(mx, r)
	}
	return int(mx) < n
}

func addEmissions17(W []int16, rows []uint32, s *[17]int32) {
	if hasAVX2 && len(rows) > 0 && inRange(rows, len(W)/17) {
		addRows17AVX2(&W[0], &rows[0], len(rows), s)
		return
	}
	acc := *s
	for _, r := range rows {
		w := (*[17]int16)(W[int(r)*17 : int(r)*17+17])
		for j := range acc {
			acc[j] += int32(w[j])
		}
	}
	*s = acc
}

func addEmissions45(W []int16, rows []uint32, s *[45]int32) {
	if hasAVX2 && len(rows) > 0 && inRange(rows, len(W)/45) {
		addRows45AVX2(&W[0], &rows[0], len(rows), s)
		return
	}
	acc := *s
	for _, r := range rows {
		w := (*[45]int16)(W[int(r)*45 : int(r)*45+45])
		for j := range acc {
			acc[j] += int32(w[j])
		}
	}
	*s = acc
}

// Touch reads the first weight of each row so that the rows are in cache when AddEmissions sums them
// (see touch); call it for a whole sentence before summing.
func (d *Decoder) Touch(rows []uint32) { d.sink += d.m.touch(rows) }

package pipeline

// Stages returns the stages in the order Process runs them; english reports, for each, whether it runs only
// on English (or undetermined) documents. The slices are new; the stages are shared.
func (p *Pipeline) Stages() (stages []Stage, english []bool) {
	for _, s := range p.common {
		stages = append(stages, s)
		english = append(english, false)
	}
	for _, s := range p.english {
		stages = append(stages, s)
		english = append(english, true)
	}
	return stages, english
}

//go:build !linux

package perceptron

// allocWeights returns a zeroed weight table.
func allocWeights(n int) []int16 { return make([]int16, n) }

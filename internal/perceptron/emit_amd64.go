//go:build amd64 && !purego

package perceptron

import "golang.org/x/sys/cpu"

// hasAVX2 selects the vector loops of emit_amd64.s: each sign-extends a row's int16 weights to int32 eight
// at a time and adds them to the accumulators, which stay in registers over all the rows.
var hasAVX2 = cpu.X86.HasAVX2

//go:noescape
func addRows17AVX2(w *int16, rows *uint32, n int, acc *[17]int32)

//go:noescape
func addRows45AVX2(w *int16, rows *uint32, n int, acc *[45]int32)

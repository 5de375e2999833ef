//go:build amd64 && !purego

package quote

import "golang.org/x/sys/cpu"

// hasAVX2 selects addRows16AVX2 (emit_amd64.s): it sign-extends each row's 16 int16 weights of the
// interleaved table to int32, eight at a time, and adds them to accumulators that stay in registers over
// all the rows.
var hasAVX2 = cpu.X86.HasAVX2

//go:noescape
func addRows16AVX2(w *int16, rows *uint32, n int, acc *[16]int32)

//go:build !amd64 || purego

package quote

const hasAVX2 = false

func addRows16AVX2(w *int16, rows *uint32, n int, acc *[16]int32) { panic("quote: no AVX2") }

//go:build !amd64 || purego

package perceptron

const hasAVX2 = false

func addRows17AVX2(w *int16, rows *uint32, n int, acc *[17]int32) { panic("no AVX2") }

func addRows45AVX2(w *int16, rows *uint32, n int, acc *[45]int32) { panic("no AVX2") }

package perceptron

import (
	"syscall"
	"unsafe"
)

// allocWeights returns a zeroed weight table. On Linux a large table is mapped outside the Go heap and
// marked for transparent huge pages: lookups land on random rows of a table of tens of megabytes, and with
// 4 KiB pages nearly every one would also miss the TLB. The memory is never unmapped (models live as long as
// the process); on any error it falls back to the heap.
func allocWeights(n int) []int16 {
	const huge = 2 << 20
	size := n * 2
	if size < 4*huge {
		return make([]int16, n)
	}
	size = (size + huge - 1) / huge * huge
	b, err := syscall.Mmap(-1, 0, size, syscall.PROT_READ|syscall.PROT_WRITE, syscall.MAP_PRIVATE|syscall.MAP_ANON)
	if err != nil {
		return make([]int16, n)
	}
	_ = syscall.Madvise(b, syscall.MADV_HUGEPAGE) // advisory: without it the table still works
	return unsafe.Slice((*int16)(unsafe.Pointer(&b[0])), n)
}

//go:build amd64 && !purego

#include "textflag.h"

// func addRows16AVX2(w *int16, rows *uint32, n int, acc *[16]int32)
TEXT ·addRows16AVX2(SB), NOSPLIT, $0-32
	MOVQ w+0(FP), SI
	MOVQ rows+8(FP), BX
	MOVQ n+16(FP), CX
	MOVQ acc+24(FP), DI
	VMOVDQU 0(DI), Y0
	VMOVDQU 32(DI), Y1
	TESTQ CX, CX
	JEQ done16
loop16:
	MOVL (BX), AX
	SHLQ $5, AX
	VPMOVSXWD 0(SI)(AX*1), Y2
	VPADDD Y2, Y0, Y0
	VPMOVSXWD 16(SI)(AX*1), Y3
	VPADDD Y3, Y1, Y1
	ADDQ $4, BX
	DECQ CX
	JNE loop16
done16:
	VMOVDQU Y0, 0(DI)
	VMOVDQU Y1, 32(DI)
	VZEROUPPER
	RET

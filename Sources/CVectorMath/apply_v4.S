// void coevo_apply_v4(void *fn, const double *in, double *out, long blocks)
//
// Calls a vector-function-ABI routine of 4 doubles (glibc libmvec's _ZGVdN4v_exp, _ZGVdN4v_log:
// argument and result in %ymm0) on `blocks` consecutive blocks of 4 doubles. In assembly because
// C cannot pass a __m256d in %ymm0 from a translation unit compiled without -mavx: clang then
// passes it on the stack, which the routine does not read. Only called after the CPU was found to
// have AVX2 and FMA (vector_math.c). System V x86-64; elsewhere this file assembles to nothing.
#if defined(__x86_64__) && defined(__linux__)
    .text
    .globl coevo_apply_v4
    .hidden coevo_apply_v4
    .type coevo_apply_v4, @function
coevo_apply_v4:
    push %rbx
    push %r12
    push %r13
    push %r14
    sub $8, %rsp                // the stack 16-byte aligned at each call below
    mov %rdi, %rbx              // fn, in, out, blocks: callee-saved across the calls
    mov %rsi, %r12
    mov %rdx, %r13
    mov %rcx, %r14
    test %r14, %r14
    jle 2f
1:
    vmovupd (%r12), %ymm0
    call *%rbx
    vmovupd %ymm0, (%r13)
    add $32, %r12
    add $32, %r13
    dec %r14
    jnz 1b
2:
    vzeroupper
    add $8, %rsp
    pop %r14
    pop %r13
    pop %r12
    pop %rbx
    ret
    .size coevo_apply_v4, .-coevo_apply_v4
    .section .note.GNU-stack,"",@progbits
#endif

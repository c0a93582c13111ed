// Element-wise exp and log over arrays of doubles through glibc's vector math library (libmvec),
// the SIMD counterpart of libm that GCC and Clang call when they vectorise `exp`/`log` loops.
//
// Contract:
// - y[i] = exp(x[i]) (resp. log(x[i])) for 0 <= i < n, within 4 ulp (libmvec's documented bound;
//   measured with glibc 2.36 on [-3, 3]: exp up to 3 ulp from libm's, differing in 43% of values;
//   log up to 2 ulp). x and y may be the same array.
// - Each element's result depends on its value only, never on n or its position: every element,
//   the tail included, goes through the same SIMD routine. Chunked or threaded callers therefore
//   get the same bits as one call over the whole array.
// - The routine is chosen once per process: AVX2 (4 doubles) where the CPU has AVX2 and FMA and
//   libmvec.so.1 can be loaded, else libm's scalar exp/log (coevo_vector_math_backend() says
//   which). Results may differ from libm's scalar exp/log in the last bits, between machines
//   that take different routines, and between glibc versions.
#ifndef COEVO_VECTOR_MATH_H
#define COEVO_VECTOR_MATH_H

void coevo_vector_exp(const double *x, double *y, long n);
void coevo_vector_log(const double *x, double *y, long n);

/// "libmvec-avx2" or "libm-scalar".
const char *coevo_vector_math_backend(void);

#endif

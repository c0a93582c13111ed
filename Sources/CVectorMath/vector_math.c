// See include/CVectorMath.h for the contract. libmvec is opened at run time (dlopen), so the
// package links and runs where it is absent (musl, other systems): the scalar loop is used there.
#include "CVectorMath.h"
#include <math.h>
#include <pthread.h>
#include <string.h>

#if defined(__x86_64__) && defined(__GLIBC__)
#include <dlfcn.h>
#include <immintrin.h>
#define COEVO_HAVE_AVX2_PATH 1
typedef __m256d (*coevo_v4_fn)(__m256d);
static coevo_v4_fn v4_exp, v4_log;
#endif

static pthread_once_t once = PTHREAD_ONCE_INIT;
static int use_avx2 = 0;

static void choose(void) {
#ifdef COEVO_HAVE_AVX2_PATH
    __builtin_cpu_init();
    if (!__builtin_cpu_supports("avx2") || !__builtin_cpu_supports("fma")) return;
    void *lib = dlopen("libmvec.so.1", RTLD_NOW | RTLD_LOCAL);
    if (!lib) return;
    // _ZGVdN4v_exp: the vector-function ABI name of exp for AVX2 ('d'), unmasked ('N'), 4 lanes.
    v4_exp = (coevo_v4_fn)dlsym(lib, "_ZGVdN4v_exp");
    v4_log = (coevo_v4_fn)dlsym(lib, "_ZGVdN4v_log");
    use_avx2 = v4_exp != 0 && v4_log != 0;
#endif
}

static int avx2(void) {
    pthread_once(&once, choose);
    return use_avx2;
}

#ifdef COEVO_HAVE_AVX2_PATH
__attribute__((target("avx2,fma")))
static void apply4(coevo_v4_fn f, const double *x, double *y, long n) {
    long i = 0;
    for (; i + 4 <= n; i += 4) _mm256_storeu_pd(y + i, f(_mm256_loadu_pd(x + i)));
    if (i < n) {
        // The tail goes through the same routine, padded with ones (finite for exp and log).
        double in[4] = {1, 1, 1, 1}, out[4];
        memcpy(in, x + i, (size_t)(n - i) * sizeof(double));
        _mm256_storeu_pd(out, f(_mm256_loadu_pd(in)));
        memcpy(y + i, out, (size_t)(n - i) * sizeof(double));
    }
}
#endif

void coevo_vector_exp(const double *x, double *y, long n) {
#ifdef COEVO_HAVE_AVX2_PATH
    if (avx2()) { apply4(v4_exp, x, y, n); return; }
#endif
    for (long i = 0; i < n; i++) y[i] = exp(x[i]);
}

void coevo_vector_log(const double *x, double *y, long n) {
#ifdef COEVO_HAVE_AVX2_PATH
    if (avx2()) { apply4(v4_log, x, y, n); return; }
#endif
    for (long i = 0; i < n; i++) y[i] = log(x[i]);
}

const char *coevo_vector_math_backend(void) {
    return avx2() ? "libmvec-avx2" : "libm-scalar";
}

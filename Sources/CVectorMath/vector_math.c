// See include/CVectorMath.h for the contract. libmvec is opened at run time (dlopen), so the
// package links and runs where it is absent (musl, other systems): the scalar loop is used there.
// The SIMD routines are called through apply_v4.S, which passes their argument in %ymm0 as the
// vector function ABI requires; this file itself uses no AVX instruction.
#include "CVectorMath.h"
#include <math.h>
#include <pthread.h>
#include <string.h>

#if defined(__x86_64__) && defined(__GLIBC__)
#include <dlfcn.h>
#define COEVO_HAVE_AVX2_PATH 1
void coevo_apply_v4(void *fn, const double *in, double *out, long blocks);
static void *v4_exp, *v4_log;
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
    v4_exp = dlsym(lib, "_ZGVdN4v_exp");
    v4_log = dlsym(lib, "_ZGVdN4v_log");
    use_avx2 = v4_exp != 0 && v4_log != 0;
#endif
}

static int avx2(void) {
    pthread_once(&once, choose);
    return use_avx2;
}

#ifdef COEVO_HAVE_AVX2_PATH
static void apply4(void *f, const double *x, double *y, long n) {
    long blocks = n / 4, done = blocks * 4;
    coevo_apply_v4(f, x, y, blocks);
    if (done < n) {
        // The tail goes through the same routine, padded with ones (finite for exp and log).
        double in[4] = {1, 1, 1, 1}, out[4];
        memcpy(in, x + done, (size_t)(n - done) * sizeof(double));
        coevo_apply_v4(f, in, out, 1);
        memcpy(y + done, out, (size_t)(n - done) * sizeof(double));
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

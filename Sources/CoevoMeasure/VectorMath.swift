// Element-wise exp and log over contiguous doubles, several at a time (SIMD), through glibc's
// vector math library. Swift's `exp`/`log` are scalar libm calls of 8–10 ns each on this class of
// machine; libmvec's AVX2 routines take 2–3 ns per element. A pass that evaluates one exp or log
// per firm can first write the arguments of a block of firms to a column, transform the block in
// one call, then read the results.
//
// Results may differ from scalar `exp`/`log` in the last bits (libmvec's bound is 4 ulp; up to 3
// measured for exp, 2 for log), and between glibc versions, so a pass switched to these functions
// changes its outputs at that level once; each
// element's result depends on its value only (not on the block it is in), so chunked and
// threaded callers get the same bits for every split.

import CVectorMath

public enum VectorMath {
    /// `y[i] = exp(x[i])` for `i < count`; `x` and `y` may be the same buffer.
    @inlinable public static func exp(_ x: UnsafePointer<Double>, into y: UnsafeMutablePointer<Double>, count: Int) {
        coevo_vector_exp(x, y, count)
    }

    /// `y[i] = log(x[i])` for `i < count`; `x` and `y` may be the same buffer.
    @inlinable public static func log(_ x: UnsafePointer<Double>, into y: UnsafeMutablePointer<Double>, count: Int) {
        coevo_vector_log(x, y, count)
    }

    /// Which routine this process uses: "libmvec-avx2" (glibc's vector math, AVX2 and FMA), or
    /// "libm-scalar" where those are unavailable.
    public static var backend: String { String(cString: coevo_vector_math_backend()) }
}

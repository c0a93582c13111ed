// Order statistics in O(n) without sorting (Hoare's quickselect on a caller-owned buffer), for
// medians and tail thresholds over a million firms each quarter.

/// Rearranges `a[0..<n]` so that a[k] is the k-th smallest (0-based); returns it.
func quickselect(_ a: UnsafeMutableBufferPointer<Double>, count n: Int, k: Int) -> Double {
    var lo = 0, hi = n - 1
    while lo < hi {
        // Median of three as pivot (deterministic).
        let mid = lo + (hi - lo) / 2
        let x = a[lo], y = a[mid], z = a[hi]
        let pivot = max(min(x, y), min(max(x, y), z))
        var i = lo, j = hi
        while i <= j {
            while a[i] < pivot { i += 1 }
            while a[j] > pivot { j -= 1 }
            if i <= j { a.swapAt(i, j); i += 1; j -= 1 }
        }
        if k <= j { hi = j } else if k >= i { lo = i } else { return a[k] }
    }
    return a[k]
}

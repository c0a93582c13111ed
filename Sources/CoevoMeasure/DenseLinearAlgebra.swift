/// Small dense linear algebra for the fitting routines (p ≤ ~10 unknowns): symmetric positive
/// definite solves and inverses by Cholesky. Matrices are row-major [[Double]]. Public for the
/// calibration's sandwich and kernels (CoevoExperiments).
public enum DenseLinearAlgebra {
    /// Cholesky factor L (lower) of a symmetric positive definite matrix, or nil if it is not
    /// (numerically) positive definite.
    public static func cholesky(_ a: [[Double]]) -> [[Double]]? {
        let n = a.count
        var l = [[Double]](repeating: [Double](repeating: 0, count: n), count: n)
        for i in 0..<n {
            for j in 0...i {
                var s = a[i][j]
                for k in 0..<j { s -= l[i][k] * l[j][k] }
                if i == j {
                    guard s > 0, s.isFinite else { return nil }
                    l[i][i] = s.squareRoot()
                } else {
                    l[i][j] = s / l[j][j]
                }
            }
        }
        return l
    }

    /// Solves L·Lᵀ·x = b.
    static func choleskySolve(_ l: [[Double]], _ b: [Double]) -> [Double] {
        let n = l.count
        var y = b
        for i in 0..<n {
            var s = y[i]
            for k in 0..<i { s -= l[i][k] * y[k] }
            y[i] = s / l[i][i]
        }
        var x = y
        for i in stride(from: n - 1, through: 0, by: -1) {
            var s = x[i]
            for k in (i + 1)..<n { s -= l[k][i] * x[k] }
            x[i] = s / l[i][i]
        }
        return x
    }

    /// Inverse of an SPD matrix, or nil if not positive definite.
    /// The product of two matrices.
    public static func multiply(_ a: [[Double]], _ b: [[Double]]) -> [[Double]] {
        a.map { row in (0..<(b.first?.count ?? 0)).map { j in row.indices.reduce(0) { $0 + row[$1] * b[$1][j] } } }
    }

    public static func spdInverse(_ a: [[Double]]) -> [[Double]]? {
        guard let l = cholesky(a) else { return nil }
        let n = a.count
        var inv = [[Double]](repeating: [Double](repeating: 0, count: n), count: n)
        for j in 0..<n {
            var e = [Double](repeating: 0, count: n)
            e[j] = 1
            let col = choleskySolve(l, e)
            for i in 0..<n { inv[i][j] = col[i] }
        }
        return inv
    }

    /// JᵀJ and Jᵀr for a Jacobian stored row-major (m rows × p columns).
    static func normalEquations(jacobian j: [[Double]], residuals r: [Double]) -> (jtj: [[Double]], jtr: [Double]) {
        let p = j.first?.count ?? 0
        var jtj = [[Double]](repeating: [Double](repeating: 0, count: p), count: p)
        var jtr = [Double](repeating: 0, count: p)
        for i in 0..<j.count {
            let row = j[i]
            for a in 0..<p {
                jtr[a] += row[a] * r[i]
                for b in 0...a { jtj[a][b] += row[a] * row[b] }
            }
        }
        for a in 0..<p { for b in 0..<a { jtj[b][a] = jtj[a][b] } }
        return (jtj, jtr)
    }
}

// Analytic test functions of global sensitivity analysis, with their exact indices, so that a
// user (and the tests) can check the estimators before trusting them on the model: Ishigami &
// Homma (1990) and Sobol's G function (Saltelli & Sobol 1995). Inputs are on [0, 1]^k and mapped
// to each function's domain here.

import Foundation

public enum TestFunction: Sendable, Equatable {
    /// f = sin x1 + a sin² x2 + b x3⁴ sin x1, x ∈ [−π, π]³.
    case ishigami(a: Double = 7, b: Double = 0.1)
    /// f = Π (|4x_i − 2| + a_i) / (1 + a_i), x ∈ [0, 1]^k.
    case sobolG(a: [Double])

    public var dimensions: Int {
        switch self { case .ishigami: 3; case .sobolG(let a): a.count }
    }

    /// The value at a point of the unit hypercube.
    public func callAsFunction(_ u: [Double]) -> Double {
        switch self {
        case .ishigami(let a, let b):
            let x = u.map { -Double.pi + 2 * Double.pi * $0 }
            let s1 = sin(x[0]), s2 = sin(x[1])
            return s1 + a * s2 * s2 + b * pow(x[2], 4) * s1
        case .sobolG(let a):
            var f = 1.0
            for (i, ai) in a.enumerated() { f *= (abs(4 * u[i] - 2) + ai) / (1 + ai) }
            return f
        }
    }

    /// Exact first-order and total indices.
    public var analyticIndices: (first: [Double], total: [Double]) {
        switch self {
        case .ishigami(let a, let b):
            let pi4 = pow(Double.pi, 4), pi8 = pi4 * pi4
            let v1 = 0.5 * pow(1 + b * pi4 / 5, 2)
            let v2 = a * a / 8
            let v13 = b * b * pi8 * (1.0 / 18 - 1.0 / 50)
            let v = v1 + v2 + v13
            return ([v1 / v, v2 / v, 0], [(v1 + v13) / v, v2 / v, v13 / v])
        case .sobolG(let a):
            let vi = a.map { 1 / (3 * pow(1 + $0, 2)) }
            let v = vi.reduce(1) { $0 * (1 + $1) } - 1
            let first = vi.map { $0 / v }
            let total = vi.indices.map { i in vi[i] * vi.indices.filter { $0 != i }.reduce(1) { $0 * (1 + vi[$1]) } / v }
            return (first, total)
        }
    }
}

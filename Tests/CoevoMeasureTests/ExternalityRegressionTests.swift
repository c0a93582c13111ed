import Testing
@testable import CoevoMeasure

/// The building blocks: two-way demeaning and small dense OLS, against hand-computed values.
@Suite struct ExternalityRegressionTests {
    @Test func balancedTwoWayDemeaningIsTheClosedForm() throws {
        // Balanced 4 × 3 panel: x̃_it = x_it − x̄_i − x̄_t + x̄.
        let x: [[Double]] = [[1, 4, 2], [0, 3, 9], [5, 5, 1], [2, 8, 3]]
        var col = [Double](), f = [Int32](), t = [Int32]()
        for i in 0..<4 {
            for s in 0..<3 {
                col.append(x[i][s])
                f.append(Int32(10 * i))
                t.append(Int32(s))
            }
        }
        let out = try twoWayDemean([col], first: f, second: t)
        let grand = x.joined().reduce(0, +) / 12
        for i in 0..<4 {
            for s in 0..<3 {
                let rowMean = x[i].reduce(0, +) / 3
                let colMean = (0..<4).map { x[$0][s] }.reduce(0, +) / 4
                #expect(abs(out.columns[0][i * 3 + s] - (x[i][s] - rowMean - colMean + grand)) < 1e-12)
            }
        }
        #expect(out.iterations <= 2)
    }

    @Test func unbalancedDemeaningIsOrthogonalToBothFactorsAndIdempotent() throws {
        var rng = ExternalityTestRNG(state: 4)
        var col = [Double](), f = [Int32](), c = [Int32]()
        for i in 0..<60 {
            let entry = rng.int(5), exit = 10 - rng.int(4)
            for t in entry..<exit {
                col.append(rng.normal() + Double(i % 7))
                f.append(Int32(i))
                c.append(Int32((i % 3) * 100 + t))
            }
        }
        let out = try twoWayDemean([col], first: f, second: c, tolerance: 1e-12)
        var sumF = [Int32: Double](), sumC = [Int32: Double]()
        for r in col.indices {
            sumF[f[r], default: 0] += out.columns[0][r]
            sumC[c[r], default: 0] += out.columns[0][r]
        }
        #expect(sumF.values.allSatisfy { abs($0) < 1e-9 })
        #expect(sumC.values.allSatisfy { abs($0) < 1e-9 })
        // The direct solve leaves the alternating projections a sweep or two to confirm convergence.
        #expect(out.iterations <= 2)
        let again = try twoWayDemean(out.columns, first: f, second: c, tolerance: 1e-12)
        for r in col.indices { #expect(abs(again.columns[0][r] - out.columns[0][r]) < 1e-9) }
    }

    /// The direct solve (`directProjection`) and the alternating projections alone reach the same
    /// residual on an unbalanced panel whose two factors form three connected components (three
    /// industries: S is singular along each one's vector of ones, so three pivots vanish).
    @Test func directProjectionMatchesAlternatingProjections() throws {
        var rng = ExternalityTestRNG(state: 11)
        var data = [Double](), f = [Int32](), c = [Int32]()
        let m = 2
        for i in 0..<80 {
            let entry = rng.int(6), exit = 12 - rng.int(5)
            for t in entry..<exit {
                data.append(rng.normal() + Double(i % 5)); data.append(0.3 * Double(t) + rng.normal())
                f.append(Int32(i)); c.append(Int32((i % 3) * 100 + t))
            }
        }
        let fa = FactorCoding(f), fc = FactorCoding(c)
        var direct = data, iterated = data
        #expect(directProjection(&direct, m: m, a: fa.codes, levelsA: fa.levels, b: fc.codes, levelsB: fc.levels))
        let report = try alternatingProjections(&iterated, m: m, a: fa.codes, levelsA: fa.levels, b: fc.codes, levelsB: fc.levels,
                                                tolerance: 1e-13, maxIterations: 100_000)
        #expect(report.iterations > 10)
        var worst = 0.0
        for i in data.indices { worst = max(worst, abs(direct[i] - iterated[i])) }
        #expect(worst < 1e-9, "largest difference \(worst)")
        // Orthogonal to both factors' dummies.
        var sumF = [Int32: Double](), sumC = [Int32: Double]()
        for r in f.indices { sumF[f[r], default: 0] += direct[r * m]; sumC[c[r], default: 0] += direct[r * m + 1] }
        #expect(sumF.values.allSatisfy { abs($0) < 1e-9 } && sumC.values.allSatisfy { abs($0) < 1e-9 })
        // Block diagonal S (three industries, three vanishing pivots): the fast paths give the
        // plain loops' bits.
        var plain = data
        _ = directProjectionLeavingSums(&plain, m: m, a: fa.codes, levelsA: fa.levels, b: fc.codes, levelsB: fc.levels,
                                        fastPaths: false)
        #expect(direct == plain)
        // Too many levels of the second factor for a dense solve: declined, data untouched.
        var declined = data
        #expect(!directProjection(&declined, m: m, a: fa.codes, levelsA: fa.levels, b: fc.codes, levelsB: fc.levels, maxLevels: 10))
        #expect(declined == data)
    }

    /// The same agreement when the direct solve's matrix is not block diagonal and the firms'
    /// levels are not consecutive: some firms move to another industry mid-life (linking the blocks,
    /// so the envelope of S spans them) and some skip quarters (the general, non-contiguous update).
    @Test func directProjectionHandlesMoversAndGaps() throws {
        var rng = ExternalityTestRNG(state: 29)
        var data = [Double](), f = [Int32](), c = [Int32]()
        let m = 3
        for i in 0..<120 {
            let entry = rng.int(6), exit = 14 - rng.int(5)
            let moves = i % 7 == 0, gaps = i % 5 == 0
            for t in entry..<exit where !(gaps && t % 3 == 1) {
                let industry = moves && t >= 8 ? (i + 1) % 4 : i % 4
                data.append(rng.normal() + Double(i % 5)); data.append(0.3 * Double(t) + rng.normal())
                data.append(Double(industry) * rng.normal())
                f.append(Int32(i)); c.append(Int32(industry * 100 + t))
            }
        }
        let fa = FactorCoding(f), fc = FactorCoding(c)
        var direct = data, iterated = data
        #expect(directProjection(&direct, m: m, a: fa.codes, levelsA: fa.levels, b: fc.codes, levelsB: fc.levels))
        _ = try alternatingProjections(&iterated, m: m, a: fa.codes, levelsA: fa.levels, b: fc.codes, levelsB: fc.levels,
                                       tolerance: 1e-13, maxIterations: 100_000)
        var worst = 0.0
        for i in data.indices { worst = max(worst, abs(direct[i] - iterated[i])) }
        #expect(worst < 1e-9, "largest difference \(worst)")
        var sumF = [Int32: Double](), sumC = [Int32: Double]()
        for r in f.indices {
            for col in 0..<m { sumF[f[r] * 10 + Int32(col), default: 0] += direct[r * m + col]; sumC[c[r] * 10 + Int32(col), default: 0] += direct[r * m + col] }
        }
        #expect(sumF.values.allSatisfy { abs($0) < 1e-9 } && sumC.values.allSatisfy { abs($0) < 1e-9 })
        // The two-way projection (direct solve, then the sweeps started from the sums it leaves)
        // agrees too, and so does passing the squared norms gathered by the caller.
        var twoWay = data, withNorms = data
        var squares = [Double](repeating: 0, count: m)
        for r in f.indices { for col in 0..<m { squares[col] += data[r * m + col] * data[r * m + col] } }
        _ = try twoWayProjection(&twoWay, m: m, a: fa.codes, levelsA: fa.levels, b: fc.codes, levelsB: fc.levels,
                                 tolerance: 1e-12, maxIterations: 10_000)
        _ = try twoWayProjection(&withNorms, m: m, a: fa.codes, levelsA: fa.levels, b: fc.codes, levelsB: fc.levels,
                                 tolerance: 1e-12, maxIterations: 10_000, squaredNorms: squares)
        #expect(twoWay == withNorms)
        for i in data.indices { #expect(abs(twoWay[i] - iterated[i]) < 1e-9) }
        // The envelope-skipping Cholesky and the contiguous updates of S give the same bits as the
        // plain loops, here where S is not block diagonal and some firms skip quarters.
        var fast = data, plain = data
        let fastSums = directProjectionLeavingSums(&fast, m: m, a: fa.codes, levelsA: fa.levels, b: fc.codes, levelsB: fc.levels)
        let plainSums = directProjectionLeavingSums(&plain, m: m, a: fa.codes, levelsA: fa.levels, b: fc.codes, levelsB: fc.levels,
                                                    fastPaths: false)
        #expect(fast == plain)
        #expect(fastSums?.sumA == plainSums?.sumA && fastSums?.norms == plainSums?.norms)
    }

    @Test func demeaningRejectsBadInput() {
        #expect(throws: RegressionError.self) { try twoWayDemean([[1, 2]], first: [1, 2], second: [1]) }
        #expect(throws: RegressionError.self) { try twoWayDemean([[1]], first: [1, 2], second: [1, 2]) }
        #expect(throws: RegressionError.self) { try twoWayDemean([[1, .infinity]], first: [1, 2], second: [1, 2]) }
    }

    @Test func smallOLSMatchesHandComputation() throws {
        // y = a + b x with x = 1..4, y = 2, 4, 5, 8: b = Sxy/Sxx = 9.5/5 = 1.9, a = 4.75 − 1.9·2.5 = 0,
        // residuals 0.1, 0.2, −0.7, 0.4, SSR 0.7; (X'X)^{-1} = [[30, −10], [−10, 4]]/20.
        let fit = try ordinaryLeastSquares(columns: [[1, 1, 1, 1], [1, 2, 3, 4]], response: [2, 4, 5, 8])
        #expect(abs(fit.coefficients[0] - 0) < 1e-12)
        #expect(abs(fit.coefficients[1] - 1.9) < 1e-12)
        #expect(zip(fit.residuals, [0.1, 0.2, -0.7, 0.4]).allSatisfy { abs($0 - $1) < 1e-12 })
        #expect(abs(fit.ssr - 0.7) < 1e-12)
        #expect(zip(fit.xtxInverse, [1.5, -0.5, -0.5, 0.2]).allSatisfy { abs($0 - $1) < 1e-12 })
    }

    @Test func olsNamesTheCollinearColumn() {
        let x: [Double] = [1, 2, 3, 5]
        #expect(throws: RegressionError.collinear(column: "c", others: ["one", "x"])) {
            try ordinaryLeastSquares(columns: [[1, 1, 1, 1], x, x.map { 3 * $0 - 2 }], response: [1, 0, 2, 1],
                                     names: ["one", "x", "c"])
        }
        #expect(throws: RegressionError.self) { try ordinaryLeastSquares(columns: [[1, 2]], response: [1, 2, 3]) }
        #expect(throws: RegressionError.self) { try ordinaryLeastSquares(columns: [], response: [1]) }
    }
}

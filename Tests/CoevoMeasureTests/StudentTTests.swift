// Student's t against scipy.stats.t (scipy 1.17.1: `stats.t.ppf(0.975, df)`, `stats.t.cdf(t, df)`),
// and the mean interval against its textbook definition.

import CoevoMeasure
import Testing

@Suite struct StudentTTests {
    @Test func quantilesMatchScipy() {
        let reference: [(Double, Double)] = [
            (1, 12.706204736174694), (2, 4.302652729749462), (3, 3.1824463052837078), (4, 2.7764451051977934),
            (9, 2.262157162798205), (19, 2.0930240544083087), (29, 2.045229642132703), (99, 1.9842169515864174),
            (1000, 1.9623390808264083),
        ]
        for (df, t) in reference {
            let q = StudentT.quantile(0.975, degreesOfFreedom: df)
            #expect(abs(q - t) < 1e-9 * t, "df \(df): \(q) vs scipy \(t)")
            #expect(abs(StudentT.quantile(0.025, degreesOfFreedom: df) + t) < 1e-9 * t)
        }
    }

    @Test func cdfMatchesScipy() {
        let reference: [(Double, Double, Double)] = [
            (0.5, 3, 0.6742760175759245), (-1.7, 7, 0.0664644483912776), (2.2, 15, 0.9780522124362517), (10, 2, 0.9950737714883372),
        ]
        for (t, df, p) in reference {
            #expect(abs(StudentT.cdf(t, degreesOfFreedom: df) - p) < 1e-12, "t \(t) df \(df)")
        }
        #expect(StudentT.cdf(0, degreesOfFreedom: 5) == 0.5)
    }

    @Test func meanIntervalIsMeanPlusMinusTTimesStandardError() throws {
        let xs = [1.0, 2.0, 4.0, 7.0]
        let m = try #require(MeanInterval(xs))
        let mean = 3.5
        let sd = ((6.25 + 2.25 + 0.25 + 12.25) / 3).squareRoot()
        #expect(m.n == 4 && abs(m.mean - mean) < 1e-15 && abs(m.sd! - sd) < 1e-14)
        let half = 3.1824463052837078 * sd / 2
        #expect(abs(m.ciLow! - (mean - half)) < 1e-9 && abs(m.ciHigh! - (mean + half)) < 1e-9)
        #expect(MeanInterval([5])?.sd == nil && MeanInterval([5])?.mean == 5)
        #expect(MeanInterval([]) == nil)
    }
}

import CoevoModel

/// A run's "all"-unit series by metric name, plus what tests need from the model along the way.
struct RunSeries {
    var series: [String: [Double]] = [:]
    var result: RunResult
    subscript(_ name: String) -> [Double] { series[name] ?? [] }
}

/// Small economies for tests: 4,000 firms unless told otherwise, no bootstrap.
func testParameters(firms: Int = 4000, periods: Int = 80, _ edit: (inout Parameters) -> Void = { _ in }) -> Parameters {
    var p = Parameters()
    p.firms = firms; p.periods = periods; p.bootstrapDraws = 0
    edit(&p)
    return p
}

func runSeries(_ p: Parameters, seed: UInt64, recordPanel: Bool = false, onPeriod: (Observation, Model) -> Void = { _, _ in }) -> RunSeries {
    let result = Simulation.run(parameters: p, seed: seed, recordPanel: recordPanel, onPeriod: onPeriod)
    var out = RunSeries(result: result)
    for (i, name) in Observer.metrics.enumerated() { out.series[name] = result.observations.map { $0.all[i] } }
    return out
}

/// OLS slope of y on x.
func slope(_ x: [Double], _ y: [Double]) -> Double {
    let n = Double(x.count)
    let mx = x.reduce(0, +) / n, my = y.reduce(0, +) / n
    var sxy = 0.0, sxx = 0.0
    for i in x.indices { sxy += (x[i] - mx) * (y[i] - my); sxx += (x[i] - mx) * (x[i] - mx) }
    return sxy / sxx
}

func mean(_ xs: ArraySlice<Double>) -> Double { xs.reduce(0, +) / Double(max(xs.count, 1)) }

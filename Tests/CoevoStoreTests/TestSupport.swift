import Foundation
@testable import CoevoStore

/// A fresh directory under the system temporary directory, removed by `remove()`.
struct ScratchDirectory {
    let url: URL

    init(_ label: String = #function) throws {
        let safe = label.filter { $0.isLetter || $0.isNumber }
        url = FileManager.default.temporaryDirectory
            .appendingPathComponent("coevo-store-tests-\(safe)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    /// Sorted names of the entries in `sub` (the root when nil), hidden ones included.
    func contents(_ sub: String? = nil) throws -> [String] {
        let directory = sub.map { url.appendingPathComponent($0) } ?? url
        return try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted()
    }

    func remove() {
        try? FileManager.default.removeItem(at: url)
    }
}

/// Deterministic pseudo-random doubles (SplitMix64), so test data need no global RNG.
struct SplitMix {
    var state: UInt64

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A double with a wide spread of magnitudes and signs, finite.
    mutating func double() -> Double {
        let unit = Double(next() >> 11) / Double(1 << 53)
        let exponent = Double(Int(next() % 41) - 20)
        return (unit - 0.3) * pow(10, exponent)
    }
}

func sampleInfo(seed: UInt64 = 42, periods: Int = 80) -> RunInfo {
    RunInfo(scenario: "baseline", seed: seed, firms: 20_000, periods: periods, version: "0.1.0-test",
            parametersJSON: #"{"firms": 20000, "periods": 80, "platform": {"fee": 0.05}}"#)
}

func sampleSummary(seed: UInt64 = 42, periods: Int = 80) -> RunSummary {
    RunSummary(
        scenario: "baseline", seed: seed, periods: periods, firms: 20_000,
        stageEntry: ["1": 4, "2": 17, "3": nil, "4": nil],
        stageCCDEntry: ["1": 6, "2": nil, "3": nil, "4": nil],
        elasticityByStage: ["1": Interval(estimate: 0.31, ciLow: 0.2, ciHigh: 0.42), "2": nil, "3": nil, "4": nil],
        elasticityClusterByStage: ["1": Interval(estimate: 0.12, ciLow: .nan, ciHigh: 0.3), "2": nil, "3": nil, "4": nil],
        final: ["output.total": 1234.5, "stage": 2, "ccd.D": .infinity])
}

/// Equal as stored values: same bits, or both NaN.
func sameValue(_ a: Double, _ b: Double) -> Bool {
    (a.isNaN && b.isNaN) || a.bitPattern == b.bitPattern
}

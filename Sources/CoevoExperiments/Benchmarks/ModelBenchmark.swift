// Timing the model's mechanisms (DEVELOPERS.md: measure with a release-built bench command, never
// with timed assertions in tests). Used by `coevo bench` and the synchronous `coevo-bench`
// executable (for valgrind/callgrind, which cannot follow an async main).

import CoevoModel
import Foundation

public struct BenchmarkReport: Sendable {
    public var firms: Int, periods: Int, burnIn: Int, threads = 1
    public var firmQuarters: Double
    public var initSeconds: Double, burnInSeconds: Double, loopSeconds: Double, totalSeconds: Double
    public var peakMemoryMB: Double
    /// Live firms and collaboration links (edges) at the end, and the last quarter's stage; the
    /// most live firms in any reported quarter.
    public var finalFirms = 0, edges = 0, finalStage = 0, peakFirms = 0
    /// Bytes of firm state at the end, and one streaming read of that many bytes (seconds, bytes/s).
    public var stateBytes = 0, streamSeconds = Double.nan, streamBytesPerSecond = Double.nan
    /// Mechanism name → nanoseconds per firm-quarter, in schedule order.
    public var nanosecondsPerFirmQuarter: [(String, Double)]

    /// The model's time per firm-quarter over one streaming read's time per firm.
    public var streamRatio: Double { loopSeconds / firmQuarters / (streamSeconds / Double(max(finalFirms, 1))) }

    public var text: String {
        var lines = [
            String(format: "firms %d, quarters %d (+%d burn-in), firm-quarters %.4g, threads %d", firms, periods, burnIn, firmQuarters, threads),
            String(format: "init %.2f s, burn-in %.2f s, reported quarters %.2f s, total %.2f s", initSeconds, burnInSeconds, loopSeconds, totalSeconds),
            String(format: "peak memory %.0f MB (%.0f bytes per live firm at the peak of %d firms)", peakMemoryMB, peakMemoryMB * 1_048_576 / Double(max(peakFirms, 1)), peakFirms),
            "at the end: \(finalFirms) firms, \(edges) collaboration links, stage \(finalStage)",
            String(format: "stream bound: firm state %.1f MB (%.0f bytes per firm), one read pass %.2f ms (%.1f GB/s); a quarter takes %.1f read passes",
                   Double(stateBytes) / 1_048_576, Double(stateBytes) / Double(max(finalFirms, 1)), streamSeconds * 1e3, streamBytesPerSecond / 1e9, streamRatio),
            "ns per firm-quarter by mechanism:",
        ]
        for (name, ns) in nanosecondsPerFirmQuarter { lines.append("  " + name.padding(toLength: 14, withPad: " ", startingAt: 0) + String(format: "%8.1f", ns)) }
        lines.append("  " + "all".padding(toLength: 14, withPad: " ", startingAt: 0) + String(format: "%8.1f", loopSeconds * 1e9 / firmQuarters))
        return lines.joined(separator: "\n")
    }
}

public enum ModelBenchmark {
    public static func run(firms: Int, periods: Int, seed: UInt64, threads: Int = 1) -> BenchmarkReport {
        var p = Parameters(); p.firms = firms; p.periods = periods; p.bootstrapDraws = 0
        let clock = ContinuousClock()
        func seconds(_ d: Duration) -> Double { d.seconds }
        let start = clock.now
        var model = Model(parameters: p, seed: seed, threads: threads)
        let initTime = clock.now - start
        let burnStart = clock.now
        model.burnIn()
        let burnTime = clock.now - burnStart
        var observer = Observer()
        var timing: [String: Duration] = [:]
        var firmQuarters = 0.0, finalStage = 0
        let loopStart = clock.now
        var peakFirms = 0
        for _ in 0..<periods {
            firmQuarters += Double(model.firms.count)
            peakFirms = max(peakFirms, model.firms.count)
            for phase in Model.phasesBeforeObservation {
                let t = clock.now; phase.run(&model); timing[phase.name, default: .zero] += clock.now - t
            }
            let t = clock.now; let o = observer.observe(&model); timing["observation", default: .zero] += clock.now - t
            finalStage = Int(o.all[Observer.index["stage"]!])
            for phase in Model.phasesAfterObservation {
                let t = clock.now; phase.run(&model); timing[phase.name, default: .zero] += clock.now - t
            }
        }
        let loop = clock.now - loopStart
        let names = Model.phasesBeforeObservation.map(\.name) + ["observation"] + Model.phasesAfterObservation.map(\.name)
        var degrees = 0
        for s in 0..<model.firms.count { degrees += Int(model.firms.degree[s]) }
        var report = BenchmarkReport(firms: firms, periods: periods, burnIn: p.burnIn, firmQuarters: firmQuarters,
                               initSeconds: seconds(initTime), burnInSeconds: seconds(burnTime), loopSeconds: seconds(loop),
                               totalSeconds: seconds(clock.now - start), peakMemoryMB: peakMemoryMB(),
                               nanosecondsPerFirmQuarter: names.map { ($0, seconds(timing[$0] ?? .zero) * 1e9 / firmQuarters) })
        report.finalFirms = model.firms.count; report.edges = degrees / 2; report.finalStage = finalStage
        report.peakFirms = peakFirms; report.threads = model.threads
        report.stateBytes = model.firms.stateBytes
        (report.streamSeconds, report.streamBytesPerSecond) = StreamBandwidth.readPass(bytes: report.stateBytes)
        return report
    }

    /// Peak resident memory of this process (VmHWM), MB; NaN where /proc is unavailable.
    public static func peakMemoryMB() -> Double {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return .nan }
        for line in status.split(separator: "\n") where line.hasPrefix("VmHWM:") {
            return (line.split(separator: " ").compactMap { Double($0) }.first ?? .nan) / 1024
        }
        return .nan
    }
}

import CoevoFiles
import Foundation
import Testing
@testable import CoevoStore

@Suite struct SeriesCSVTests {
    func writeTiny(to directory: URL) throws {
        let writer = try RunWriter(directory: directory, info: sampleInfo(periods: 2), panel: false)
        try writer.recordPeriod(0, series: [
            SeriesValue(unit: "all", metric: "b.metric", value: 0.1),
            SeriesValue(unit: "region:1", metric: "b.metric", value: 99),
            SeriesValue(unit: "all", metric: "a,odd \"name\"", value: 2),
            SeriesValue(unit: "all", metric: "c", value: 0.1 + 0.2),
        ])
        try writer.recordPeriod(1, series: [
            SeriesValue(unit: "all", metric: "b.metric", value: 1e-5),
            SeriesValue(unit: "cluster:7", metric: "b.metric", value: 5),
        ])
        try writer.recordPeriod(1, series: [
            SeriesValue(unit: "all", metric: "a,odd \"name\"", value: .nan),
            SeriesValue(unit: "all", metric: "c", value: -1e16),
            SeriesValue(unit: "all", metric: "d", value: -.infinity),
            SeriesValue(unit: "all", metric: "e", value: 1.0 / 3.0),
            SeriesValue(unit: "all", metric: "f", value: -0.0),
            SeriesValue(unit: "all", metric: "g", value: Double.leastNonzeroMagnitude),
        ])
        try writer.finish(summary: sampleSummary(periods: 2))
    }

    @Test func exactBytesForTinyRun() throws {
        let scratch = try ScratchDirectory()
        defer { scratch.remove() }
        try writeTiny(to: scratch.url)
        let text = try String(contentsOf: scratch.url.appendingPathComponent(RunFiles.series), encoding: .utf8)
        #expect(text == #"""
            period,metric,value
            0,b.metric,0.1
            0,"a,odd ""name""",2.0
            0,c,0.30000000000000004
            1,b.metric,1e-05
            1,"a,odd ""name""",NaN
            1,c,-1e+16
            1,d,-Inf
            1,e,0.3333333333333333
            1,f,-0.0
            1,g,5e-324

            """#)
    }

    @Test func identicalInputsGiveIdenticalFiles() throws {
        let scratch = try ScratchDirectory()
        defer { scratch.remove() }
        let a = scratch.url.appendingPathComponent("a"), b = scratch.url.appendingPathComponent("b")
        for directory in [a, b] {
            let writer = try RunWriter(directory: directory, info: sampleInfo(), panel: false)
            for (period, values) in RunWriterTests.makeSeries(periods: 30, metrics: 40).enumerated() {
                try writer.recordPeriod(period, series: values)
            }
            try writer.finish(summary: sampleSummary())
        }
        let fileA = try Data(contentsOf: a.appendingPathComponent(RunFiles.series))
        let fileB = try Data(contentsOf: b.appendingPathComponent(RunFiles.series))
        #expect(fileA == fileB)
        #expect(fileA.count > 30 * 40 * 10)
    }

    /// Every finite value printed reads back as exactly the same double, and the rows are the `all`
    /// unit in recorded order.
    @Test func valuesRoundTripExactly() throws {
        let scratch = try ScratchDirectory()
        defer { scratch.remove() }
        let recorded = RunWriterTests.makeSeries(periods: 20, metrics: 50)
        let writer = try RunWriter(directory: scratch.url, info: sampleInfo(), panel: false)
        for (period, values) in recorded.enumerated() { try writer.recordPeriod(period, series: values) }
        try writer.finish(summary: sampleSummary())
        let lines = try String(contentsOf: scratch.url.appendingPathComponent(RunFiles.series), encoding: .utf8)
            .split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.first == "period,metric,value")
        #expect(lines.last == "")
        let expected = recorded.enumerated().flatMap { period, values in
            values.filter { $0.unit == "all" }.map { (period, $0.metric, $0.value) }
        }
        let rows = lines.dropFirst().dropLast()
        #expect(rows.count == expected.count)
        for (line, (period, metric, value)) in zip(rows, expected) {
            let fields = line.split(separator: ",")
            #expect(fields.count == 3)
            #expect(Int(fields[0]) == period && String(fields[1]) == metric)
            let parsed: Double? = switch fields[2] {
            case "NaN": .nan
            case "Inf": .infinity
            case "-Inf": -.infinity
            default: Double(fields[2])
            }
            #expect(parsed.map { sameValue($0, value) } == true, "\(line)")
        }
    }

    @Test func numberAndFieldFormatting() {
        #expect(CSVFormat.number(100) == "100.0")
        #expect(CSVFormat.number(.infinity) == "Inf")
        #expect(CSVFormat.number(-.nan) == "NaN")
        #expect(CSVFormat.number(123456789.125) == "123456789.125")
        #expect(CSVFormat.field("plain.name") == "plain.name")
        #expect(CSVFormat.field("line\nbreak") == "\"line\nbreak\"")
    }
}

import Foundation
import Testing
@testable import CoevoStore

/// Issue 10 item 7: every output of a run is staged and published together.
@Suite struct PublishingTests {
    func visible(_ url: URL) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: url.path).filter { !$0.hasPrefix(".") }.sorted()
    }

    @Test func stagedOutputsArePublishedTogetherAndEarlierRunsFilesRemovedFirst() throws {
        let scratch = try ScratchDirectory()
        defer { scratch.remove() }
        // An earlier run with sizes.csv and report.html.
        let first = try RunWriter(directory: scratch.url, info: sampleInfo(seed: 1), panel: false)
        try first.recordPeriod(0, series: [SeriesValue(unit: "all", metric: "x", value: 1)])
        try first.finish(summary: sampleSummary(seed: 1)) { staging in
            try Data("firm,online_revenue\n1,2\n".utf8).write(to: staging.appendingPathComponent("sizes.csv"))
            try Data("<html>old</html>".utf8).write(to: staging.appendingPathComponent("report.html"))
        }
        let all = ["report.html", "run.sqlite", "series.csv", "sizes.csv", "summary.json"]
        #expect(try visible(scratch.url) == all)
        #expect(try scratch.contents().filter { $0.hasPrefix(".") } == [])

        // A second run: while it records and stages, the directory shows only the first run.
        let second = try RunWriter(directory: scratch.url, info: sampleInfo(seed: 2), panel: false)
        try second.recordPeriod(0, series: [SeriesValue(unit: "all", metric: "x", value: 2)])
        #expect(try visible(scratch.url) == all)
        var seenDuringStage: [String] = []
        var stagedSummary: RunSummary?
        try second.finish(summary: sampleSummary(seed: 2)) { staging in
            seenDuringStage = try visible(scratch.url)
            // The staging directory holds a complete run, marked finished, under the final names.
            stagedSummary = try RunSummary.read(from: staging.appendingPathComponent(RunFiles.summary))
            #expect(try RunDatabase(path: staging.appendingPathComponent(RunFiles.database)).runs().first?.status == RunStatus.finished)
            try Data("<html>new</html>".utf8).write(to: staging.appendingPathComponent("report.html"))
        }
        #expect(seenDuringStage == all)
        #expect(stagedSummary?.seed == 2)
        // The earlier sizes.csv is gone (this run wrote none); report.html is the new one.
        #expect(try visible(scratch.url) == ["report.html", "run.sqlite", "series.csv", "summary.json"])
        #expect(try String(contentsOf: scratch.url.appendingPathComponent("report.html"), encoding: .utf8) == "<html>new</html>")
        #expect(try scratch.contents().filter { $0.hasPrefix(".") } == [])
    }

    @Test func failingStageLeavesTheEarlierRunUntouched() throws {
        let scratch = try ScratchDirectory()
        defer { scratch.remove() }
        let first = try RunWriter(directory: scratch.url, info: sampleInfo(seed: 1), panel: false)
        try first.finish(summary: sampleSummary(seed: 1))
        let before = try visible(scratch.url).map { try Data(contentsOf: scratch.url.appendingPathComponent($0)) }
        struct Boom: Error {}
        let second = try RunWriter(directory: scratch.url, info: sampleInfo(seed: 2), panel: false)
        #expect(throws: Boom.self) { try second.finish(summary: sampleSummary(seed: 2)) { _ in throw Boom() } }
        #expect(try visible(scratch.url).map { try Data(contentsOf: scratch.url.appendingPathComponent($0)) } == before)
        #expect(try scratch.contents().filter { $0.hasPrefix(".") } == [])
    }
}

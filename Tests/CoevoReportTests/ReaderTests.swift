import Foundation
import Testing
@testable import CoevoReport

/// A class suite so that `deinit` removes the files each test wrote.
final class ReaderTests {
    var directories: [URL] = []
    deinit { for d in directories { try? FileManager.default.removeItem(at: d) } }

    func write(_ text: String, _ name: String) throws -> URL {
        let dir = SyntheticRun.tempDirectory("reader-\(UUID().uuidString)")
        directories.append(dir)
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let url = dir.appendingPathComponent(name)
        try text.write(to: url, atomically: true, encoding: .utf8)
        return url
    }

    func error(_ body: () throws -> Void) -> String? {
        do { try body(); return nil } catch let e as ReportError { return e.description } catch { return "\(error)" }
    }

    @Test func seriesParsesSpecialValues() throws {
        let url = try write("\u{FEFF}period,metric,value\r\n0,a,1.5\r\n1,a,nan\r\n\r\n2,a,\n0,\"b\",-inf\n", "series.csv")
        let t = try SeriesTable.read(url)
        #expect(t.periods == [0, 1, 2])
        #expect(t.value("a", period: 0) == 1.5)
        #expect(t.value("a", period: 1)!.isNaN && t.value("a", period: 2)!.isNaN)
        #expect(t.value("b", period: 0) == -.infinity)
        #expect(t.column("b").count == 3 && t.column("b")[1].isNaN)
        #expect(t.points("missing") == nil)
    }

    @Test func seriesErrorsNameFileAndLine() throws {
        let bad = [
            ("time,metric,value\n", "line 1: expected header 'period,metric,value', found 'time,metric,value'"),
            ("period,metric,value\n0,a,1\nx,a,2\n", "line 3: expected an integer period, found 'x'"),
            ("period,metric,value\n0,a,1,2\n", "line 2: expected 3 fields"),
            ("period,metric,value\n0,a,abc\n", "line 2: expected a number for 'a', found 'abc'"),
            ("", "expected header 'period,metric,value', found an empty file"),
        ]
        for (text, expected) in bad {
            let message = error { _ = try SeriesTable.read(try write(text, "series.csv")) }
            #expect(message?.contains(expected) == true, "\(message ?? "no error")")
            #expect(message?.contains("series.csv") == true)
        }
    }

    @Test func summaryErrorsNameTheKey() throws {
        let cases = [
            (#"{"scenario":"s","periods":1,"firms":1}"#, "key 'seed': expected it to be present"),
            (#"{"scenario":"s","seed":1,"periods":"x","firms":1}"#, "key 'periods': expected an integer"),
            (#"{"scenario":"s","seed":1,"periods":1,"firms":1,"stage_entry":{"1":"soon"}}"#, "key 'stage_entry.1'"),
            (#"{"scenario": "#, "expected valid JSON"),
        ]
        for (text, expected) in cases {
            let message = error { _ = try RunSummary.read(try write(text, "summary.json")) }
            #expect(message?.contains(expected) == true, "\(message ?? "no error")")
            #expect(message?.contains("summary.json") == true)
            #expect(message?.contains("\n") == false)
        }
        let ok = try RunSummary.read(try write(#"{"scenario":"s","seed":-3,"periods":4,"firms":5,"stage_entry":{"1":2,"2":null},"final":{"x":null,"y":1.5},"calendar_start_year":2009,"village_scale":12.5}"#, "summary.json"))
        #expect(ok.seed == "-3" && ok.stageEntry?["1"] == .some(2) && ok.stageEntry?["2"] == .some(nil))
        #expect(ok.final?["y"] == .some(1.5) && ok.calendarStartYear == 2009 && ok.villageScale == 12.5)
    }

    @Test func sizesCCDFByHand() throws {
        let url = try write("firm,online_revenue\n1,0\n2,5\n3,1\n4,5\n5,2\n6,-1\n7,nan\n", "sizes.csv")
        let d = try SizeDistribution.read(url)
        #expect(d.positiveCount == 4)
        // positive: 5, 5, 2, 1 → P(X ≥ 5) = 2/4, P(X ≥ 2) = 3/4, P(X ≥ 1) = 1
        #expect(d.ccdf() == [Point(5, 0.5), Point(2, 0.75), Point(1, 1)])
        #expect(SizeDistribution(revenues: [0, -2]).ccdf().isEmpty)
        let wrong = error { _ = try SizeDistribution.read(try write("firm,revenue\n", "sizes.csv")) }
        #expect(wrong?.contains("expected header 'firm,online_revenue'") == true)
    }

    @Test func ccdfThinningKeepsEnds() {
        let d = SizeDistribution(revenues: (1...10_000).map(Double.init))
        let pts = d.ccdf(maxPoints: 200)
        #expect(pts.count <= 202 && pts.count > 100)
        #expect(pts.first == Point(10_000, 0.0001) && pts.last == Point(1, 1))
        #expect(zip(pts, pts.dropFirst()).allSatisfy { $0.x > $1.x && $0.y < $1.y })
    }

    /// Reference values from scripts/crosscheck/report_loglog_fit.py (numpy.polyfit).
    @Test func logLogFitMatchesNumpy() throws {
        let xs: [Double] = [1, 2, 4, 8, 16, 32, 0, -3]
        let ys: [Double] = [5, 4.3, 3.9, 3.2, 3.0, 2.6, 1, 2]
        let fit = try #require(LogLogFit(zip(xs, ys).map { Point($0, $1) }))
        #expect(fit.n == 6)
        #expect(abs(fit.slope - -0.1874459158374615) < 1e-12)
        #expect(abs(fit.intercept - 1.599203025470607) < 1e-12)
        #expect(LogLogFit([Point(2, 3), Point(2, 5)]) == nil)
        #expect(LogLogFit([Point(2, 3)]) == nil)
    }
}

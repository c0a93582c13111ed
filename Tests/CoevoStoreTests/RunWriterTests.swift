import Foundation
import GRDB
import Testing
@testable import CoevoStore

@Suite struct RunWriterTests {
    static let units = ["all", "region:3", "cluster:7"]

    /// 80 periods × 60 metrics × 3 units, with a NaN and infinities among the values.
    static func makeSeries(periods: Int = 80, metrics: Int = 60) -> [[SeriesValue]] {
        var random = SplitMix(state: 7)
        return (0..<periods).map { period in
            units.flatMap { unit in
                (0..<metrics).map { m -> SeriesValue in
                    var value = random.double()
                    if period == 3 && m == 5 { value = .nan }
                    if period == 4 && m == 6 { value = -.infinity }
                    if period == 5 && m == 7 { value = .infinity }
                    if period == 6 && m == 8 { value = -0.0 }
                    return SeriesValue(unit: unit, metric: "metric.\(m)", value: value)
                }
            }
        }
    }

    @Test func roundTripSeriesEventsAndRun() throws {
        let scratch = try ScratchDirectory()
        defer { scratch.remove() }
        let info = sampleInfo(seed: UInt64.max - 4)
        let writer = try RunWriter(directory: scratch.url, info: info, panel: false)
        let recorded = Self.makeSeries()
        let events = [
            RunEvent(period: 4, kind: "stage.enter", detail: "stage 1 entered"),
            RunEvent(period: 17, kind: "stage.enter", detail: "stage 2, with \"quotes\", commas\nand a newline"),
            RunEvent(period: 17, kind: "lockin", detail: ""),
        ]
        for (period, values) in recorded.enumerated() {
            try writer.recordPeriod(period, series: values)
            for event in events where event.period == period { try writer.recordEvent(event) }
        }
        try writer.finish(summary: sampleSummary(seed: info.seed))

        let database = try RunDatabase(path: scratch.url.appendingPathComponent(RunFiles.database))
        let runs = try database.runs()
        #expect(runs.count == 1)
        let run = try #require(runs.first)
        #expect(run.id == writer.runID)
        #expect(run.scenario == info.scenario)
        #expect(run.seed == info.seed)
        #expect(run.firms == info.firms && run.periods == info.periods)
        #expect(run.version == info.version && run.parametersJSON == info.parametersJSON)
        #expect(run.status == RunStatus.finished)
        #expect(run.finished != nil)
        #expect(run.started.hasSuffix("Z") && run.started.count == 20)

        #expect(try database.units(runID: run.id) == Self.units.sorted())
        for (u, unit) in Self.units.enumerated() {
            let series = try database.series(runID: run.id, unit: unit)
            #expect(series.count == 60)
            for m in 0..<60 {
                let stored = try #require(series["metric.\(m)"])
                #expect(stored.count == 80)
                // SQLite stores a REAL that equals an integer in integer form, so -0.0 reads back as 0.0.
                let expected = recorded.map { $0[u * 60 + m].value == 0 ? 0.0 : $0[u * 60 + m].value }
                #expect(zip(stored, expected).allSatisfy(sameValue), "unit \(unit) metric.\(m)")
            }
        }
        let single = try database.series(runID: run.id, metric: "metric.5", unit: "all")
        #expect(single.count == 80 && single[3].isNaN && sameValue(single[0], recorded[0][5].value))
        #expect(try database.series(runID: run.id, metric: "no.such.metric").isEmpty)
        #expect(try database.series(runID: run.id, unit: "region:99").isEmpty)
        #expect(try database.events(runID: run.id) == events)
        #expect(try database.hasPanel() == false)
    }

    /// A run.sqlite written before the panel carried the regression's columns still reads: the
    /// missing columns come back as industry and stage −1, regressors NaN.
    @Test func olderPanelTablesReadWithoutTheRegressionColumns() throws {
        let scratch = try ScratchDirectory()
        defer { scratch.remove() }
        let path = scratch.url.appendingPathComponent(RunFiles.database)
        let costs = PanelRow.componentNames.map { "cost_\($0) REAL" }.joined(separator: ", ")
        try DatabaseQueue(path: path.path).write { db in
            try db.execute(sql: """
                CREATE TABLE runs (id INTEGER PRIMARY KEY, scenario TEXT NOT NULL, seed INTEGER NOT NULL,
                    firms INTEGER NOT NULL, periods INTEGER NOT NULL, status TEXT NOT NULL, started TEXT NOT NULL,
                    finished TEXT, version TEXT NOT NULL, parameters TEXT NOT NULL);
                INSERT INTO runs VALUES (1, 'baseline', 1, 500, 4, 'finished', 'x', 'y', 'old', '{}');
                CREATE TABLE panel (run_id INTEGER NOT NULL, id INTEGER NOT NULL, period INTEGER NOT NULL,
                    cluster INTEGER NOT NULL, role TEXT NOT NULL, channels TEXT NOT NULL, output REAL,
                    average_cost REAL, \(costs));
                INSERT INTO panel VALUES (1, 7, 2, 3, 'maker', 'retail', 1.5, 0.9, 0.5, 0.1, 0.05, 0.05, 0.1, 0.05, 0.05);
                """)
        }
        let rows = try RunDatabase(path: path).panel(runID: 1)
        #expect(rows.count == 1)
        let row = try #require(rows.first)
        #expect(row.firm == 7 && row.period == 2 && row.cluster == 3 && row.output == 1.5 && row.components.count == 7)
        #expect(row.industry == -1 && row.stage == -1 && row.reachableOutput.isNaN && row.clusterOutput.isNaN)
    }

    @Test func panelTableOnlyWithPanel() throws {
        let scratch = try ScratchDirectory()
        defer { scratch.remove() }
        let rows = (0..<25).map { (i: Int) -> PanelRow in
            let x = Double(i)
            let role = i % 2 == 0 ? "maker" : "trader"
            let components: [Double] = [0.5, 0.1, 0.05, 0.05, 0.1, 0.05, 0.05 + x / 100]
            return PanelRow(firm: UInt32(1000 + i), period: i / 5, cluster: i % 3, role: role,
                            channels: "retail+b2b", output: x * 1.5, averageCost: 0.9 + x / 100, components: components,
                            industry: i % 4, stage: i / 6, reachableOutput: 100 + x, clusterOutput: 50 + x / 2)
        }
        let withPanel = scratch.url.appendingPathComponent("with")
        let writer = try RunWriter(directory: withPanel, info: sampleInfo(), panel: true)
        try writer.recordPeriod(0, series: [SeriesValue(unit: "all", metric: "x", value: 1)])
        try writer.recordPanel(rows)
        try writer.finish(summary: sampleSummary())
        let database = try RunDatabase(path: withPanel.appendingPathComponent(RunFiles.database))
        #expect(try database.hasPanel())
        #expect(try database.panel(runID: writer.runID) == rows)
        let columns = try DatabaseQueue(path: withPanel.appendingPathComponent(RunFiles.database).path)
            .read { db in try db.columns(in: "panel").map(\.name) }
        #expect(columns == ["run_id", "id", "period", "cluster", "role", "channels", "output", "average_cost",
                            "cost_production", "cost_logistics", "cost_finance", "cost_transaction", "cost_fees",
                            "cost_inventory", "cost_fixed", "industry", "stage", "reachable_output", "cluster_output"])

        let withoutPanel = scratch.url.appendingPathComponent("without")
        let plain = try RunWriter(directory: withoutPanel, info: sampleInfo(), panel: false)
        #expect(throws: StoreError.self) { try plain.recordPanel(rows) }
        try plain.finish(summary: sampleSummary())
        let plainDatabase = try RunDatabase(path: withoutPanel.appendingPathComponent(RunFiles.database))
        #expect(try plainDatabase.hasPanel() == false)
        #expect(throws: StoreError.self) { try plainDatabase.panel(runID: plain.runID) }
    }

    @Test func schemaMatchesInterface() throws {
        let scratch = try ScratchDirectory()
        defer { scratch.remove() }
        let writer = try RunWriter(directory: scratch.url, info: sampleInfo(), panel: false)
        try writer.finish(summary: sampleSummary())
        let queue = try DatabaseQueue(path: scratch.url.appendingPathComponent(RunFiles.database).path)
        try queue.read { db in
            #expect(try db.columns(in: "runs").map(\.name) == [
                "id", "scenario", "seed", "firms", "periods", "status", "started", "finished", "version", "parameters"])
            #expect(try db.columns(in: "series").map(\.name) == ["run_id", "period", "unit", "metric", "value"])
            #expect(try db.columns(in: "events").map(\.name) == ["run_id", "period", "kind", "detail"])
            let index = try #require(try db.indexes(on: "series").first { $0.name == RunSchema.seriesIndex })
            #expect(index.columns == ["run_id", "metric", "unit", "period"])
            #expect(try RunSchema.migrator(panel: false).hasCompletedMigrations(db))
        }
    }

    @Test func walModeOnFinishedDatabase() throws {
        let scratch = try ScratchDirectory()
        defer { scratch.remove() }
        let writer = try RunWriter(directory: scratch.url, info: sampleInfo(), panel: false)
        try writer.recordPeriod(0, series: [SeriesValue(unit: "all", metric: "x", value: 1)])
        try writer.finish(summary: sampleSummary())
        let database = try RunDatabase(path: scratch.url.appendingPathComponent(RunFiles.database))
        #expect(try database.journalMode() == "wal")
    }

    @Test func statusIsRunningUntilFinish() throws {
        let scratch = try ScratchDirectory()
        defer { scratch.remove() }
        let writer = try RunWriter(directory: scratch.url, info: sampleInfo(), panel: false)
        try writer.recordPeriod(0, series: [SeriesValue(unit: "all", metric: "x", value: 1)])
        let partial = try RunDatabase(path: writer.stagingDirectory.appendingPathComponent(RunFiles.database))
        let running = try #require(try partial.runs().first)
        #expect(running.status == RunStatus.running)
        #expect(running.finished == nil)
        try writer.finish(summary: sampleSummary())
        let finished = try #require(try RunDatabase(path: scratch.url.appendingPathComponent(RunFiles.database)).runs().first)
        #expect(finished.status == RunStatus.finished)
        #expect(finished.finished != nil && finished.finished! >= finished.started)
        // The CHECK constraint admits no other status.
        let queue = try DatabaseQueue(path: scratch.url.appendingPathComponent(RunFiles.database).path)
        #expect(throws: DatabaseError.self) {
            try queue.write { try $0.execute(sql: "UPDATE runs SET status = 'done'") }
        }
    }

    @Test func nothingFinalBeforeFinishAndAfterAbandon() throws {
        let scratch = try ScratchDirectory()
        defer { scratch.remove() }
        let finals = [RunFiles.database, RunFiles.series, RunFiles.summary]
        let writer = try RunWriter(directory: scratch.url, info: sampleInfo(), panel: true)
        for (period, values) in Self.makeSeries(periods: 60).enumerated() {
            try writer.recordPeriod(period, series: values)
        }
        let during = try scratch.contents()
        #expect(during.allSatisfy { $0.hasPrefix(".") }, "\(during)")
        #expect(!RunFiles.isComplete(scratch.url))
        writer.abandon()
        #expect(try scratch.contents() == [])
        writer.abandon()  // idempotent
        #expect(throws: StoreError.self) { try writer.recordPeriod(61, series: []) }
        #expect(throws: StoreError.self) { try writer.finish(summary: sampleSummary()) }

        let second = try RunWriter(directory: scratch.url, info: sampleInfo(), panel: false)
        try second.recordPeriod(0, series: [SeriesValue(unit: "all", metric: "x", value: 1)])
        #expect(try scratch.contents().allSatisfy { !finals.contains($0) })
        try second.finish(summary: sampleSummary())
        #expect(try scratch.contents() == finals.sorted())
        #expect(RunFiles.isComplete(scratch.url))
        #expect(throws: StoreError.self) { try second.recordPeriod(1, series: []) }
    }

    @Test func droppedWriterRemovesTemporaries() throws {
        let scratch = try ScratchDirectory()
        defer { scratch.remove() }
        do {
            let writer = try RunWriter(directory: scratch.url.appendingPathComponent("a/b"), info: sampleInfo(), panel: false)
            try writer.recordPeriod(0, series: [SeriesValue(unit: "all", metric: "x", value: 1)])
            #expect(try !scratch.contents("a/b").isEmpty)
        }
        #expect(try scratch.contents("a/b") == [])
    }

    @Test func earlierRunIsReplacedOnlyAtFinish() throws {
        let scratch = try ScratchDirectory()
        defer { scratch.remove() }
        let first = try RunWriter(directory: scratch.url, info: sampleInfo(seed: 1), panel: false)
        try first.recordPeriod(0, series: [SeriesValue(unit: "all", metric: "x", value: 1)])
        try first.finish(summary: sampleSummary(seed: 1))
        let names = [RunFiles.database, RunFiles.series, RunFiles.summary]
        let before = try names.map { try Data(contentsOf: scratch.url.appendingPathComponent($0)) }

        // An abandoned second run leaves the first one byte for byte.
        let abandoned = try RunWriter(directory: scratch.url, info: sampleInfo(seed: 2), panel: false)
        try abandoned.recordPeriod(0, series: [SeriesValue(unit: "all", metric: "x", value: 2)])
        #expect(try names.map { try Data(contentsOf: scratch.url.appendingPathComponent($0)) } == before)
        abandoned.abandon()
        #expect(try names.map { try Data(contentsOf: scratch.url.appendingPathComponent($0)) } == before)
        #expect(try scratch.contents() == names.sorted())

        // A finished second run replaces all three files.
        let second = try RunWriter(directory: scratch.url, info: sampleInfo(seed: 2), panel: false)
        try second.recordPeriod(0, series: [SeriesValue(unit: "all", metric: "x", value: 2)])
        try second.finish(summary: sampleSummary(seed: 2))
        #expect(try scratch.contents() == names.sorted())
        let database = try RunDatabase(path: scratch.url.appendingPathComponent(RunFiles.database))
        #expect(try database.runs().map(\.seed) == [2])
        #expect(try database.series(runID: second.runID)["x"] == [2])
        #expect(try RunSummary.read(from: scratch.url.appendingPathComponent(RunFiles.summary)).seed == 2)
        #expect(try String(contentsOf: scratch.url.appendingPathComponent(RunFiles.series), encoding: .utf8)
                == "period,metric,value\n0,x,2.0\n")
    }

    @Test func rejectsBadInputWithOneLineErrors() throws {
        let scratch = try ScratchDirectory()
        defer { scratch.remove() }
        var info = sampleInfo()
        info.parametersJSON = "[1, 2]"
        do {
            _ = try RunWriter(directory: scratch.url, info: info, panel: false)
            Issue.record("non-object parameters accepted")
        } catch let error as StoreError {
            #expect(error.description.contains("parametersJSON"))
        }

        let writer = try RunWriter(directory: scratch.url, info: sampleInfo(), panel: true)
        defer { writer.abandon() }
        try writer.recordPeriod(2, series: [SeriesValue(unit: "all", metric: "x", value: 1)])
        var errors: [StoreError] = []
        func expectError(_ body: () throws -> Void) {
            do { try body(); Issue.record("accepted bad input") } catch let error as StoreError { errors.append(error) } catch {
                Issue.record("unexpected error type \(error)")
            }
        }
        expectError { try writer.recordPeriod(1, series: []) }
        expectError { try writer.recordPeriod(-1, series: []) }
        expectError { try writer.recordPeriod(2, series: [SeriesValue(unit: "all", metric: "x", value: 3)]) }
        expectError {
            try writer.recordPeriod(3, series: [SeriesValue(unit: "all", metric: "y", value: 1),
                                                SeriesValue(unit: "all", metric: "y", value: 2)])
        }
        expectError { try writer.recordPeriod(3, series: [SeriesValue(unit: "", metric: "y", value: 1)]) }
        expectError {
            try writer.recordPanel([PanelRow(firm: 1, period: 2, cluster: 0, role: "maker", channels: "",
                                             output: 1, averageCost: 1, components: [1, 2, 3], industry: 0, stage: 0,
                                             reachableOutput: 1, clusterOutput: 1)])
        }
        expectError { try writer.recordEvent(RunEvent(period: 2, kind: "", detail: "x")) }
        #expect(errors.count == 7)
        #expect(errors.allSatisfy { !$0.description.contains("\n") && !$0.description.isEmpty })
        #expect(errors[0].description.contains("found 1"))
        #expect(errors[2].description.contains("'x'"))
        #expect(errors[5].description.contains("found 3"))
        // A rejected call records nothing: period 3 may still take y once.
        try writer.recordPeriod(3, series: [SeriesValue(unit: "all", metric: "y", value: 1)])
        #expect(StoreError("two\nlines").description == "two lines")
    }

    @Test func databaseOpenErrors() throws {
        let scratch = try ScratchDirectory()
        defer { scratch.remove() }
        let missing = scratch.url.appendingPathComponent("missing.sqlite")
        #expect(throws: StoreError.self) { try RunDatabase(path: missing) }
        let other = scratch.url.appendingPathComponent("other.sqlite")
        try DatabaseQueue(path: other.path).write { try $0.execute(sql: "CREATE TABLE t (x)") }
        do {
            _ = try RunDatabase(path: other)
            Issue.record("a database without runs table was accepted")
        } catch let error as StoreError {
            #expect(error.description.contains("runs table"))
        }
    }
}

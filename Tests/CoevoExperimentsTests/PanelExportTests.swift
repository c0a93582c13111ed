// The `--panel` table is the firm panel users take to Stata or R: it carries everything the
// external-economies regression reads, so the run's β_s can be re-estimated from the file alone.

import CoevoMeasure
import CoevoStore
import Foundation
import Testing

@Suite struct PanelExportTests {
    /// A run with `--panel`: the exported rows (ln(average cost − fixed cost), ln reachable output,
    /// ln cluster output, ln output, firm, industry × period, cluster, each period's stage) give the
    /// same β_s as summary.json, for both regressors, to the last digits.
    @Test func exportedPanelReproducesTheRunsElasticities() throws {
        let out = temporaryDirectory().appendingPathComponent("panel-run")
        let r = try coevo(["run", "--firms", "1500", "--periods", "64", "--seed", "3", "--panel",
                           "--set", "observe.bootstrap_draws=0", "--out", out.path, "--quiet", "--no-report"])
        #expect(r.status == 0, "\(r.stderr)")
        let database = try RunDatabase(path: out.appendingPathComponent(RunFiles.database))
        let runID = try #require(try database.runs().first?.id)
        let rows = try database.panel(runID: runID)
        #expect(rows.count > 10_000)
        #expect(rows.allSatisfy { $0.industry >= 0 && (0...4).contains($0.stage) && $0.reachableOutput >= $0.clusterOutput })
        let summary = try JSONDecoder().decode(RunSummary.self, from: Data(contentsOf: out.appendingPathComponent(RunFiles.summary)))

        let periods = (rows.map(\.period).max() ?? 0) + 1
        var stageOfPeriod = [Int](repeating: 0, count: periods)
        for row in rows { stageOfPeriod[row.period] = row.stage }
        func reestimate(_ regressor: (PanelRow) -> Double) throws -> [Int: Double] {
            let used = rows.filter { $0.averageCost - $0.components[6] > 0 && regressor($0) > 0 && $0.output > 0 }
            let panel = ExternalityPanel(
                logAVC: used.map { log($0.averageCost - $0.components[6]) }, logReach: used.map { log(regressor($0)) },
                logOutput: used.map { log($0.output) }, firm: used.map { Int32(bitPattern: $0.firm) },
                group: used.map { Int32($0.industry) }, period: used.map { Int32($0.period) },
                cluster: used.map { Int32($0.cluster) }, stageOfPeriod: stageOfPeriod)
            return try estimateExternality(panel, bootstrapDraws: 0).byStage.mapValues(\.estimate)
        }
        let reach = try reestimate(\.reachableOutput), cluster = try reestimate(\.clusterOutput)
        for (regressor, stored) in [(reach, summary.elasticityByStage), (cluster, summary.elasticityClusterByStage)] {
            let storedEstimates = stored.compactMapValues { $0?.estimate }
            #expect(storedEstimates.count >= 3, "\(stored)")
            for (stage, value) in storedEstimates {
                let again = try #require(regressor[Int(stage)!], "stage \(stage)")
                #expect(abs(again - value) <= 1e-9 * max(1, abs(value)), "stage \(stage): \(again) vs \(value)")
            }
        }
    }
}

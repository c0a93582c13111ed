import Foundation
import Testing
@testable import CoevoStore

@Suite struct RunSummaryTests {
    func parsed(_ summary: RunSummary) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: summary.jsonData()) as? [String: Any])
    }

    @Test func exactKeyNamesAndNulls() throws {
        let json = try parsed(sampleSummary())
        #expect(Set(json.keys) == ["scenario", "seed", "periods", "firms", "stage_entry", "stage_ccd_entry",
                                   "elasticity_by_stage", "elasticity_cluster_by_stage", "final"])
        #expect(json["scenario"] as? String == "baseline")
        #expect((json["seed"] as? NSNumber)?.uint64Value == 42)
        let stages = try #require(json["stage_entry"] as? [String: Any])
        #expect(Set(stages.keys) == ["1", "2", "3", "4"])
        #expect((stages["1"] as? NSNumber)?.intValue == 4)
        #expect(stages["3"] is NSNull && stages["4"] is NSNull)
        let ccd = try #require(json["stage_ccd_entry"] as? [String: Any])
        #expect(Set(ccd.keys) == ["1", "2", "3", "4"] && ccd["2"] is NSNull)
        let beta = try #require(json["elasticity_by_stage"] as? [String: Any])
        #expect(Set(beta.keys) == ["1", "2", "3", "4"] && beta["2"] is NSNull)
        let first = try #require(beta["1"] as? [String: Any])
        #expect(Set(first.keys) == ["estimate", "ci_low", "ci_high"])
        #expect((first["ci_high"] as? NSNumber)?.doubleValue == 0.42)
        let cluster = try #require(json["elasticity_cluster_by_stage"] as? [String: Any])
        let clusterFirst = try #require(cluster["1"] as? [String: Any])
        #expect(clusterFirst["ci_low"] is NSNull)  // NaN → null
        let final = try #require(json["final"] as? [String: Any])
        #expect(final["ccd.D"] is NSNull)  // infinity → null
        #expect((final["output.total"] as? NSNumber)?.doubleValue == 1234.5)
    }

    @Test func sortedPrettyAndNewlineTerminated() throws {
        let text = try #require(String(data: try sampleSummary().jsonData(), encoding: .utf8))
        #expect(text.hasSuffix("}\n"))
        #expect(text.contains("\n  \"elasticity_by_stage\""))
        let topLevel = ["elasticity_by_stage", "elasticity_cluster_by_stage", "final", "firms", "periods",
                        "scenario", "seed", "stage_ccd_entry", "stage_entry"]
        let positions = topLevel.map { key in text.range(of: "\n  \"\(key)\"")!.lowerBound }
        #expect(positions == positions.sorted())
        #expect(try sampleSummary().jsonData() == sampleSummary().jsonData())
    }

    @Test func decodesWhatItEncodes() throws {
        let scratch = try ScratchDirectory()
        defer { scratch.remove() }
        let url = scratch.url.appendingPathComponent("summary.json")
        let summary = sampleSummary()
        try atomicWrite(data: summary.jsonData(), to: url)
        let back = try RunSummary.read(from: url)
        #expect(back.stageEntry == summary.stageEntry && back.stageCCDEntry == summary.stageCCDEntry)
        #expect(back.elasticityByStage == summary.elasticityByStage)
        #expect(back.elasticityClusterByStage["1"]??.ciLow.isNaN == true)
        #expect(back.elasticityClusterByStage["2"] == .some(nil))
        #expect(back.final["ccd.D"]?.isNaN == true && back.final["output.total"] == 1234.5)
        #expect(back.scenario == summary.scenario && back.seed == summary.seed)
    }

    @Test func writtenByRunWriter() throws {
        let scratch = try ScratchDirectory()
        defer { scratch.remove() }
        let writer = try RunWriter(directory: scratch.url, info: sampleInfo(), panel: false)
        try writer.finish(summary: sampleSummary())
        let data = try Data(contentsOf: scratch.url.appendingPathComponent(RunFiles.summary))
        #expect(data == (try sampleSummary().jsonData()))
    }

    @Test func readErrorsNameTheKey() throws {
        let scratch = try ScratchDirectory()
        defer { scratch.remove() }
        let url = scratch.url.appendingPathComponent("summary.json")
        try atomicWrite(data: Data(#"{"scenario": "x", "seed": 1, "periods": 2, "firms": 3}"#.utf8), to: url)
        do {
            _ = try RunSummary.read(from: url)
            Issue.record("incomplete summary accepted")
        } catch let error as StoreError {
            #expect(error.description.contains("stage_entry") && error.description.contains(url.path))
        }
    }
}

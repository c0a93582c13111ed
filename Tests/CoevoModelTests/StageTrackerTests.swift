// The 4-quarter rule of the stage classifiers (MODEL.md §4), on hand-made criterion sequences.

import CoevoModel
import Testing

@Suite struct StageTrackerTests {
    func run(_ seq: [[Int]]) -> (stages: [Int], entries: [Int?], falls: [Int]) {
        var t = StageTracker()
        var stages: [Int] = [], falls: [Int] = []
        for (period, holding) in seq.enumerated() {
            var c = [Bool](repeating: false, count: 5)
            for k in holding { c[k] = true }
            let r = t.update(period: period, criteria: c)
            stages.append(r.stage)
            if r.fell != nil { falls.append(period) }
        }
        return (stages, Array(t.entry[1...4]), falls)
    }

    @Test func entersAfterFourQuartersAndRecordsTheFirstQuarter() {
        let r = run([[], [1], [1], [1], [1], [1]])
        #expect(r.stages == [0, 0, 0, 0, 1, 1])
        #expect(r.entries[0] == 1)
    }

    @Test func holdsThroughShortFailuresAndBetweenOneHotReadings() {
        // stage.ccd-like readings: 1 for six quarters, then 2; the stage stays 1 until 2 is confirmed.
        let r = run([[1], [1], [1], [1], [1], [1], [2], [2], [2], [2]])
        #expect(r.stages == [0, 0, 0, 1, 1, 1, 1, 1, 1, 2])
        #expect(r.falls.isEmpty)
        #expect(r.entries[1] == 6)
    }

    @Test func fallsAfterFourFailingQuartersAndLogsIt() {
        let r = run([[1], [1], [1], [1], [], [], [], [], []])
        #expect(r.stages == [0, 0, 0, 1, 1, 1, 1, 0, 0])
        #expect(r.falls == [7])
    }

    @Test func laterStageCanBeConfirmedFirst() {
        // Criteria are tracked independently, so "in order" is a finding, not an assumption.
        let r = run([[3], [3], [3], [3]])
        #expect(r.stages.last == 3 && r.entries[0] == nil && r.entries[2] == 0)
    }

    @Test func couplingReadingsHoldEveryLowerStage() {
        // A reading of 2 between 3s and 4s (seed 1, quarters 70–78): the tracked stage goes from 3
        // to 4 without a quarter at 0. With one-hot criteria it fell to 0 for a quarter.
        let readings = [3, 3, 3, 3, 3, 2, 4, 4, 4, 4]
        func track(_ criteria: (Int) -> [Bool]) -> [Int] {
            var t = StageTracker()
            return readings.enumerated().map { t.update(period: $0.offset, criteria: criteria($0.element)).stage }
        }
        #expect(track { ccdCriteria(reading: $0) } == [0, 0, 0, 3, 3, 3, 3, 3, 3, 4])
        let oneHot = track { k in (0...4).map { $0 == k && k > 0 } }
        #expect(oneHot.contains(0) && oneHot.suffix(6).contains(0), "one-hot: \(oneHot)")
        #expect(ccdCriteria(reading: 0) == [false, false, false, false, false])
        #expect(ccdCriteria(reading: 2) == [false, true, true, false, false])
    }
}

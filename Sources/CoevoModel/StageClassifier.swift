// The two stage classifiers (MODEL.md §4). `stage` reads the mechanisms: 1 retail spreading with
// falling logistics and credit costs; 2 sharing platforms in use and links across chain roles;
// 3 nets across clusters; 4 ecosystem embedding with regional boundaries broken (a super-cluster
// spanning two regions or more). `stage.ccd` reads the coupling-coordination
// indices (CoevoMeasure.ccdStage). Each criterion is tracked on its own with its first-hit time, so
// "in order" is a finding; a stage counts as entered after 4 consecutive quarters; falls are events.

/// Persistence tracking for criteria 1…4. The reported stage rises to the highest stage whose
/// criterion has held for `persistence` consecutive quarters; it stays there until that stage's
/// criterion has failed for `persistence` consecutive quarters, and then falls to the highest stage
/// still confirmed (0 if none) — a fall is reported to the caller, who logs it as an event.
public struct StageTracker: Sendable {
    public static let persistence = 4
    /// Consecutive quarters each criterion has held / failed, and the quarter its first run of
    /// `persistence` quarters began (the stage's entry time).
    public private(set) var streak = [Int](repeating: 0, count: 5)
    public private(set) var failing = [Int](repeating: 0, count: 5)
    public private(set) var entry: [Int?] = [nil, nil, nil, nil, nil]
    public private(set) var current = 0
    public init() {}

    /// Updates with this quarter's criteria (index 1…4; index 0 unused); returns the stage and,
    /// when it fell, the stage it fell from.
    public mutating func update(period: Int, criteria: [Bool]) -> (stage: Int, fell: Int?) {
        var confirmed = 0
        for k in 1...4 {
            streak[k] = criteria[k] ? streak[k] + 1 : 0
            failing[k] = criteria[k] ? 0 : failing[k] + 1
            if streak[k] >= StageTracker.persistence {
                if entry[k] == nil { entry[k] = period - StageTracker.persistence + 1 }
                confirmed = k
            }
        }
        var stage = current
        if confirmed > current { stage = confirmed }
        else if current > 0 && failing[current] >= StageTracker.persistence { stage = confirmed }
        let fell = stage < current ? current : nil
        current = stage
        return (stage, fell)
    }
}

/// The `stage.ccd` tracker's criteria for one coupling reading k (0…4): stages 1…k hold. The
/// readings are exclusive (one stage a quarter), but a reading of k means the economy is at least
/// at stage k. With only stage k's criterion held (one-hot), a reading of 2 between 3s and 4s made
/// stage 3 fail for the 4 quarters stage 4 needs to be confirmed, and the tracked stage fell to 0.
public func ccdCriteria(reading k: Int) -> [Bool] {
    (0...4).map { $0 >= 1 && $0 <= k }
}

/// Thresholds of the mechanism-based classifier (parameters `stage.*`, documented in docs/ODD.md).
public struct StageCriteria: Sendable {
    public var retailAdoption = 0.10
    public var sharingUse = 0.10
    public var crossRoleLinks = 0.10
    public var crossClusterPartners = 0.02
    public var ecosystemShare = 0.28
    public var acrossRegions = true
    public init() {}
    public init(_ p: Parameters) {
        retailAdoption = p.stageRetail; sharingUse = p.stageSharing; crossRoleLinks = p.stageCrossRole
        crossClusterPartners = p.stageCrossCluster; ecosystemShare = p.stageEcosystem
        acrossRegions = p.stageAcrossRegions
    }

    /// Criteria 1…4 from this quarter's metrics, compared with period 0 where a fall is required.
    public func evaluate(_ m: (String) -> Double, initialLogistics: Double, initialCreditMean: Double) -> [Bool] {
        let c1 = m("adoption.retail") >= retailAdoption && m("logistics.cost") < initialLogistics && m("credit.rate.mean") < initialCreditMean
        let c2 = m("adoption.sharing") >= sharingUse && m("network.crossrole") >= crossRoleLinks
        let c3 = m("network.crosscluster") >= crossClusterPartners
        let c4 = m("adoption.eco") >= ecosystemShare && (!acrossRegions || m("superclusters.crossregion") >= 1)
        return [false, c1, c2, c3, c4]
    }
}


// The validation table (issue 13): for each claim of the paper and each level target from China's
// data, the figure the model shows now (mean over seeds unless a row says otherwise), the target,
// and pass or fail. Built from `ValidationRuns`; printed by `coevo validate` and kept in
// docs/VALIDATION.md. Rows that no run can measure (how a mechanism is coded) are not here: they
// are in docs/ODD.md §8.

import CoevoMeasure
import CoevoModel
import Foundation

/// One row: a claim, the figure now, the target, and whether it holds.
public struct ValidationCheck: Sendable {
    public var group: String
    public var claim: String
    public var figure: String
    public var target: String
    /// nil: reported, not judged.
    public var pass: Bool?
}

public struct ValidationTable: Sendable {
    public var checks: [ValidationCheck]
    public var firms: Int, smallFirms: Int, seeds: [UInt64]

    public var passed: Int { checks.filter { $0.pass == true }.count }
    public var judged: Int { checks.filter { $0.pass != nil }.count }

    /// A Markdown table (the form docs/VALIDATION.md keeps).
    public var markdown: String {
        var lines = ["Seeds \(seeds.map(String.init).joined(separator: ", ")), \(firms) firms (robustness rows: \(smallFirms)); \(passed) of \(judged) judged rows pass.", "",
                     "| group | claim | now | target | result |", "|---|---|---|---|---|"]
        for c in checks {
            let r = c.pass.map { $0 ? "pass" : "**fail**" } ?? "—"
            lines.append("| \(c.group) | \(c.claim) | \(c.figure) | \(c.target) | \(r) |")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Plain text for the terminal.
    public var text: String {
        var lines: [String] = []
        var group = ""
        for c in checks {
            if c.group != group { group = c.group; lines.append(""); lines.append("== \(group)") }
            let r = c.pass.map { $0 ? "PASS" : "FAIL" } ?? "  - "
            lines.append("\(r)  \(c.claim)\n      now: \(c.figure)\n      target: \(c.target)")
        }
        lines.append("")
        lines.append("\(passed) of \(judged) judged rows pass (seeds \(seeds.map(String.init).joined(separator: ",")), \(firms) firms)")
        return lines.joined(separator: "\n")
    }
}

/// China's national series the level rows compare with (data/china_national.csv).
enum ChinaSeries {
    static let onlineGoodsShare: [(year: Int, share: Double)] = [(2017, 0.150), (2019, 0.207)]
    static let taobaoVillages: [(year: Int, count: Double)] = [
        (2013, 20), (2014, 212), (2015, 780), (2016, 1311), (2017, 2118), (2018, 3202), (2019, 4310),
    ]
    /// Express volume (100 million parcels) and revenue (100 million yuan) where both exist.
    static let express: [(year: Int, volume: Double, revenue: Double)] = [
        (2012, 56.9, 1055.3), (2014, 140, 2040), (2015, 206, 2760), (2017, 400.6, 4957.1), (2018, 507.1, 6038.4), (2019, 635.2, 7497.8),
    ]
}

extension ValidationTable {
    /// Builds the table from the runs of `ValidationRuns.variants`.
    public static func build(_ runs: [ValidationRun], firms: Int, smallFirms: Int, seeds: [UInt64], startYear: Int) -> ValidationTable {
        var checks: [ValidationCheck] = []
        func of(_ v: String) -> [ValidationRun] { runs.filter { $0.variant == v } }
        func avg(_ xs: [Double]) -> Double { xs.isEmpty ? .nan : xs.reduce(0, +) / Double(xs.count) }
        func f(_ x: Double, _ digits: Int = 3) -> String { x.isFinite ? String(format: "%.\(digits)f", x) : "n/a" }
        func add(_ g: String, _ claim: String, _ figure: String, _ target: String, _ pass: Bool?) {
            checks.append(ValidationCheck(group: g, claim: claim, figure: figure, target: target, pass: pass))
        }
        func entries(_ rs: [ValidationRun], _ s: Int, ccd: Bool = false) -> [Int?] { rs.map { (ccd ? $0.stageCCDEntry : $0.stageEntry)[s - 1] } }
        func dates(_ xs: [Int?]) -> String { xs.map { $0.map(String.init) ?? "never" }.joined(separator: ",") }
        func meanLast(_ rs: [ValidationRun], _ m: String) -> Double { avg(rs.map { $0.last(m) }) }
        func meanRun(_ rs: [ValidationRun], _ m: String) -> Double { avg(rs.map { $0.mean(m, over: 0...($0.series.count - 1)) }) }
        func year(_ y: Int) -> ClosedRange<Int> { let t = 4 * (y - startYear); return t...(t + 3) }

        let base = of("baseline"), noDig = of("no-digital"), noGov = of("no-government")
        let frictionless = of("no-government-frictionless"), small = of("baseline-small"), costly = of("adoption-cost-x2")

        // 1. Digital commerce widens the external economies.
        let g1 = "digital commerce widens and deepens the external economies (§1, §2, §3(4))"
        let fallBase = meanLast(base, "fall.total"), fallNoDig = meanLast(noDig, "fall.total")
        let ratio = fallNoDig / fallBase
        add(g1, "no-digital's cost fall as a share of the baseline's (fall.total at the end)",
            "\(f(ratio, 2)) (\(f(fallNoDig)) vs \(f(fallBase)))", "≤ 0.60", ratio <= 0.60)
        let netBase = meanLast(base, "externality.network"), netNoDig = meanLast(noDig, "externality.network")
        let netRatio = netNoDig > 0 ? netBase / netNoDig : (netBase > 0 ? .infinity : .nan)
        add(g1, "network-level term, baseline over no-digital (externality.network at the end)",
            "\(netRatio.isInfinite ? "∞" : f(netRatio, 2)) (\(f(netBase)) vs \(f(netNoDig)))", "≥ 1.5", netRatio >= 1.5)
        // The digital increment of the external part (cluster + network + ecosystem + economy) at the
        // end of each baseline stage (the entry of the next; the run's end for stage 4).
        let external = ["externality.cluster", "externality.network", "externality.ecosystem", "externality.economy"]
        var increments: [Double] = []
        for s in 1...4 {
            var xs: [Double] = []
            for (i, b) in base.enumerated() where i < noDig.count {
                guard b.stageEntry[s - 1] != nil else { continue }
                let end = s < 4 ? (b.stageEntry[s] ?? b.series.count - 1) : b.series.count - 1
                let e = external.reduce(0.0) { $0 + b.metric($1, at: end) - noDig[i].metric($1, at: end) }
                xs.append(e)
            }
            increments.append(avg(xs))
        }
        let growing = zip(increments, increments.dropFirst()).allSatisfy { $0 < $1 } && increments.allSatisfy(\.isFinite)
        add(g1, "digital increment of the external part (baseline − no-digital) at the end of stages 1, 2, 3, 4",
            increments.map { f($0) }.joined(separator: ", "), "rising stage by stage", growing)
        let betas = (0...4).map { s in avg(base.compactMap { $0.beta[s] }) }
        let falling = (1..<4).allSatisfy { betas[$0 + 1] < betas[$0] }
        add(g1, "β_s (reachable output) by stage 0, 1, 2, 3, 4", betas.map { f($0) }.joined(separator: ", "),
            "falling from stage 1 to 4, β_4 < β_0", falling && betas[4] < betas[0])
        let betaC = (0...4).map { s in avg(base.compactMap { $0.betaCluster[s] }) }
        add(g1, "cluster-only elasticity by stage 0–4", betaC.map { f($0) }.joined(separator: ", "),
            "negative in stages 3 and 4", betaC[3] < 0 && betaC[4] < 0)

        // 2. Firms' average cost falls through external economies.
        let g2 = "firms' average cost falls through external economies (§2)"
        let within = meanLast(base, "fall.within"), selection = meanLast(base, "selection")
        add(g2, "fall within firms at the end (fall.within)", f(within), "> 0", within > 0)
        let ext = external.reduce(0.0) { $0 + meanLast(base, $1) }
        add(g2, "external part and selection at the end, as shares of fall.total",
            "external \(f(ext / fallBase, 2)), selection \(f(selection / fallBase, 2))", "reported", nil)

        // 3. Government sustains, markets start.
        let g3 = "the market starts, government sustains (§2.1, §3(5))"
        let ng1 = entries(noGov, 1), ng2 = entries(noGov, 2), ng4 = entries(noGov, 4), b4 = entries(base, 4)
        add(g3, "no-government reaches stage 1 (entry quarter by seed)", dates(ng1), "every seed", ng1.allSatisfy { $0 != nil })
        add(g3, "no-government reaches stage 2", dates(ng2), "every seed", ng2.allSatisfy { $0 != nil })
        let late = zip(ng4, b4).allSatisfy { n, b in n == nil || (b != nil && n! >= b! + 12) }
        add(g3, "no-government's stage 4 against the baseline's", "\(dates(ng4)) vs \(dates(b4))", "≥ 12 quarters later, or never", late)
        let fallNoGov = meanLast(noGov, "fall.total"), fallFree = meanLast(frictionless, "fall.total")
        let restored = (fallFree - fallNoGov) / (fallBase - fallNoGov)
        add(g3, "share of the lost cost fall restored by switching congestion, fraud and the regional barrier off in no-government",
            "\(f(restored, 2)) (baseline \(f(fallBase)), no-gov \(f(fallNoGov)), frictionless \(f(fallFree)))", "≥ 0.5", restored >= 0.5)
        let leverRows: [(String, String, Bool, String)] = [
            ("reg", "cost.transaction", true, "transaction cost (run mean)"),
            ("pub", "adoption.retail", false, "retail take-up (run mean)"),
            ("tal", "innovation.share", false, "innovation share (run mean)"),
            ("inf", "logistics.cost", true, "logistics cost (run mean)"),
            ("bar", "network.crossregion", false, "cross-region link share (run mean)"),
        ]
        for (lever, metric, higherIsWorse, what) in leverRows {
            let b = meanRun(base, metric), d = meanRun(of("drop-\(lever)"), metric)
            let worse = higherIsWorse ? d > b : d < b
            add(g3, "dropping \(lever) (budget to the other four) worsens \(what)", "\(f(d, 4)) vs baseline \(f(b, 4))",
                higherIsWorse ? "higher than the baseline" : "lower than the baseline", worse)
        }

        // 4. Stages emerge.
        let g4 = "stages emerge from mechanisms (§3(2))"
        for s in 1...4 {
            let d = entries(base, s)
            let varies = Set(d.map { $0 ?? -1 }).count > 1
            add(g4, "baseline stage \(s) entry by seed", dates(d), "reached in every seed; dates vary across seeds",
                d.allSatisfy { $0 != nil } && varies)
        }
        let ordered = base.allSatisfy { r in
            let e = r.stageEntry
            guard let a = e[0], let b = e[1], let c = e[2], let d = e[3] else { return false }
            return a + 4 <= b && b + 4 <= c && c + 4 <= d
        }
        add(g4, "stages enter in order 1→2→3→4, each lasting ≥ 4 quarters (fact 4)", ordered ? "every seed" : "not in every seed", "every seed", ordered)
        let c1 = avg(base.compactMap { $0.stageEntry[0].map(Double.init) }), c2 = avg(costly.compactMap { $0.stageEntry[0].map(Double.init) })
        add(g4, "stage 1 responds to adoption cost (adoption.cost × 2)", "mean entry \(f(c2, 1)) vs \(f(c1, 1))", "later", c2 > c1)
        var unclassified = 0
        for r in base {
            // From the quarter stage 1 is confirmed: its entry date is the first of the
            // `StageTracker.persistence` quarters that confirm it, in which `stage.ccd` still reads 0.
            guard let entry = r.stageCCDEntry[0] else { continue }
            let start = entry + StageTracker.persistence - 1
            for t in start..<r.series.count where r.metric("stage.ccd", at: t) == 0 { unclassified += 1 }
        }
        add(g4, "stage.ccd quarters unclassified (0) after its stage 1, summed over seeds", "\(unclassified)", "0", unclassified == 0)
        var lags: [Double] = []
        for r in base { for s in 0..<4 { if let a = r.stageEntry[s], let b = r.stageCCDEntry[s] { lags.append(Double(b - a)) } } }
        let missing = base.reduce(0) { acc, r in acc + (0..<4).filter { r.stageEntry[$0] != nil && r.stageCCDEntry[$0] == nil }.count }
        add(g4, "stage.ccd lag behind the mechanism stage (mean over stages and seeds; stages it never enters)",
            "\(f(avg(lags), 1)) quarters (mean |lag| \(f(avg(lags.map(abs)), 1)); \(missing) missed)", "≤ 4 quarters, and ≤ 4 in |lag| (early and late entries must not cancel); none missed",
            avg(lags) <= 4 && avg(lags.map(abs)) <= 4 && missing == 0)
        add(g4, "coupling reference", CouplingReference.baseline.derivedFrom, "not the baseline alone", !CouplingReference.baseline.derivedFrom.hasPrefix("baseline,"))

        // 5. Levels against China's data.
        let g5 = "levels meet China's data (§7; start year \(startYear), calendar.cluster_villages)"
        for (y, real) in ChinaSeries.onlineGoodsShare {
            // The real series is online retail of goods over retail sales of consumer goods: the
            // model's consumer channels (RETAIL, LIVE) over final-goods firms' sales at home.
            let m = avg(base.map { $0.mean("online.share.retail", over: year(y)) })
            add(g5, "online retail share of consumer sales (online.share.retail), \(y)", f(m), "\(f(real * 0.8)) – \(f(real * 1.2)) (real \(f(real)))", abs(m / real - 1) <= 0.2)
        }
        var r2s: [Double] = [], ceilings: [Double] = []
        for r in base {
            let scale = r.clusterVillages / max(r.last("villages.total"), 1)
            let model = ChinaSeries.taobaoVillages.map { r.metric("villages.ecommerce", at: year($0.year).upperBound) * scale }
            let real = ChinaSeries.taobaoVillages.map(\.count)
            let meanReal = avg(real)
            let ssRes = zip(model, real).reduce(0.0) { $0 + ($1.0 - $1.1) * ($1.0 - $1.1) }
            let ssTot = real.reduce(0.0) { $0 + ($1 - meanReal) * ($1 - meanReal) }
            r2s.append(1 - ssRes / ssTot)
            ceilings.append(r.last("villages.ecommerce") / max(r.last("villages.total"), 1))
        }
        add(g5, "Taobao village path 2013–2019, R² in levels (model count at each year's last quarter × village scale)",
            f(avg(r2s), 3), "≥ 0.9", avg(r2s) >= 0.9)
        add(g5, "share of villages that are e-commerce villages at the end", f(avg(ceilings), 2), "below 0.9 (no ceiling)", avg(ceilings) < 0.9)
        let realSlope = ols(ChinaSeries.express.map { log($0.volume) }, ChinaSeries.express.map { log($0.revenue / $0.volume) })
        let slopes = base.map { r in
            ols(ChinaSeries.express.map { log(r.mean("online.volume", over: year($0.year))) },
                ChinaSeries.express.map { log(r.mean("logistics.cost", over: year($0.year))) })
        }
        add(g5, "slope of ln logistics cost on ln online volume, 2012–2019", f(avg(slopes)), "\(f(realSlope)) ± 0.04", abs(avg(slopes) - realSlope) <= 0.04)
        var rising = 0.0
        for r in base {
            let years = (startYear...2023).map { r.mean("logistics.cost", over: year($0)) }
            var worst = 0.0
            for i in 1..<years.count { worst = max(worst, years[i] / years[..<i].min()! - 1) }
            rising = max(rising, worst)
        }
        add(g5, "logistics cost through 2023: largest rise of a year's mean over the lowest earlier year (worst seed)",
            "\(f(100 * rising, 1))%", "≤ 2% (not rising)", rising <= 0.02)
        let hhi = meanLast(base, "platform.hhi")
        add(g5, "within-type platform HHI at the end", f(hhi), "0.30 – 0.60", hhi >= 0.3 && hhi <= 0.6)
        let quality = base.map { $0.column("quality.mean").max()! }.max()!
        add(g5, "quality relative to the world frontier (highest quarter, worst seed)", f(quality), "≤ 0.05 (not above the frontier)", quality <= 0.05)

        // 6. Robustness.
        let g6 = "robust results"
        let exitShare = avg(base.map { Double($0.burnInExits) / Double($0.initialFirms) })
        add(g6, "firms exiting during the burn-in (share of initial firms)", f(exitShare), "< 0.03", exitShare < 0.03)
        // The churn the row above is set against: exits per quarter in the burn-in (over the initial
        // firms) and in the reported quarters of stage 0, 0 … E − 1 before stage 1's entry E (over
        // the firms at the quarter's start; `firms.exit` at t counts the exits at the end of t − 1).
        let burnInRate = avg(base.filter { $0.burnInQuarters > 0 }.map {
            Double($0.burnInExits) / Double($0.initialFirms) / Double($0.burnInQuarters)
        })
        let stage0Rate = avg(base.compactMap { r -> Double? in
            let last = min(r.stageEntry.first.flatMap { $0 } ?? (r.series.count - 1), r.series.count - 1)
            guard last >= 1 else { return nil }
            var sum = 0.0
            for t in 1...last { sum += r.metric("firms.exit", at: t) / max(r.metric("firms.count", at: t - 1), 1) }
            return sum / Double(last)
        })
        let quarters = base.first?.burnInQuarters ?? 0
        add(g6, "exits per quarter, share of firms: burn-in (of the initial firms) against the reported quarters of stage 0 (of the firms at each quarter's start: the pre-digital economy's steady churn)",
            "\(f(burnInRate, 4)) vs \(f(stage0Rate, 4))",
            quarters > 0 ? "reported (the row above asks < \(f(0.03 / Double(quarters), 4)) a quarter over \(quarters) quarters)" : "reported", nil)
        let shares = ["adoption.retail", "online.share", "adoption.sharing", "adoption.eco", "network.crosscluster", "network.crossrole", "innovation.share"]
        var worst = (name: "", gap: 0.0)
        for m in shares {
            let gap = abs(meanLast(small, m) - meanLast(base, m))
            if gap > worst.gap { worst = (m, gap) }
        }
        add(g6, "largest gap in final shares, \(smallFirms) vs \(firms) firms", "\(f(worst.gap)) (\(worst.name))", "≤ 0.03", worst.gap <= 0.03)
        var dateGap = 0.0
        for s in 1...4 {
            let a = avg(base.compactMap { $0.stageEntry[s - 1].map(Double.init) }), b = avg(small.compactMap { $0.stageEntry[s - 1].map(Double.init) })
            dateGap = max(dateGap, abs(a - b))
        }
        add(g6, "largest gap in mean stage entry, \(smallFirms) vs \(firms) firms", "\(f(dateGap, 1)) quarters", "≤ 4", dateGap <= 4)
        add(g6, "Hill index of online sizes at the end, \(smallFirms) vs \(firms) firms", "\(f(meanLast(small, "size.hill"), 2)) vs \(f(meanLast(base, "size.hill"), 2))", "reported", nil)
        // The paper's traditional cluster is in "low-end lock-in" (§1, §2.2.1(2)) and digital commerce
        // is what breaks it: flagged quarters in stage 0 are the story, flagged quarters once the
        // baseline has reached stage 2 are not; no-digital must still be locked at the end.
        let lockQuarters = base.reduce(0) { $0 + $1.column("lockin").filter { $0 > 0 }.count }
        let lockAfterStage2 = base.reduce(0) { total, run in
            guard let entry = run.stageEntry[1] else { return total }
            return total + run.column("lockin").enumerated().filter { $0.offset >= entry && $0.element > 0 }.count
        }
        let lockNoDig = meanLast(noDig, "lockin")
        add(g6, "lock-in (§2.2.1(2)): baseline quarters flagged from its stage 2 on, all seeds (all quarters flagged); no-digital flagged at the end",
            "\(lockAfterStage2) (\(lockQuarters)); \(f(lockNoDig, 1))", "0; 1", lockAfterStage2 == 0 && lockNoDig == 1)
        add(g6, "innovation share at the end (baseline; no-digital)", "\(f(meanLast(base, "innovation.share"))); \(f(meanLast(noDig, "innovation.share")))", "reported", nil)
        let ns = avg(base.map { $0.simulationSeconds * 1e9 / $0.firmQuarters })
        add(g6, "speed of the baseline runs (reported quarters, with observation and the panel, run beside others)", "\(f(ns, 0)) ns per firm-quarter", "reported (bench: coevo bench)", nil)

        return ValidationTable(checks: checks, firms: firms, smallFirms: smallFirms, seeds: seeds)
    }

    /// Slope of the least-squares line of y on x.
    static func ols(_ x: [Double], _ y: [Double]) -> Double {
        let mx = x.reduce(0, +) / Double(x.count), my = y.reduce(0, +) / Double(y.count)
        var sxy = 0.0, sxx = 0.0
        for (a, b) in zip(x, y) { sxy += (a - mx) * (b - my); sxx += (a - mx) * (a - mx) }
        return sxy / sxx
    }
}

import Foundation

/// An estimate with its 95% interval; any part may be missing (null in JSON).
public struct IntervalEstimate: Sendable, Equatable, Decodable {
    public var estimate: Double?
    public var ciLow: Double?
    public var ciHigh: Double?

    public init(estimate: Double?, ciLow: Double?, ciHigh: Double?) {
        self.estimate = estimate; self.ciLow = ciLow; self.ciHigh = ciHigh
    }

    enum CodingKeys: String, CodingKey {
        case estimate
        case ciLow = "ci_low"
        case ciHigh = "ci_high"
    }
}

/// `summary.json` of a run (INTERFACE.md). Required: scenario, seed, periods, firms. The other
/// keys are optional here so that a report can still be drawn (their charts then say "not
/// available"), but when present they must have the documented form.
public struct RunSummary: Sendable, Equatable, Decodable {
    public var scenario: String
    /// The seed as written (an unsigned or signed 64-bit integer), kept as text to avoid rounding.
    public var seed: String
    public var periods: Int
    public var firms: Int
    /// Stage "1"…"4" → first period of entry, nil when never entered.
    public var stageEntry: [String: Int?]?
    public var stageCCDEntry: [String: Int?]?
    public var elasticityByStage: [String: IntervalEstimate?]?
    public var elasticityClusterByStage: [String: IntervalEstimate?]?
    public var final: [String: Double?]?
    /// Year of period 0 (`calendar.start_year`), for comparison with real data.
    public var calendarStartYear: Double?
    /// Real villages per model village.
    public var villageScale: Double?

    enum CodingKeys: String, CodingKey {
        case scenario, seed, periods, firms, final
        case stageEntry = "stage_entry"
        case stageCCDEntry = "stage_ccd_entry"
        case elasticityByStage = "elasticity_by_stage"
        case elasticityClusterByStage = "elasticity_cluster_by_stage"
        case calendarStartYear = "calendar_start_year"
        case villageScale = "village_scale"
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        scenario = try c.decode(String.self, forKey: .scenario)
        if let u = try? c.decode(UInt64.self, forKey: .seed) {
            seed = String(u)
        } else {
            seed = String(try c.decode(Int64.self, forKey: .seed))
        }
        periods = try c.decode(Int.self, forKey: .periods)
        firms = try c.decode(Int.self, forKey: .firms)
        stageEntry = try c.decodeIfPresent([String: Int?].self, forKey: .stageEntry)
        stageCCDEntry = try c.decodeIfPresent([String: Int?].self, forKey: .stageCCDEntry)
        elasticityByStage = try c.decodeIfPresent([String: IntervalEstimate?].self, forKey: .elasticityByStage)
        elasticityClusterByStage = try c.decodeIfPresent([String: IntervalEstimate?].self, forKey: .elasticityClusterByStage)
        final = try c.decodeIfPresent([String: Double?].self, forKey: .final)
        calendarStartYear = try c.decodeIfPresent(Double.self, forKey: .calendarStartYear)
        villageScale = try c.decodeIfPresent(Double.self, forKey: .villageScale)
    }

    public static func read(_ url: URL) throws -> RunSummary {
        let data: Data
        do { data = try Data(contentsOf: url) } catch {
            throw ReportError.file(url.path, "cannot be read (\(error.localizedDescription))")
        }
        do {
            return try JSONDecoder().decode(RunSummary.self, from: data)
        } catch let error as DecodingError {
            throw ReportError.file(url.path, describe(error))
        } catch {
            throw ReportError.file(url.path, "expected a JSON object, found unreadable JSON (\(error))")
        }
    }

    /// One line for a decoding error: the key path, what was expected, and what was found.
    static func describe(_ error: DecodingError) -> String {
        func path(_ keys: [any CodingKey]) -> String {
            // Dictionary keys like "1" also carry an intValue; only array indices print as [i].
            keys.map { key in
                if let i = key.intValue, key.stringValue != String(i) { return "[\(i)]" }
                return key.stringValue
            }.joined(separator: ".")
        }
        func oneLine(_ s: String) -> String { s.replacingOccurrences(of: "\n", with: " ") }
        switch error {
        case let .keyNotFound(key, ctx):
            let full = path(ctx.codingPath + [key])
            return "key '\(full)': expected it to be present, found it missing"
        case let .typeMismatch(type, ctx):
            return "key '\(path(ctx.codingPath))': expected \(typeName(type)), found another type (\(oneLine(ctx.debugDescription)))"
        case let .valueNotFound(type, ctx):
            return "key '\(path(ctx.codingPath))': expected \(typeName(type)), found null"
        case let .dataCorrupted(ctx):
            let p = path(ctx.codingPath)
            return (p.isEmpty ? "" : "key '\(p)': ") + "expected valid JSON, found malformed data (\(oneLine(ctx.debugDescription)))"
        @unknown default:
            return "expected the summary.json form of INTERFACE.md, found \(oneLine(String(describing: error)))"
        }
    }

    static func typeName(_ type: Any.Type) -> String {
        switch type {
        case is String.Type: return "a string"
        case is Int.Type, is Int64.Type, is UInt64.Type: return "an integer"
        case is Double.Type: return "a number"
        default:
            let name = String(describing: type)
            if name.hasPrefix("Dictionary") { return "an object" }
            if name.hasPrefix("Optional") { return "a value or null" }
            return name
        }
    }
}

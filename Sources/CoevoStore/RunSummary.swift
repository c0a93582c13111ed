import Foundation

/// A point estimate with its confidence interval. JSON keys `estimate`, `ci_low`, `ci_high`;
/// a non-finite value is written as JSON `null` and read back as NaN.
public struct Interval: Codable, Sendable, Equatable {
    public var estimate: Double
    public var ciLow: Double
    public var ciHigh: Double

    public init(estimate: Double, ciLow: Double, ciHigh: Double) {
        self.estimate = estimate
        self.ciLow = ciLow
        self.ciHigh = ciHigh
    }

    enum CodingKeys: String, CodingKey {
        case estimate
        case ciLow = "ci_low"
        case ciHigh = "ci_high"
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        estimate = try container.decodeIfPresent(Double.self, forKey: .estimate) ?? .nan
        ciLow = try container.decodeIfPresent(Double.self, forKey: .ciLow) ?? .nan
        ciHigh = try container.decodeIfPresent(Double.self, forKey: .ciHigh) ?? .nan
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(Self.finiteOrNil(estimate), forKey: .estimate)
        try container.encode(Self.finiteOrNil(ciLow), forKey: .ciLow)
        try container.encode(Self.finiteOrNil(ciHigh), forKey: .ciHigh)
    }

    static func finiteOrNil(_ value: Double) -> Double? { value.isFinite ? value : nil }
}

/// The contents of `DIR/summary.json` (INTERFACE.md, "Output of coevo run").
///
/// Stage-entry maps are keyed `"1"`…`"4"`, elasticity maps `"0"`…`"4"` (`"0"`: quarters before
/// stage 1); a nil entry (stage never reached, elasticity not estimable) is written as JSON `null`,
/// never omitted. Non-finite doubles anywhere are written as `null`
/// (and `final` values read back from `null` are NaN).
public struct RunSummary: Codable, Sendable, Equatable {
    public var scenario: String
    public var seed: UInt64
    public var periods: Int
    public var firms: Int
    /// Period each stage was entered by the main classifier, nil where never reached.
    public var stageEntry: [String: Int?]
    /// Same for the coupling-coordination classifier.
    public var stageCCDEntry: [String: Int?]
    /// β_s for reachable output by stage (MODEL.md §4).
    public var elasticityByStage: [String: Interval?]
    /// Same for cluster output alone.
    public var elasticityClusterByStage: [String: Interval?]
    /// Final-period value of each metric.
    public var final: [String: Double]
    /// Mapping to real data (MODEL.md §7): calendar year of period 0 and real villages per model village.
    public var calendarStartYear: Int?
    public var villageScale: Double?

    public init(scenario: String, seed: UInt64, periods: Int, firms: Int,
                stageEntry: [String: Int?], stageCCDEntry: [String: Int?],
                elasticityByStage: [String: Interval?], elasticityClusterByStage: [String: Interval?],
                final: [String: Double], calendarStartYear: Int? = nil, villageScale: Double? = nil) {
        self.calendarStartYear = calendarStartYear
        self.villageScale = villageScale
        self.scenario = scenario
        self.seed = seed
        self.periods = periods
        self.firms = firms
        self.stageEntry = stageEntry
        self.stageCCDEntry = stageCCDEntry
        self.elasticityByStage = elasticityByStage
        self.elasticityClusterByStage = elasticityClusterByStage
        self.final = final
    }

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
        let container = try decoder.container(keyedBy: CodingKeys.self)
        scenario = try container.decode(String.self, forKey: .scenario)
        seed = try container.decode(UInt64.self, forKey: .seed)
        periods = try container.decode(Int.self, forKey: .periods)
        firms = try container.decode(Int.self, forKey: .firms)
        stageEntry = try container.decode([String: Int?].self, forKey: .stageEntry)
        stageCCDEntry = try container.decode([String: Int?].self, forKey: .stageCCDEntry)
        elasticityByStage = try container.decode([String: Interval?].self, forKey: .elasticityByStage)
        elasticityClusterByStage = try container.decode([String: Interval?].self, forKey: .elasticityClusterByStage)
        final = try container.decode([String: Double?].self, forKey: .final).mapValues { $0 ?? .nan }
        calendarStartYear = try container.decodeIfPresent(Int.self, forKey: .calendarStartYear)
        villageScale = try container.decodeIfPresent(Double.self, forKey: .villageScale)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(scenario, forKey: .scenario)
        try container.encode(seed, forKey: .seed)
        try container.encode(periods, forKey: .periods)
        try container.encode(firms, forKey: .firms)
        // Dictionary<String, T?> encodes a nil value as `null` (Optional's own encoding), keeping the key.
        try container.encode(stageEntry, forKey: .stageEntry)
        try container.encode(stageCCDEntry, forKey: .stageCCDEntry)
        try container.encode(elasticityByStage, forKey: .elasticityByStage)
        try container.encode(elasticityClusterByStage, forKey: .elasticityClusterByStage)
        try container.encode(final.mapValues(Interval.finiteOrNil), forKey: .final)
        try container.encodeIfPresent(calendarStartYear, forKey: .calendarStartYear)
        try container.encodeIfPresent(villageScale.flatMap(Interval.finiteOrNil), forKey: .villageScale)
    }

    /// The exact bytes of `summary.json`: pretty-printed, keys sorted, slashes unescaped, final newline.
    public func jsonData() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        var data = try StoreError.wrapping("summary.json", "encoding the run summary") { try encoder.encode(self) }
        data.append(UInt8(ascii: "\n"))
        return data
    }

    /// Reads a `summary.json` written by ``RunWriter``.
    public static func read(from url: URL) throws -> RunSummary {
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw StoreError("\(url.path): cannot read the run summary: \(error.localizedDescription)")
        }
        do {
            return try JSONDecoder().decode(RunSummary.self, from: data)
        } catch let DecodingError.keyNotFound(key, context) {
            throw StoreError("\(url.path): expected key \(Self.keyPath(context.codingPath + [key])), found none")
        } catch let DecodingError.typeMismatch(type, context) {
            throw StoreError("\(url.path): key \(Self.keyPath(context.codingPath)): expected \(type), found something else")
        } catch let DecodingError.valueNotFound(type, context) {
            throw StoreError("\(url.path): key \(Self.keyPath(context.codingPath)): expected \(type), found null")
        } catch {
            throw StoreError("\(url.path): expected a run summary JSON object: \(error)")
        }
    }

    private static func keyPath(_ path: [any CodingKey]) -> String {
        path.isEmpty ? "(top level)" : path.map(\.stringValue).joined(separator: ".")
    }
}

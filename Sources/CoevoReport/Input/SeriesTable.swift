import Foundation

/// The per-period metrics of a run: `series.csv` with header `period,metric,value`.
///
/// Contract: periods are integers; a value may be empty, "nan" or "inf" (kept as NaN or ±inf);
/// a repeated (period, metric) pair or a malformed row is an error naming the file and line.
public struct SeriesTable: Sendable {
    /// metric → period → value.
    public private(set) var values: [String: [Int: Double]] = [:]
    /// All periods present in the file, ascending.
    public private(set) var periods: [Int] = []

    public init(values: [String: [Int: Double]]) {
        self.values = values
        self.periods = Array(Set(values.values.flatMap(\.keys))).sorted()
    }

    public static func read(_ url: URL) throws -> SeriesTable {
        let rows = try CSVLines.read(url)
        guard let header = rows.first else {
            throw ReportError.file(url.path, line: 1, "expected header 'period,metric,value', found an empty file")
        }
        guard header.fields.map({ $0.lowercased() }) == ["period", "metric", "value"] else {
            throw ReportError.file(url.path, line: header.line,
                                   "expected header 'period,metric,value', found '\(header.fields.joined(separator: ","))'")
        }
        var values: [String: [Int: Double]] = [:]
        for row in rows.dropFirst() {
            guard row.fields.count == 3 else {
                throw ReportError.file(url.path, line: row.line, "expected 3 fields (period,metric,value), found \(row.fields.count)")
            }
            guard let period = Int(row.fields[0]) else {
                throw ReportError.file(url.path, line: row.line, "expected an integer period, found '\(row.fields[0])'")
            }
            let metric = row.fields[1]
            guard !metric.isEmpty else {
                throw ReportError.file(url.path, line: row.line, "expected a metric name, found an empty field")
            }
            guard let value = CSVLines.number(row.fields[2]) else {
                throw ReportError.file(url.path, line: row.line, "expected a number for '\(metric)', found '\(row.fields[2])'")
            }
            if values[metric]?[period] != nil {
                throw ReportError.file(url.path, line: row.line, "expected one row per period and metric, found a second row for period \(period), metric '\(metric)'")
            }
            values[metric, default: [:]][period] = value
        }
        return SeriesTable(values: values)
    }

    public func has(_ metric: String) -> Bool { values[metric] != nil }

    /// The metric's points (period, value) in period order; nil when the metric is absent.
    public func points(_ metric: String) -> [Point]? {
        guard let byPeriod = values[metric] else { return nil }
        return byPeriod.keys.sorted().map { Point(Double($0), byPeriod[$0]!) }
    }

    /// The metric's value at each of `periods` (NaN where absent).
    public func column(_ metric: String) -> [Double] {
        let byPeriod = values[metric] ?? [:]
        return periods.map { byPeriod[$0] ?? .nan }
    }

    public func value(_ metric: String, period: Int) -> Double? { values[metric]?[period] }
}

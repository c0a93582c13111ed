import Foundation

/// Firm sizes at the end of a run, from `sizes.csv` (header `firm,online_revenue`), and their
/// empirical complementary CDF.
public struct SizeDistribution: Sendable, Equatable {
    /// Finite online revenues, one per firm, in file order.
    public var revenues: [Double]

    public init(revenues: [Double]) { self.revenues = revenues }

    public static func read(_ url: URL) throws -> SizeDistribution {
        let rows = try CSVLines.read(url)
        guard let header = rows.first else {
            throw ReportError.file(url.path, line: 1, "expected header 'firm,online_revenue', found an empty file")
        }
        guard header.fields.map({ $0.lowercased() }) == ["firm", "online_revenue"] else {
            throw ReportError.file(url.path, line: header.line,
                                   "expected header 'firm,online_revenue', found '\(header.fields.joined(separator: ","))'")
        }
        var revenues: [Double] = []
        for row in rows.dropFirst() {
            guard row.fields.count == 2 else {
                throw ReportError.file(url.path, line: row.line, "expected 2 fields (firm,online_revenue), found \(row.fields.count)")
            }
            guard let v = CSVLines.number(row.fields[1]) else {
                throw ReportError.file(url.path, line: row.line, "expected a number for online_revenue, found '\(row.fields[1])'")
            }
            if v.isFinite { revenues.append(v) }
        }
        return SizeDistribution(revenues: revenues)
    }

    /// Number of firms with positive online revenue (those the CCDF describes).
    public var positiveCount: Int { revenues.filter { $0 > 0 }.count }

    /// The empirical CCDF of the positive revenues: for each distinct value x (descending order
    /// of x), the point (x, #{X ≥ x}/n). With more than `maxPoints` distinct values, points are
    /// kept at ranks spaced evenly in log(rank) (always keeping the largest and smallest value), so
    /// the tail keeps full detail. Empty when no revenue is positive.
    public func ccdf(maxPoints: Int = 500) -> [Point] {
        let sorted = revenues.filter { $0 > 0 }.sorted(by: >)
        let n = sorted.count
        guard n > 0 else { return [] }
        // Distinct values with the count of values ≥ each.
        var points: [Point] = []
        var i = 0
        while i < n {
            var j = i
            while j + 1 < n && sorted[j + 1] == sorted[i] { j += 1 }
            points.append(Point(sorted[i], Double(j + 1) / Double(n)))
            i = j + 1
        }
        guard points.count > maxPoints, maxPoints >= 2 else { return points }
        var keep = Set<Int>()
        let last = Double(points.count)
        for k in 0..<maxPoints {
            let rank = exp(log(last) * Double(k) / Double(maxPoints - 1))   // 1 … count
            keep.insert(min(points.count - 1, max(0, Int(rank.rounded()) - 1)))
        }
        keep.insert(0); keep.insert(points.count - 1)
        return keep.sorted().map { points[$0] }
    }
}

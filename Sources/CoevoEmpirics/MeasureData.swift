import CoevoMeasure

/// The data of `coevo measure` after reading and validation: one row per unit-year with a value
/// for every needed column (indicators and score columns), rows ordered by unit (first
/// appearance) then time.
public struct MeasureData: Sendable {
    public var units: [String]
    /// Unit index and time of each row.
    public var rowUnit: [Int]
    public var rowTime: [Int]
    /// Needed column → value per row.
    public var values: [String: [Double]]
    /// Unit-years dropped for missing values, values filled by interpolation.
    public var dropped: Int
    public var interpolated: Int
    public var rowCount: Int { rowTime.count }
    public var times: [Int] { Array(Set(rowTime)).sorted() }

    /// Reads `table` as the spec says. Errors (one line, naming file and line): missing columns,
    /// non-numeric cells, non-integer times, duplicate (unit, time) rows (or (unit, time,
    /// indicator) in tidy layout), scores outside [0,1], missing values under `missing: error`,
    /// fewer than two usable rows.
    public static func read(_ table: CSVTable, spec: MeasureSpec) throws -> MeasureData {
        let f = table.file
        var needed: [String] = []
        for s in spec.systems {
            if let sc = s.score { needed.append(sc) } else { needed += s.indicators.map(\.name) }
        }
        let unitCol = try spec.unitColumn.map { try table.column($0, for: "unit") }
        let timeCol = try table.column(spec.timeColumn, for: "time")

        var unitIndex: [String: Int] = [:]
        var units: [String] = []
        // (unit, time) → cell values and source lines
        var cells: [Key: [String: (value: Double?, line: Int)]] = [:]
        var firstLine: [Key: Int] = [:]

        func parseTime(_ s: String, line: Int) throws -> Int {
            // Bounded, so differences of times never overflow (MeasureAnalysis.stepOf).
            if let t = NumberText.integer(s, in: -1_000_000_000...1_000_000_000) { return t }
            throw MeasureInputError("\(f):\(line): column '\(spec.timeColumn)': expected an integer period (e.g. a year), found '\(s.prefix(40))'")
        }
        func parseValue(_ s: String, column: String, line: Int) throws -> Double? {
            if CSVTable.isMissing(s) { return nil }
            guard let x = NumberText.decimal(s) else {
                throw MeasureInputError("\(f):\(line): column '\(column)': expected a number, found '\(s.prefix(40))'")
            }
            return x
        }
        func unitOf(_ fields: [String], line: Int) throws -> Int {
            let name = unitCol.map { fields[$0] } ?? "all"
            if name.isEmpty { throw MeasureInputError("\(f):\(line): column '\(spec.unitColumn!)': expected a unit name, found an empty cell") }
            if let k = unitIndex[name] { return k }
            unitIndex[name] = units.count
            units.append(name)
            return units.count - 1
        }

        switch spec.layout {
        case .wide:
            let cols = try needed.map { ($0, try table.column($0, for: "systems")) }
            for r in table.records {
                let key = Key(unit: try unitOf(r.fields, line: r.line), time: try parseTime(r.fields[timeCol], line: r.line))
                if let prev = firstLine[key] {
                    throw MeasureInputError("\(f):\(r.line): duplicate row for unit '\(units[key.unit])', time \(key.time); first at line \(prev)")
                }
                firstLine[key] = r.line
                var row: [String: (Double?, Int)] = [:]
                for (name, c) in cols { row[name] = (try parseValue(r.fields[c], column: name, line: r.line), r.line) }
                cells[key] = row
            }
        case .tidy:
            let ic = try table.column(spec.indicatorColumn, for: "indicator")
            let vc = try table.column(spec.valueColumn, for: "value")
            let neededSet = Set(needed)
            for r in table.records {
                let ind = r.fields[ic]
                guard neededSet.contains(ind) else { continue }   // other series are ignored
                let key = Key(unit: try unitOf(r.fields, line: r.line), time: try parseTime(r.fields[timeCol], line: r.line))
                if let prev = cells[key]?[ind] {
                    throw MeasureInputError("\(f):\(r.line): duplicate value for unit '\(units[key.unit])', time \(key.time), indicator '\(ind)'; first at line \(prev.line)")
                }
                let v = try parseValue(r.fields[vc], column: spec.valueColumn, line: r.line)
                cells[key, default: [:]][ind] = (v, r.line)
            }
        }
        if cells.isEmpty {
            throw MeasureInputError("\(f): expected data rows with the spec's indicators (\(needed.joined(separator: ", "))), found none")
        }
        for s in spec.systems {
            for ind in s.indicators.map(\.name) + [s.score].compactMap({ $0 }) where !cells.values.contains(where: { $0[ind]?.value != nil }) {
                throw MeasureInputError("\(f): indicator '\(ind)' of system '\(s.name)': expected values, found none")
            }
        }

        var keys = cells.keys.sorted { ($0.unit, $0.time) < ($1.unit, $1.time) }
        var grid: [[Double?]] = keys.map { k in needed.map { cells[k]![$0]?.value ?? nil } }
        var interpolated = 0
        if spec.missing == .interpolate {
            for j in 0..<needed.count {
                var start = 0
                while start < keys.count {
                    var end = start
                    while end < keys.count && keys[end].unit == keys[start].unit { end += 1 }
                    let obs = (start..<end).filter { grid[$0][j] != nil }
                    for i in start..<end where grid[i][j] == nil {
                        let t = Double(keys[i].time)
                        guard let lo = obs.last(where: { keys[$0].time < keys[i].time }),
                              let hi = obs.first(where: { keys[$0].time > keys[i].time }) else { continue }
                        let (t0, t1) = (Double(keys[lo].time), Double(keys[hi].time))
                        grid[i][j] = grid[lo][j]! + (grid[hi][j]! - grid[lo][j]!) * (t - t0) / (t1 - t0)
                        interpolated += 1
                    }
                    start = end
                }
            }
        }
        var dropped = 0
        var keep: [Int] = []
        for i in 0..<keys.count {
            if let j = grid[i].firstIndex(where: { $0 == nil }) {
                if spec.missing == .error {
                    let where_ = cells[keys[i]]?[needed[j]].map { "\(f):\($0.line)" } ?? f
                    throw MeasureInputError("\(where_): unit '\(units[keys[i].unit])', time \(keys[i].time): expected a value for '\(needed[j])', found it missing (set missing: drop or interpolate in the spec to handle gaps)")
                }
                dropped += 1
            } else {
                keep.append(i)
            }
        }
        keys = keep.map { keys[$0] }
        grid = keep.map { grid[$0] }
        // With every subsystem's score given nothing is estimated, so one unit-year is enough.
        let minimum = spec.systems.allSatisfy { $0.score != nil } ? 1 : 2
        guard keys.count >= minimum else {
            throw MeasureInputError("\(f): expected at least \(minimum) complete unit-year\(minimum == 1 ? "" : "s"), found \(keys.count) (\(dropped) dropped for missing values)")
        }
        var values: [String: [Double]] = [:]
        for (j, name) in needed.enumerated() { values[name] = grid.map { $0[j]! } }
        // Normalisation divides by max − min: it must be a finite number (±1e308 would give
        // inf, then NaN, then a silent weight of 0).
        for name in needed {
            let v = values[name]!
            if let lo = v.min(), let hi = v.max(), !(hi - lo).isFinite {
                throw MeasureInputError("\(f): column '\(name)': expected values whose spread (max − min) is a finite number, found min \(lo) and max \(hi) (rescale the column)")
            }
        }
        for s in spec.systems {
            guard let sc = s.score else { continue }
            if let i = values[sc]!.firstIndex(where: { $0 < 0 || $0 > 1 }) {
                throw MeasureInputError("\(f): score column '\(sc)' of system '\(s.name)', unit '\(units[keys[i].unit])', time \(keys[i].time): expected a score in [0,1], found \(values[sc]![i])")
            }
        }
        // Units that lost all rows are removed from the unit list.
        let used = Array(Set(keys.map(\.unit))).sorted()
        let remap = Dictionary(uniqueKeysWithValues: used.enumerated().map { ($1, $0) })
        return MeasureData(units: used.map { units[$0] }, rowUnit: keys.map { remap[$0.unit]! }, rowTime: keys.map(\.time),
                           values: values, dropped: dropped, interpolated: interpolated)
    }

    struct Key: Hashable { var unit: Int; var time: Int }
}

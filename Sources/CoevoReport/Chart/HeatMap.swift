import Foundation

/// A value over a grid of two categorical (or discretised) factors: one cell per (column, row),
/// shaded on a sequential scale from the smallest to the largest value, with the value printed in
/// the cell. A missing or non-finite cell is left blank with `missingLabel`.
public struct HeatMapChart: SVGChart {
    public var id: String
    public var title: String
    public var caption: String
    public var columns: [String]
    public var rows: [String]
    /// values[row][column]
    public var values: [[Double?]]
    public var xLabel: String
    public var yLabel: String
    public var missingLabel: String

    public init(id: String, title: String, caption: String = "", columns: [String], rows: [String], values: [[Double?]],
                xLabel: String, yLabel: String, missingLabel: String = "n/a") {
        self.id = id; self.title = title; self.caption = caption; self.columns = columns; self.rows = rows
        self.values = values; self.xLabel = xLabel; self.yLabel = yLabel; self.missingLabel = missingLabel
    }

    /// Blend of two colours at t in [0, 1] as #rrggbb (light to dark blue).
    static func shade(_ t: Double) -> String {
        let a = (0xf7, 0xfb, 0xff), b = (0x08, 0x30, 0x6b)
        let c = max(0, min(1, t))
        func mix(_ x: Int, _ y: Int) -> Int { Int((Double(x) + (Double(y) - Double(x)) * c).rounded()) }
        return String(format: "#%02x%02x%02x", mix(a.0, b.0), mix(a.1, b.1), mix(a.2, b.2))
    }

    public func svg() -> String {
        let left = 30 + min(160, (rows.map { TextMetrics.width($0, size: 11) }.max() ?? 20) + 10)
        let cellWidth = max(48.0, min(110, 560 / Double(max(columns.count, 1))))
        let cellHeight = 26.0
        let top = 16.0
        let width = left + cellWidth * Double(columns.count) + 20
        let height = top + cellHeight * Double(rows.count) + 56
        var w = SVGWriter()
        let finite = values.flatMap { $0 }.compactMap { $0 }.filter(\.isFinite)
        let lo = finite.min() ?? 0, hi = finite.max() ?? 1
        for (r, name) in rows.enumerated() {
            let y = top + Double(r) * cellHeight
            w.text(name, x: left - 6, y: y + cellHeight / 2 + 4, anchor: "end")
            for c in columns.indices {
                let x = left + Double(c) * cellWidth
                let v = r < values.count && c < values[r].count ? values[r][c] : nil
                if let v, v.isFinite {
                    let t = hi > lo ? (v - lo) / (hi - lo) : 0.5
                    w.rect(x: x, y: y, width: cellWidth - 1, height: cellHeight - 1, attributes: "fill=\"\(HeatMapChart.shade(t))\"")
                    w.text(NumberFormat.significant(v, digits: 3), x: x + cellWidth / 2, y: y + cellHeight / 2 + 4, anchor: "middle",
                           size: 10, attributes: "fill=\"\(t > 0.55 ? "#ffffff" : "#222222")\"")
                } else {
                    w.rect(x: x, y: y, width: cellWidth - 1, height: cellHeight - 1, attributes: "fill=\"#ffffff\" stroke=\"#dddddd\"")
                    w.text(missingLabel, x: x + cellWidth / 2, y: y + cellHeight / 2 + 4, anchor: "middle", size: 10, attributes: "fill=\"#888888\"")
                }
            }
        }
        let bottom = top + cellHeight * Double(rows.count)
        for (c, name) in columns.enumerated() {
            w.text(name, x: left + (Double(c) + 0.5) * cellWidth, y: bottom + 16, anchor: "middle", size: 10)
        }
        w.text(xLabel, x: left + cellWidth * Double(columns.count) / 2, y: bottom + 38, anchor: "middle")
        w.text(yLabel, x: 12, y: top + cellHeight * Double(rows.count) / 2, anchor: "middle",
               attributes: "transform=\"rotate(-90 12 \(SVGWriter.num(top + cellHeight * Double(rows.count) / 2)))\"")
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(SVGWriter.num(width)) \(SVGWriter.num(height))\" width=\"\(SVGWriter.num(width))\" height=\"\(SVGWriter.num(height))\" role=\"img\" aria-label=\"\(XML.escape(title))\" font-family=\"sans-serif\">"
            + w.body + "</svg>"
    }
}

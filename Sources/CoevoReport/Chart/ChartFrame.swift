import Foundation

/// Maps data values on one axis to pixels. Invalid values (non-finite, or ≤ 0 on a log axis)
/// map to nil, so callers cannot draw them.
struct AxisMap {
    let scale: AxisScale
    let domain: ClosedRange<Double>
    let pixelStart: Double
    let pixelEnd: Double

    func isValid(_ v: Double) -> Bool { v.isFinite && (scale == .linear || v > 0) }

    private func transform(_ v: Double) -> Double { scale == .log ? log10(v) : v }

    func callAsFunction(_ v: Double) -> Double? {
        guard isValid(v) else { return nil }
        let a = transform(domain.lowerBound), b = transform(domain.upperBound)
        guard b > a else { return (pixelStart + pixelEnd) / 2 }
        let p = pixelStart + (transform(v) - a) / (b - a) * (pixelEnd - pixelStart)
        return p.isFinite ? p : nil
    }

    /// The pixel of `v` clamped into the domain (for spans and bands that reach beyond it).
    func clamped(_ v: Double) -> Double? {
        guard isValid(v) || v.isInfinite else { return nil }
        let c = min(domain.upperBound, max(domain.lowerBound, v))
        return self(c)
    }
}

/// Ticks for an axis over the given data values.
enum AxisTicks {
    static func choose(_ spec: AxisSpec, values: [Double], target: Int = 6) -> TickSet {
        if let fixed = spec.domain, fixed.upperBound > fixed.lowerBound,
           fixed.lowerBound.isFinite, fixed.upperBound.isFinite,
           spec.scale == .linear || fixed.lowerBound > 0 {
            let auto = spec.scale == .log
                ? LogTicks.choose(low: fixed.lowerBound, high: fixed.upperBound)
                : LinearTicks.choose(low: fixed.lowerBound, high: fixed.upperBound, target: target)
            let eps = (fixed.upperBound - fixed.lowerBound) * 1e-9
            let inside = auto.ticks.filter { $0.value >= fixed.lowerBound - eps && $0.value <= fixed.upperBound + eps }
            return TickSet(domain: fixed, ticks: inside)
        }
        let valid = values.filter { $0.isFinite && (spec.scale == .linear || $0 > 0) }
        switch spec.scale {
        case .log:
            guard let lo = valid.min(), let hi = valid.max() else { return LogTicks.choose(low: 1, high: 10) }
            return LogTicks.choose(low: lo, high: hi)
        case .linear:
            guard var lo = valid.min(), var hi = valid.max() else {
                return LinearTicks.choose(low: 0, high: 1, target: target)
            }
            if spec.includeZero { lo = min(lo, 0); hi = max(hi, 0) }
            return LinearTicks.choose(low: lo, high: hi, target: target)
        }
    }
}

/// A legend entry and how its swatch is drawn.
struct LegendEntry {
    enum Swatch { case line(String, dashed: Bool), marker(String), fill(String), errorBar(String) }
    var label: String
    var swatch: Swatch
}

/// The parts shared by all chart kinds: the outer `<svg>`, title, legend, caption, the y axis
/// with grid lines, the x axis line, and the "no data" note.
struct ChartFrame {
    static let width = 720.0
    static let plotLeft = 70.0
    static let plotRight = 24.0
    static let plotHeight = 260.0
    static let fontFamily = "system-ui,-apple-system,'Segoe UI','Noto Sans','Noto Sans CJK SC','PingFang SC','Microsoft YaHei',sans-serif"

    static var plotWidth: Double { width - plotLeft - plotRight }

    /// Lays out legend entries in rows that fit the chart width; returns rows of (entry, x offset).
    static func legendRows(_ entries: [LegendEntry]) -> [[(LegendEntry, Double)]] {
        var rows: [[(LegendEntry, Double)]] = []
        var row: [(LegendEntry, Double)] = []
        var x = 0.0
        let maxWidth = width - plotLeft - plotRight
        for entry in entries {
            let w = 26 + TextMetrics.width(entry.label, size: 11) + 14
            if !row.isEmpty && x + w > maxWidth {
                rows.append(row); row = []; x = 0
            }
            row.append((entry, x))
            x += w
        }
        if !row.isEmpty { rows.append(row) }
        return rows
    }

    static func drawLegend(_ rows: [[(LegendEntry, Double)]], top: Double, into w: inout SVGWriter) {
        for (r, row) in rows.enumerated() {
            let y = top + Double(r) * 16 + 8
            for (entry, offset) in row {
                let x = plotLeft + offset
                switch entry.swatch {
                case let .line(color, dashed):
                    w.line(x1: x, y1: y, x2: x + 20, y2: y,
                           attributes: "stroke=\"\(color)\" stroke-width=\"2\"" + (dashed ? " stroke-dasharray=\"5 3\"" : ""))
                case let .marker(color):
                    w.circle(cx: x + 10, cy: y, r: 3.5, attributes: "fill=\"\(color)\"")
                case let .fill(color):
                    w.rect(x: x + 3, y: y - 6, width: 14, height: 12, attributes: "fill=\"\(color)\" stroke=\"#999\" stroke-width=\"0.5\"")
                case let .errorBar(color):
                    w.rect(x: x + 4, y: y - 6, width: 12, height: 12, attributes: "fill=\"\(color)\"")
                }
                w.text(entry.label, x: x + 26, y: y + 4, size: 11, attributes: "fill=\"#333\"")
            }
        }
    }

    static func captionLines(_ caption: String) -> [String] {
        caption.isEmpty ? [] : TextMetrics.wrap(caption, size: 11, maxWidth: width - 2 * 16)
    }

    static func drawCaption(_ lines: [String], top: Double, into w: inout SVGWriter) {
        for (i, line) in lines.enumerated() {
            w.text(line, x: 16, y: top + Double(i) * 15 + 11, size: 11, attributes: "fill=\"#555\" font-style=\"italic\"")
        }
    }

    static func open(id: String, title: String, caption: String, height: Double) -> String {
        let h = SVGWriter.num(height), wd = SVGWriter.num(width)
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" id=\"\(XML.escape(id))\" viewBox=\"0 0 \(wd) \(h)\" width=\"\(wd)\" height=\"\(h)\" role=\"img\" font-family=\"\(fontFamily)\">"
            + "<title>\(XML.escape(title))</title>"
            + (caption.isEmpty ? "" : "<desc>\(XML.escape(caption))</desc>")
            + "<rect x=\"0\" y=\"0\" width=\"\(wd)\" height=\"\(h)\" fill=\"#ffffff\"/>"
    }

    static func drawTitle(_ title: String, into w: inout SVGWriter) {
        w.text(title, x: 16, y: 22, size: 15, attributes: "font-weight=\"600\" fill=\"#222\"")
    }

    /// Horizontal grid lines, y tick labels and the rotated y-axis title.
    static func drawYAxis(_ ticks: TickSet, map: AxisMap, title: String, plotTop: Double, into w: inout SVGWriter) {
        for tick in ticks.ticks {
            guard let y = map(tick.value) else { continue }
            if tick.isMajor {
                w.line(x1: plotLeft, y1: y, x2: plotLeft + plotWidth, y2: y, attributes: "stroke=\"#e3e3e3\" stroke-width=\"1\"")
                w.line(x1: plotLeft - 5, y1: y, x2: plotLeft, y2: y, attributes: "stroke=\"#666\" stroke-width=\"1\"")
                w.text(tick.label, x: plotLeft - 8, y: y + 4, anchor: "end", size: 10.5, attributes: "fill=\"#444\"")
            } else {
                w.line(x1: plotLeft - 3, y1: y, x2: plotLeft, y2: y, attributes: "stroke=\"#888\" stroke-width=\"0.8\"")
            }
        }
        w.line(x1: plotLeft, y1: plotTop, x2: plotLeft, y2: plotTop + plotHeight, attributes: "stroke=\"#666\" stroke-width=\"1\"")
        // The title, rotated, on one line or (when longer than the plot is high) two.
        let lines = Array(TextMetrics.wrap(title, size: 11, maxWidth: plotHeight).prefix(2))
        let cy = plotTop + plotHeight / 2
        for (i, line) in lines.enumerated() {
            let cx = lines.count == 1 ? 16.0 : 11.0 + 12.0 * Double(i)
            w.raw("<text x=\"\(SVGWriter.num(cx))\" y=\"\(SVGWriter.num(cy))\" text-anchor=\"middle\" font-size=\"11\" fill=\"#333\" transform=\"rotate(-90 \(SVGWriter.num(cx)) \(SVGWriter.num(cy)))\" dominant-baseline=\"middle\">\(XML.escape(line))</text>")
        }
    }

    static func drawEmptyNote(_ note: String, plotTop: Double, into w: inout SVGWriter) {
        w.rect(x: plotLeft + plotWidth / 2 - TextMetrics.width(note, size: 12) / 2 - 10, y: plotTop + plotHeight / 2 - 14,
               width: TextMetrics.width(note, size: 12) + 20, height: 24,
               attributes: "fill=\"#fff8e1\" stroke=\"#e0c070\" stroke-width=\"1\" rx=\"3\"")
        w.text(note, x: plotLeft + plotWidth / 2, y: plotTop + plotHeight / 2 + 3, anchor: "middle", size: 12, attributes: "fill=\"#6b5200\"")
    }
}

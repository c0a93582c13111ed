import Foundation

/// A chart over two continuous axes (linear or log each): lines, markers, one stacked-area
/// group, span lanes above the plot, horizontal bands and vertical markers.
///
/// Robustness contract: any mix of empty series, single points, constant values and NaN/inf is
/// accepted; invalid points are skipped (lines break into segments; a lone valid point shows as a
/// dot); values ≤ 0 are invalid on a log axis. If nothing valid remains, the frame is drawn with
/// `emptyNote` in the middle.
public struct XYChart: SVGChart {
    public var id: String
    public var title: String
    public var caption: String
    public var x: AxisSpec
    public var y: AxisSpec
    public var series: [Series]
    public var area: StackedArea?
    public var lanes: [SpanLane]
    public var bands: [HorizontalBand]
    public var markers: [XMarker]
    /// Shown in the plot area when no valid point exists.
    public var emptyNote: String

    public init(id: String, title: String, caption: String = "", x: AxisSpec, y: AxisSpec,
                series: [Series] = [], area: StackedArea? = nil, lanes: [SpanLane] = [],
                bands: [HorizontalBand] = [], markers: [XMarker] = [], emptyNote: String = "no data") {
        self.id = id
        self.title = title
        self.caption = caption
        self.x = x
        self.y = y
        self.series = series
        self.area = area
        self.lanes = lanes
        self.bands = bands
        self.markers = markers
        self.emptyNote = emptyNote
    }

    /// A stacked column: the lower and upper edge of each component, or nil for a gap.
    struct StackColumn {
        var x: Double
        var lower: [Double]
        var upper: [Double]
        var net: Double
    }

    func stackColumns() -> [StackColumn?] {
        guard let area else { return [] }
        return area.xs.indices.map { i -> StackColumn? in
            let xv = area.xs[i]
            guard xv.isFinite else { return nil }
            var lower: [Double] = [], upper: [Double] = []
            var pos = 0.0, neg = 0.0, net = 0.0
            for c in area.components {
                let v = i < c.values.count ? c.values[i] : .nan
                guard v.isFinite else { return nil }
                if v >= 0 { lower.append(pos); pos += v; upper.append(pos) } else { upper.append(neg); neg += v; lower.append(neg) }
                net += v
            }
            guard pos.isFinite, neg.isFinite, net.isFinite else { return nil }
            return StackColumn(x: xv, lower: lower, upper: upper, net: net)
        }
    }

    public func svg() -> String {
        let columns = stackColumns()
        let validX: (Double) -> Bool = { $0.isFinite && (x.scale == .linear || $0 > 0) }
        let validY: (Double) -> Bool = { $0.isFinite && (y.scale == .linear || $0 > 0) }
        var xs: [Double] = [], ys: [Double] = []
        for s in series { for p in s.points where validX(p.x) && validY(p.y) { xs.append(p.x); ys.append(p.y) } }
        for c in columns.compactMap({ $0 }) where validX(c.x) {
            xs.append(c.x)
            ys.append(contentsOf: (c.lower + c.upper + [c.net]).filter(validY))
        }
        let hasData = !xs.isEmpty
        for lane in lanes { for s in lane.spans { xs.append(s.from); xs.append(s.to) } }
        xs.append(contentsOf: markers.map(\.x))

        let xTicks = AxisTicks.choose(x, values: xs, target: 8)
        let yTicks = AxisTicks.choose(y, values: ys, target: 6)

        // Vertical layout.
        let laneTop = 34.0
        let laneHeight = 16.0
        let plotTop = laneTop + Double(lanes.count) * (laneHeight + 3) + (markers.isEmpty ? 6 : 16)
        let plotBottom = plotTop + ChartFrame.plotHeight
        let legend = ChartFrame.legendRows(legendEntries(hasArea: !columns.isEmpty))
        let legendTop = plotBottom + 44
        let captionTop = legendTop + Double(legend.count) * 16 + 8
        let captionLines = ChartFrame.captionLines(caption)
        let height = captionTop + Double(captionLines.count) * 15 + 10

        let xMap = AxisMap(scale: x.scale, domain: xTicks.domain, pixelStart: ChartFrame.plotLeft,
                           pixelEnd: ChartFrame.plotLeft + ChartFrame.plotWidth)
        let yMap = AxisMap(scale: y.scale, domain: yTicks.domain, pixelStart: plotBottom, pixelEnd: plotTop)

        var w = SVGWriter()
        ChartFrame.drawTitle(title, into: &w)
        let clipID = XML.escape(id) + "-clip"
        w.raw("<defs><clipPath id=\"\(clipID)\"><rect x=\"\(SVGWriter.num(ChartFrame.plotLeft))\" y=\"\(SVGWriter.num(plotTop))\" width=\"\(SVGWriter.num(ChartFrame.plotWidth))\" height=\"\(SVGWriter.num(ChartFrame.plotHeight))\"/></clipPath></defs>")

        // Bands and shaded spans behind everything.
        drawBands(yMap: yMap, plotTop: plotTop, into: &w)
        for lane in lanes where lane.shadePlot {
            for s in lane.spans {
                guard let a = xMap.clamped(s.from), let b = xMap.clamped(s.to) else { continue }
                w.rect(x: a, y: plotTop, width: b - a, height: ChartFrame.plotHeight,
                       attributes: "fill=\"\(Palette.softColor(s.color))\" fill-opacity=\"0.45\"")
            }
        }
        ChartFrame.drawYAxis(yTicks, map: yMap, title: y.title, plotTop: plotTop, into: &w)
        drawXAxis(xTicks, map: xMap, plotBottom: plotBottom, into: &w)
        drawLanes(xMap: xMap, top: laneTop, height: laneHeight, into: &w)

        w.raw("<g clip-path=\"url(#\(clipID))\">")
        if y.scale == .linear, yTicks.domain.contains(0), yTicks.domain.lowerBound < 0, let y0 = yMap(0) {
            w.line(x1: ChartFrame.plotLeft, y1: y0, x2: ChartFrame.plotLeft + ChartFrame.plotWidth, y2: y0,
                   attributes: "stroke=\"#444\" stroke-width=\"1\"")
        }
        drawArea(columns, xMap: xMap, yMap: yMap, into: &w)
        for (i, s) in series.enumerated() {
            drawSeries(s, color: Palette.seriesColor(s.color ?? i), xMap: xMap, yMap: yMap, into: &w)
        }
        w.raw("</g>")
        drawMarkers(xMap: xMap, plotTop: plotTop, plotBottom: plotBottom, into: &w)
        if !hasData { ChartFrame.drawEmptyNote(emptyNote, plotTop: plotTop, into: &w) }
        ChartFrame.drawLegend(legend, top: legendTop, into: &w)
        ChartFrame.drawCaption(captionLines, top: captionTop, into: &w)
        return ChartFrame.open(id: id, title: title, caption: caption, height: height) + w.body + "</svg>"
    }

    func legendEntries(hasArea: Bool) -> [LegendEntry] {
        var entries: [LegendEntry] = []
        if let area, hasArea {
            for (i, c) in area.components.enumerated() {
                entries.append(LegendEntry(label: c.name, swatch: .fill(Palette.seriesColor(i))))
            }
            if let net = area.netName { entries.append(LegendEntry(label: net, swatch: .line("#222", dashed: false))) }
        }
        // A series with an empty name (e.g. the second edge of an interval) has no legend entry.
        for (i, s) in series.enumerated() where !s.name.isEmpty {
            let color = Palette.seriesColor(s.color ?? i)
            let swatch: LegendEntry.Swatch
            switch s.style {
            case .line, .lineAndMarkers: swatch = .line(color, dashed: false)
            case .dashed: swatch = .line(color, dashed: true)
            case .markers: swatch = .marker(color)
            }
            entries.append(LegendEntry(label: s.name, swatch: swatch))
        }
        var seen = Set<String>()
        for lane in lanes {
            for s in lane.spans.sorted(by: { $0.color < $1.color }) where !seen.contains(s.label) {
                seen.insert(s.label)
                entries.append(LegendEntry(label: s.label, swatch: .fill(Palette.softColor(s.color))))
            }
        }
        return entries
    }

    func drawXAxis(_ ticks: TickSet, map: AxisMap, plotBottom: Double, into w: inout SVGWriter) {
        w.line(x1: ChartFrame.plotLeft, y1: plotBottom, x2: ChartFrame.plotLeft + ChartFrame.plotWidth, y2: plotBottom,
               attributes: "stroke=\"#666\" stroke-width=\"1\"")
        for tick in ticks.ticks {
            guard let px = map(tick.value) else { continue }
            w.line(x1: px, y1: plotBottom, x2: px, y2: plotBottom + (tick.isMajor ? 5 : 3),
                   attributes: "stroke=\"#666\" stroke-width=\"\(tick.isMajor ? "1" : "0.8")\"")
            w.text(tick.label, x: px, y: plotBottom + 18, anchor: "middle", size: 10.5, attributes: "fill=\"#444\"")
        }
        w.text(x.title, x: ChartFrame.plotLeft + ChartFrame.plotWidth / 2, y: plotBottom + 34, anchor: "middle",
               size: 11, attributes: "fill=\"#333\"")
    }

    func drawLanes(xMap: AxisMap, top: Double, height: Double, into w: inout SVGWriter) {
        for (i, lane) in lanes.enumerated() {
            let y = top + Double(i) * (height + 3)
            w.text(lane.label, x: ChartFrame.plotLeft - 6, y: y + height - 4, anchor: "end", size: 10, attributes: "fill=\"#333\"")
            w.rect(x: ChartFrame.plotLeft, y: y, width: ChartFrame.plotWidth, height: height,
                   attributes: "fill=\"none\" stroke=\"#ccc\" stroke-width=\"0.5\"")
            for s in lane.spans {
                guard let a = xMap.clamped(s.from), let b = xMap.clamped(s.to), b > a else { continue }
                w.rect(x: a, y: y, width: b - a, height: height,
                       attributes: "fill=\"\(Palette.softColor(s.color))\" stroke=\"#ffffff\" stroke-width=\"0.5\"")
                if TextMetrics.width(s.label, size: 9.5) + 6 < b - a {
                    w.text(s.label, x: (a + b) / 2, y: y + height - 4, anchor: "middle", size: 9.5, attributes: "fill=\"#333\"")
                }
            }
        }
    }

    func drawBands(yMap: AxisMap, plotTop: Double, into w: inout SVGWriter) {
        for (i, band) in bands.enumerated() {
            guard let a = yMap.clamped(band.from), let b = yMap.clamped(band.to), abs(a - b) > 0.5 else { continue }
            if i % 2 == 0 {
                w.rect(x: ChartFrame.plotLeft, y: min(a, b), width: ChartFrame.plotWidth, height: abs(a - b),
                       attributes: "fill=\"#f4f6f8\"")
            }
            if abs(a - b) >= 10 {
                w.text(band.label, x: ChartFrame.plotLeft + ChartFrame.plotWidth - 4, y: (a + b) / 2 + 3, anchor: "end",
                       size: 9, attributes: "fill=\"#8a94a0\"")
            }
        }
    }

    func drawMarkers(xMap: AxisMap, plotTop: Double, plotBottom: Double, into w: inout SVGWriter) {
        for m in markers {
            guard xMap.domain.contains(m.x), let px = xMap(m.x) else { continue }
            w.line(x1: px, y1: plotTop, x2: px, y2: plotBottom, attributes: "stroke=\"#555\" stroke-width=\"1\" stroke-dasharray=\"3 3\"")
            w.text(m.label, x: px, y: plotTop - 3, anchor: "middle", size: 9.5, attributes: "fill=\"#333\"")
        }
    }

    func drawArea(_ columns: [StackColumn?], xMap: AxisMap, yMap: AxisMap, into w: inout SVGWriter) {
        guard let area else { return }
        // Runs of consecutive drawable columns.
        var runs: [[StackColumn]] = []
        var run: [StackColumn] = []
        for c in columns {
            if let c, xMap(c.x) != nil, c.lower.allSatisfy({ yMap($0) != nil }), c.upper.allSatisfy({ yMap($0) != nil }) {
                run.append(c)
            } else if !run.isEmpty { runs.append(run); run = [] }
        }
        if !run.isEmpty { runs.append(run) }
        for (k, _) in area.components.enumerated() {
            let color = Palette.seriesColor(k)
            for run in runs {
                if run.count == 1 {
                    let c = run[0]
                    if let px = xMap(c.x), let a = yMap(c.lower[k]), let b = yMap(c.upper[k]) {
                        w.line(x1: px, y1: a, x2: px, y2: b, attributes: "stroke=\"\(color)\" stroke-width=\"4\"")
                    }
                    continue
                }
                var pts: [(Double, Double)] = []
                for c in run { pts.append((xMap(c.x)!, yMap(c.upper[k])!)) }
                for c in run.reversed() { pts.append((xMap(c.x)!, yMap(c.lower[k])!)) }
                w.path(pts, closed: true, attributes: "fill=\"\(color)\" fill-opacity=\"0.8\" stroke=\"\(color)\" stroke-width=\"0.5\"")
            }
        }
        if area.netName != nil {
            let net = Series(name: "", points: columns.compactMap { $0.map { Point($0.x, $0.net) } })
            drawSeries(net, color: "#222", xMap: xMap, yMap: yMap, into: &w)
        }
    }

    func drawSeries(_ s: Series, color: String, xMap: AxisMap, yMap: AxisMap, into w: inout SVGWriter) {
        var segments: [[(Double, Double)]] = []
        var current: [(Double, Double)] = []
        for p in s.points {
            if let px = xMap(p.x), let py = yMap(p.y) {
                current.append((px, py))
            } else if !current.isEmpty { segments.append(current); current = [] }
        }
        if !current.isEmpty { segments.append(current) }
        let dash = s.style == .dashed ? " stroke-dasharray=\"6 3\"" : ""
        for seg in segments {
            if s.style != .markers {
                if seg.count == 1 {
                    w.circle(cx: seg[0].0, cy: seg[0].1, r: 2.5, attributes: "fill=\"\(color)\"")
                } else {
                    w.path(seg, attributes: "fill=\"none\" stroke=\"\(color)\" stroke-width=\"2\" stroke-linejoin=\"round\"\(dash)")
                }
            }
            if s.style == .markers || s.style == .lineAndMarkers {
                for p in seg { w.circle(cx: p.0, cy: p.1, r: 3, attributes: "fill=\"\(color)\" fill-opacity=\"0.75\"") }
            }
        }
    }
}

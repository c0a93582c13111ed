import Foundation

/// Grouped bars over categories, each bar with an optional error interval (whiskers from `low`
/// to `high`). The value axis is linear and always contains zero; a zero line is drawn.
///
/// Robustness contract: a missing bar (nil, or a non-finite estimate) shows `missingLabel` in its
/// place; a non-finite interval end is left out; no category or no group draws the frame with
/// `emptyNote`.
public struct BarChart: SVGChart {
    public var id: String
    public var title: String
    public var caption: String
    public var categories: [String]
    public var groups: [BarGroup]
    public var xLabel: String
    public var y: AxisSpec
    public var missingLabel: String
    public var emptyNote: String

    public init(id: String, title: String, caption: String = "", categories: [String], groups: [BarGroup],
                xLabel: String, y: AxisSpec, missingLabel: String = "n/a", emptyNote: String = "no data") {
        self.id = id
        self.title = title
        self.caption = caption
        self.categories = categories
        self.groups = groups
        self.xLabel = xLabel
        var axis = y
        axis.scale = .linear
        axis.includeZero = true
        self.y = axis
        self.missingLabel = missingLabel
        self.emptyNote = emptyNote
    }

    func value(group g: Int, category c: Int) -> BarValue? {
        guard c < groups[g].values.count, let v = groups[g].values[c], v.estimate.isFinite else { return nil }
        return v
    }

    public func svg() -> String {
        var ys: [Double] = []
        for g in groups.indices {
            for c in categories.indices {
                guard let v = value(group: g, category: c) else { continue }
                ys.append(v.estimate)
                if let l = v.low, l.isFinite { ys.append(l) }
                if let h = v.high, h.isFinite { ys.append(h) }
            }
        }
        let hasData = !ys.isEmpty
        ys.append(0)
        let yTicks = AxisTicks.choose(y, values: ys, target: 6)

        let plotTop = 40.0
        let plotBottom = plotTop + ChartFrame.plotHeight
        let legend = ChartFrame.legendRows(groups.enumerated().map {
            LegendEntry(label: $0.element.name, swatch: .errorBar(Palette.seriesColor($0.offset)))
        })
        let legendTop = plotBottom + 44
        let captionTop = legendTop + Double(legend.count) * 16 + 8
        let captionLines = ChartFrame.captionLines(caption)
        let height = captionTop + Double(captionLines.count) * 15 + 10
        let yMap = AxisMap(scale: .linear, domain: yTicks.domain, pixelStart: plotBottom, pixelEnd: plotTop)

        var w = SVGWriter()
        ChartFrame.drawTitle(title, into: &w)
        ChartFrame.drawYAxis(yTicks, map: yMap, title: y.title, plotTop: plotTop, into: &w)
        w.line(x1: ChartFrame.plotLeft, y1: plotBottom, x2: ChartFrame.plotLeft + ChartFrame.plotWidth, y2: plotBottom,
               attributes: "stroke=\"#666\" stroke-width=\"1\"")

        let slot = categories.isEmpty ? ChartFrame.plotWidth : ChartFrame.plotWidth / Double(categories.count)
        let barWidth = groups.isEmpty ? 0 : min(48, slot * 0.7 / Double(groups.count))
        let y0 = yMap(0) ?? plotBottom
        for (c, name) in categories.enumerated() {
            let center = ChartFrame.plotLeft + slot * (Double(c) + 0.5)
            w.text(name, x: center, y: plotBottom + 18, anchor: "middle", size: 10.5, attributes: "fill=\"#444\"")
            for g in groups.indices {
                let left = center - barWidth * Double(groups.count) / 2 + barWidth * Double(g)
                let color = Palette.seriesColor(g)
                guard let v = value(group: g, category: c), let top = yMap(v.estimate) else {
                    if hasData {
                        w.text(missingLabel, x: left + barWidth / 2, y: y0 - 4, anchor: "middle", size: 9, attributes: "fill=\"#888\"")
                    }
                    continue
                }
                w.rect(x: left + 2, y: min(top, y0), width: barWidth - 4, height: abs(y0 - top),
                       attributes: "fill=\"\(color)\" fill-opacity=\"0.85\"")
                let lowPx = v.low.flatMap { yMap($0) }, highPx = v.high.flatMap { yMap($0) }
                let mid = left + barWidth / 2
                if lowPx != nil || highPx != nil {
                    let a = lowPx ?? top, b = highPx ?? top
                    w.line(x1: mid, y1: a, x2: mid, y2: b, attributes: "stroke=\"#222\" stroke-width=\"1.3\"")
                    if let lowPx { w.line(x1: mid - 5, y1: lowPx, x2: mid + 5, y2: lowPx, attributes: "stroke=\"#222\" stroke-width=\"1.3\"") }
                    if let highPx { w.line(x1: mid - 5, y1: highPx, x2: mid + 5, y2: highPx, attributes: "stroke=\"#222\" stroke-width=\"1.3\"") }
                }
            }
        }
        if let zero = yMap(0) {
            w.line(x1: ChartFrame.plotLeft, y1: zero, x2: ChartFrame.plotLeft + ChartFrame.plotWidth, y2: zero,
                   attributes: "stroke=\"#444\" stroke-width=\"1\"")
        }
        w.text(xLabel, x: ChartFrame.plotLeft + ChartFrame.plotWidth / 2, y: plotBottom + 34, anchor: "middle",
               size: 11, attributes: "fill=\"#333\"")
        if !hasData { ChartFrame.drawEmptyNote(emptyNote, plotTop: plotTop, into: &w) }
        ChartFrame.drawLegend(legend, top: legendTop, into: &w)
        ChartFrame.drawCaption(captionLines, top: captionTop, into: &w)
        return ChartFrame.open(id: id, title: title, caption: caption, height: height) + w.body + "</svg>"
    }
}

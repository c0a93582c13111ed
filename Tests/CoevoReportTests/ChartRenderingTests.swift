import Foundation
import Testing
@testable import CoevoReport

struct ChartRenderingTests {
    func check(_ svg: String, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(SVGChecks.parseError(svg) == nil, sourceLocation: sourceLocation)
        #expect(SVGChecks.badNumbers(svg).isEmpty, "\(SVGChecks.badNumbers(svg).prefix(5))", sourceLocation: sourceLocation)
        #expect(!svg.contains("NaN") && !svg.contains("=\"nan") && !svg.contains("inf\""), sourceLocation: sourceLocation)
        #expect(svg.hasPrefix("<svg xmlns=\"http://www.w3.org/2000/svg\"") && svg.hasSuffix("</svg>"), sourceLocation: sourceLocation)
    }

    func count(_ needle: String, in text: String) -> Int { text.components(separatedBy: needle).count - 1 }

    func xy(_ series: [Series], x: AxisSpec = AxisSpec("x"), y: AxisSpec = AxisSpec("y"), area: StackedArea? = nil) -> XYChart {
        XYChart(id: "t", title: "T", caption: "C", x: x, y: y, series: series, area: area, emptyNote: "EMPTY-NOTE")
    }

    @Test func emptyChartShowsNote() {
        for chart in [xy([]), xy([Series(name: "a", points: [])]), xy([Series(name: "a", points: [Point(.nan, .nan), Point(1, .infinity)])])] {
            let svg = chart.svg()
            check(svg)
            #expect(svg.contains("EMPTY-NOTE"))
            #expect(!svg.contains("<path"))
        }
    }

    @Test func singlePointIsADot() {
        let svg = xy([Series(name: "a", points: [Point(3, 7)])]).svg()
        check(svg)
        #expect(!svg.contains("EMPTY-NOTE"))
        // One dot for the point; the legend swatch of a line is a <line>, not a circle.
        #expect(count("<circle", in: svg) == 1)
        #expect(!svg.contains("<path d="))
    }

    @Test func constantSeriesRenders() {
        let svg = xy([Series(name: "a", points: (0..<10).map { Point(Double($0), 0.5) })]).svg()
        check(svg)
        #expect(count("<path d=", in: svg) == 1)
    }

    @Test func nanBreaksLineIntoSegments() {
        // p0 alone (dot), gap, p2–p3 (path), inf gap, p5–p6 (path)
        let pts = [Point(0, 1), Point(1, .nan), Point(2, 3), Point(3, 4), Point(4, .infinity), Point(5, 2), Point(6, 1)]
        let svg = xy([Series(name: "a", points: pts)]).svg()
        check(svg)
        #expect(count("<path d=", in: svg) == 2)
        #expect(count("<circle", in: svg) == 1)
    }

    @Test func logAxesSkipNonPositive() {
        let pts = [Point(1, 10), Point(10, 0), Point(100, -5), Point(1000, 1000), Point(0, 3)]
        let chart = xy([Series(name: "a", points: pts, style: .markers)],
                       x: AxisSpec("x", scale: .log), y: AxisSpec("y", scale: .log))
        let svg = chart.svg()
        check(svg)
        // Markers for (1,10) and (1000,1000) plus the legend swatch.
        #expect(count("<circle", in: svg) == 3)
        #expect(svg.contains(">1000<") && svg.contains(">10<"))
    }

    @Test func xmlEscaping() {
        let nasty = "a<b>&\"c\"'d' \u{1}"
        var chart = xy([Series(name: nasty, points: [Point(0, 0), Point(1, 1)])], x: AxisSpec(nasty, unit: nasty))
        chart.title = nasty
        chart.caption = nasty
        chart.lanes = [SpanLane(label: nasty, spans: [Span(from: 0, to: 1, label: nasty, color: 1)])]
        chart.bands = [HorizontalBand(from: 0, to: 0.5, label: nasty)]
        chart.markers = [XMarker(x: 0.5, label: nasty)]
        let svg = chart.svg()
        check(svg)
        #expect(svg.contains("a&lt;b&gt;&amp;&quot;c&quot;&#39;d&#39;"))
        #expect(!svg.contains("a<b>"))
        #expect(XML.escape("x\u{0}y\u{FFFE}z\tw") == "xyz\tw")
    }

    @Test func deterministicBytes() {
        func make() -> XYChart {
            xy([Series(name: "a", points: (0..<50).map { Point(Double($0), sin(Double($0) / 7)) }),
                Series(name: "b", points: (0..<50).map { Point(Double($0), Double($0 % 7) / 3) }, style: .dashed)],
               area: StackedArea(xs: [0, 1, 2], components: [.init(name: "c", values: [1, -1, 2])], netName: "net"))
        }
        let a = make().svg(), b = make().svg()
        #expect(a == b)
        #expect(a.utf8.count > 1000)
    }

    @Test func stackingPositivesUpNegativesDown() {
        let area = StackedArea(xs: [0, 1, 2], components: [
            .init(name: "p", values: [2, 1, .nan]),
            .init(name: "n", values: [-1, -2, 1]),
            .init(name: "q", values: [3, 1, 1]),
        ], netName: "net")
        let cols = xy([], area: area).stackColumns()
        #expect(cols.count == 3)
        let c0 = cols[0]!
        #expect(c0.lower == [0, -1, 2] && c0.upper == [2, 0, 5] && c0.net == 4)
        let c1 = cols[1]!
        #expect(c1.lower == [0, -2, 1] && c1.upper == [1, 0, 2] && c1.net == 0)
        #expect(cols[2] == nil)   // NaN component → gap
        let svg = xy([], area: area).svg()
        check(svg)
        // Domain must include the negative stack: a zero line is drawn and "-2" is a tick.
        #expect(svg.contains(">-2<") || svg.contains(">-2.0<"))
    }

    @Test func lanesBandsAndMarkers() {
        let chart = XYChart(id: "lanes", title: "L", x: AxisSpec("t"), y: AxisSpec("v", domain: 0...1),
                            series: [Series(name: "a", points: [Point(0, 0.2), Point(40, 0.9)])],
                            lanes: [SpanLane(label: "stage", spans: [Span(from: 0, to: 20, label: "one", color: 1),
                                                                     Span(from: 20, to: 41, label: "two", color: 2)], shadePlot: true)],
                            bands: (0..<10).map { HorizontalBand(from: Double($0) / 10, to: Double($0 + 1) / 10, label: "g\($0)") },
                            markers: [XMarker(x: 20, label: "S2")])
        let svg = chart.svg()
        check(svg)
        for label in ["stage", "one", "two", "g0", "g9", "S2"] { #expect(svg.contains(">\(label)<"), "\(label)") }
        // Data above the fixed domain is clipped, not rescaled: the y axis stays 0…1.
        #expect(svg.contains(">1.0<") && !svg.contains(">1.2<"))
        #expect(svg.contains("clip-path=\"url(#lanes-clip)\""))
    }

    @Test func barsWithIntervalsAndMissing() {
        let chart = BarChart(id: "bars", title: "B", caption: "cap", categories: ["s1", "s2", "s3", "s4"],
                             groups: [BarGroup(name: "g1", values: [BarValue(estimate: -0.1, low: -0.2, high: 0.02), nil,
                                                                      BarValue(estimate: .nan), BarValue(estimate: -0.3, low: .nan, high: -0.25)]),
                                      BarGroup(name: "g2", values: [BarValue(estimate: 0.05)])],
                             xLabel: "stage", y: AxisSpec("beta"), missingLabel: "MISSING")
        let svg = chart.svg()
        check(svg)
        // g1: nil and NaN estimate are missing; g2: three missing (values shorter than categories).
        #expect(count(">MISSING<", in: svg) == 5)
        // Domain contains the interval ends and zero: -0.3…0.05 → nice ticks -0.3…0.1.
        #expect(svg.contains(">-0.3<") && svg.contains(">0.0<"))
        let empty = BarChart(id: "e", title: "E", categories: ["a"], groups: [BarGroup(name: "g", values: [nil])],
                             xLabel: "x", y: AxisSpec("y"), emptyNote: "NOTHING")
        #expect(empty.svg().contains("NOTHING"))
        check(empty.svg())
        check(BarChart(id: "z", title: "Z", categories: [], groups: [], xLabel: "x", y: AxisSpec("y")).svg())
    }

    @Test func captionWrapsAndCJKIsWide() {
        let long = String(repeating: "word ", count: 60)
        let lines = TextMetrics.wrap(long, size: 11, maxWidth: 300)
        #expect(lines.count > 3)
        #expect(lines.allSatisfy { TextMetrics.width($0, size: 11) <= 300 })
        let zh = String(repeating: "协调", count: 60)
        let zhLines = TextMetrics.wrap(zh, size: 11, maxWidth: 300)
        #expect(zhLines.count == 5 && zhLines.joined() == zh)   // 120 characters, 27 of 11 px per line
    }
}

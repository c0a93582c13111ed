/// The data types that describe a chart. A chart is a value: rendering it twice gives the same
/// bytes. Values may be NaN or infinite anywhere; renderers skip them (lines break into gaps).

/// Something that renders itself as one self-contained `<svg>` element.
public protocol SVGChart: Sendable {
    /// An identifier unique within the page; used to prefix the SVG's internal ids.
    var id: String { get }
    var title: String { get }
    var caption: String { get }
    /// The `<svg>…</svg>` markup (with the SVG namespace, so it also stands alone as a file).
    func svg() -> String
}

public enum AxisScale: Sendable, Equatable { case linear, log }

/// One axis: its label and unit (shown as "label (unit)"), scale, and optional fixed domain.
public struct AxisSpec: Sendable, Equatable {
    public var label: String
    public var unit: String?
    public var scale: AxisScale
    /// When set, the axis shows exactly this range and data outside it is clipped.
    public var domain: ClosedRange<Double>?
    /// Widen an automatic linear domain so that it contains zero.
    public var includeZero: Bool

    public init(_ label: String, unit: String? = nil, scale: AxisScale = .linear,
                domain: ClosedRange<Double>? = nil, includeZero: Bool = false) {
        self.label = label
        self.unit = unit
        self.scale = scale
        self.domain = domain
        self.includeZero = includeZero
    }

    /// "label (unit)", or the label alone.
    public var title: String {
        guard let unit, !unit.isEmpty else { return label }
        return "\(label) (\(unit))"
    }
}

public struct Point: Sendable, Equatable {
    public var x: Double
    public var y: Double
    public init(_ x: Double, _ y: Double) { self.x = x; self.y = y }
}

public enum SeriesStyle: Sendable, Equatable {
    case line, dashed, markers, lineAndMarkers
}

/// A named sequence of points drawn as a line (gaps at invalid points) or as markers.
public struct Series: Sendable, Equatable {
    public var name: String
    public var points: [Point]
    public var style: SeriesStyle
    /// Index into `Palette.series`; nil uses the series' position in the chart.
    public var color: Int?

    public init(name: String, points: [Point], style: SeriesStyle = .line, color: Int? = nil) {
        self.name = name
        self.points = points
        self.style = style
        self.color = color
    }
}

/// Components stacked over a shared x grid: positive values stack up from zero, negative values
/// stack down from zero, so the areas above zero minus those below equal the net sum, which can be
/// drawn as a line. A column with any non-finite value (or a non-finite x) is a gap.
public struct StackedArea: Sendable, Equatable {
    public struct Component: Sendable, Equatable {
        public var name: String
        public var values: [Double]
        public init(name: String, values: [Double]) { self.name = name; self.values = values }
    }
    public var xs: [Double]
    public var components: [Component]
    /// Name of the net-sum line; nil draws no net line.
    public var netName: String?

    public init(xs: [Double], components: [Component], netName: String? = nil) {
        self.xs = xs
        self.components = components
        self.netName = netName
    }
}

/// A labelled x interval, e.g. the quarters spent in one stage.
public struct Span: Sendable, Equatable {
    public var from: Double
    public var to: Double
    public var label: String
    /// Index into `Palette.soft`.
    public var color: Int
    public init(from: Double, to: Double, label: String, color: Int) {
        self.from = from; self.to = to; self.label = label; self.color = color
    }
}

/// A strip of spans drawn above the plot area (one strip per classifier); optionally the spans
/// also shade the plot area faintly.
public struct SpanLane: Sendable, Equatable {
    public var label: String
    public var spans: [Span]
    public var shadePlot: Bool
    public init(label: String, spans: [Span], shadePlot: Bool = false) {
        self.label = label; self.spans = spans; self.shadePlot = shadePlot
    }
}

/// A labelled horizontal band across the plot, e.g. a coordination grade's range of D.
public struct HorizontalBand: Sendable, Equatable {
    public var from: Double
    public var to: Double
    public var label: String
    public init(from: Double, to: Double, label: String) { self.from = from; self.to = to; self.label = label }
}

/// A dashed vertical line at `x` with a short label at the top of the plot.
public struct XMarker: Sendable, Equatable {
    public var x: Double
    public var label: String
    public init(x: Double, label: String) { self.x = x; self.label = label }
}

/// An estimate with an optional interval, for bar charts.
public struct BarValue: Sendable, Equatable {
    public var estimate: Double
    public var low: Double?
    public var high: Double?
    public init(estimate: Double, low: Double? = nil, high: Double? = nil) {
        self.estimate = estimate; self.low = low; self.high = high
    }
}

/// One bar per category; nil (or a non-finite estimate) prints "n/a" in place of the bar.
public struct BarGroup: Sendable, Equatable {
    public var name: String
    public var values: [BarValue?]
    public init(name: String, values: [BarValue?]) { self.name = name; self.values = values }
}

/// Colours, fixed so that output is deterministic (Tableau 10 with a dark grey last, for totals,
/// and light tints for spans).
public enum Palette {
    public static let series = ["#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f",
                                "#edc948", "#b07aa1", "#ff9da7", "#9c755f", "#333333"]
    public static let soft = ["#e8e8e8", "#cfe2f3", "#d9ead3", "#fff2cc", "#f4cccc",
                              "#d9d2e9", "#fce5cd", "#d0e0e3"]
    static func seriesColor(_ i: Int) -> String { series[((i % series.count) + series.count) % series.count] }
    static func softColor(_ i: Int) -> String { soft[((i % soft.count) + soft.count) % soft.count] }
}

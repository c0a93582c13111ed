/// A report as data: a title, a header of facts and tables, and sections of charts, tables and
/// notes. Output kinds (run, sweep, measure) build one of these; `HTMLRenderer` turns it into a page.
public struct ReportDocument: Sendable {
    public var title: String
    public var subtitle: String
    public var strings: ReportStrings
    /// Blocks shown under the title before the table of contents (facts, stage table, …).
    public var header: [ReportBlock]
    public var sections: [ReportSection]

    public init(title: String, subtitle: String = "", strings: ReportStrings, header: [ReportBlock] = [],
                sections: [ReportSection] = []) {
        self.title = title
        self.subtitle = subtitle
        self.strings = strings
        self.header = header
        self.sections = sections
    }

    /// All charts of the document, in order.
    public var charts: [any SVGChart] {
        (header + sections.flatMap(\.blocks)).compactMap {
            if case let .chart(c) = $0 { return c } else { return nil }
        }
    }
}

public struct ReportSection: Sendable {
    /// Anchor id, unique within the page (letters, digits and '-').
    public var id: String
    public var title: String
    public var blocks: [ReportBlock]
    public init(id: String, title: String, blocks: [ReportBlock]) {
        self.id = id; self.title = title; self.blocks = blocks
    }
}

public enum ReportBlock: Sendable {
    case chart(any SVGChart)
    case table(ReportTable)
    /// A short highlighted remark (e.g. why a chart is left out).
    case note(String)
    case paragraph(String)
    /// Label–value pairs shown as a compact definition list.
    case facts([(String, String)])
}

/// A table of text cells. `numericColumns` are right-aligned.
public struct ReportTable: Sendable {
    public var caption: String
    public var header: [String]
    public var rows: [[String]]
    public var numericColumns: Set<Int>
    /// Shown folded (HTML `<details>`), for long reference tables.
    public var collapsed: Bool

    public init(caption: String, header: [String], rows: [[String]], numericColumns: Set<Int> = [], collapsed: Bool = false) {
        self.caption = caption
        self.header = header
        self.rows = rows
        self.numericColumns = numericColumns
        self.collapsed = collapsed
    }
}

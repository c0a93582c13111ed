import CoevoReport
import Foundation

/// Two finished runs side by side: their facts, then each report section with run A's charts on
/// the left and run B's on the right.
enum ComparePage {
    static func render(a: Int, b: Int, store: RunStore) throws -> String {
        let docA = try ReportBuilder.document(directory: store.directory(of: a))
        let docB = try ReportBuilder.document(directory: store.directory(of: b))
        var h = "<header>\n<h1>Run <a href=\"/runs/\(a)\">\(a)</a> and run <a href=\"/runs/\(b)\">\(b)</a></h1>\n"
        h += "<p class=\"subtitle\">\(Page.escape(docA.subtitle)) — \(Page.escape(docB.subtitle))</p>\n</header>\n"
        h += "<div class=\"pair\" id=\"compare-header\">\n"
        for (id, doc) in [(a, docA), (b, docB)] {
            h += "<div><h3>Run \(id)</h3>\n"
            for block in doc.header { h += HTMLRenderer.render(block) }
            h += "</div>\n"
        }
        h += "</div>\n"
        let sectionsB = Dictionary(docB.sections.map { ($0.id, $0) }, uniquingKeysWith: { x, _ in x })
        for section in docA.sections {
            h += "<section id=\"\(Page.escape(section.id))\">\n<h2>\(Page.escape(section.title))</h2>\n<div class=\"pair\">\n"
            for (prefix, id, blocks) in [("a-", a, section.blocks), ("b-", b, sectionsB[section.id]?.blocks ?? [])] {
                h += "<div><h3>Run \(id)</h3>\n"
                for block in blocks { h += render(block, prefix: prefix) }
                h += "</div>\n"
            }
            h += "</div>\n</section>\n"
        }
        return Page.render(title: "Coevo: runs \(a) and \(b)", body: h, wide: true)
    }

    /// Renders a block; a chart's element ids get `prefix` so the two copies of the same chart
    /// on one page keep unique ids (and their clip paths point to their own definitions).
    static func render(_ block: ReportBlock, prefix: String) -> String {
        let html = HTMLRenderer.render(block)
        guard case let .chart(chart) = block else { return html }
        let id = XML.escape(chart.id)
        return html.replacingOccurrences(of: "id=\"\(id)", with: "id=\"\(prefix)\(id)")
            .replacingOccurrences(of: "url(#\(id)", with: "url(#\(prefix)\(id)")
            .replacingOccurrences(of: "href=\"#\(id)", with: "href=\"#\(prefix)\(id)")
    }
}

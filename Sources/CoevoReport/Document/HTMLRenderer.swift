/// Renders a `ReportDocument` as one self-contained HTML5 page: inline CSS, inline SVG charts,
/// no scripts, no external fonts, images or style sheets. All text is escaped.
public enum HTMLRenderer {
    public static func render(_ doc: ReportDocument) -> String {
        let s = doc.strings
        var h = "<!DOCTYPE html>\n<html lang=\"\(s.htmlLang)\">\n<head>\n<meta charset=\"utf-8\">\n"
        h += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        h += "<title>\(XML.escape(doc.title))</title>\n<style>\n\(css)</style>\n</head>\n<body>\n<main>\n"
        h += "<header>\n<h1>\(XML.escape(doc.title))</h1>\n"
        if !doc.subtitle.isEmpty { h += "<p class=\"subtitle\">\(XML.escape(doc.subtitle))</p>\n" }
        for block in doc.header { h += render(block) }
        h += "</header>\n"
        if !doc.sections.isEmpty {
            h += "<nav>\n<h2>\(XML.escape(s.contents))</h2>\n<ol>\n"
            for sec in doc.sections {
                h += "<li><a href=\"#\(XML.escape(sec.id))\">\(XML.escape(sec.title))</a></li>\n"
            }
            h += "</ol>\n</nav>\n"
        }
        for sec in doc.sections {
            h += "<section id=\"\(XML.escape(sec.id))\">\n<h2>\(XML.escape(sec.title))</h2>\n"
            for block in sec.blocks { h += render(block) }
            h += "</section>\n"
        }
        h += "<footer>\(XML.escape(s.generatedBy))</footer>\n</main>\n</body>\n</html>\n"
        return h
    }

    public static func render(_ block: ReportBlock) -> String {
        switch block {
        case let .chart(chart):
            return "<figure class=\"chart\">\n\(chart.svg())\n</figure>\n"
        case let .note(text):
            return "<p class=\"note\">\(XML.escape(text))</p>\n"
        case let .paragraph(text):
            return "<p>\(XML.escape(text))</p>\n"
        case let .facts(pairs):
            var h = "<dl class=\"facts\">\n"
            for (k, v) in pairs { h += "<div><dt>\(XML.escape(k))</dt><dd>\(XML.escape(v))</dd></div>\n" }
            return h + "</dl>\n"
        case let .table(t):
            var h = ""
            if t.collapsed { h += "<details>\n<summary>\(XML.escape(t.caption))</summary>\n" }
            h += "<table>\n"
            if !t.collapsed && !t.caption.isEmpty { h += "<caption>\(XML.escape(t.caption))</caption>\n" }
            h += "<thead><tr>"
            for (i, c) in t.header.enumerated() {
                h += "<th\(t.numericColumns.contains(i) ? " class=\"num\"" : "")>\(XML.escape(c))</th>"
            }
            h += "</tr></thead>\n<tbody>\n"
            for row in t.rows {
                h += "<tr>"
                for (i, c) in row.enumerated() {
                    h += "<td\(t.numericColumns.contains(i) ? " class=\"num\"" : "")>\(XML.escape(c))</td>"
                }
                h += "</tr>\n"
            }
            h += "</tbody>\n</table>\n"
            if t.collapsed { h += "</details>\n" }
            return h
        }
    }

    public static let css = """
    :root { color-scheme: light; }
    body { margin: 0; background: #f6f7f9; color: #222; font-family: system-ui, -apple-system, 'Segoe UI', 'Noto Sans', 'Noto Sans CJK SC', 'PingFang SC', 'Microsoft YaHei', sans-serif; line-height: 1.45; }
    main { max-width: 780px; margin: 0 auto; padding: 24px 16px 48px; }
    h1 { font-size: 1.6rem; margin: 0 0 4px; }
    h2 { font-size: 1.25rem; margin: 32px 0 12px; border-bottom: 1px solid #d8dde3; padding-bottom: 4px; }
    .subtitle { color: #555; margin-top: 0; }
    nav ol { columns: 2; padding-left: 1.4em; }
    nav a { color: #2a5d8f; text-decoration: none; }
    nav a:hover { text-decoration: underline; }
    figure.chart { margin: 16px 0; background: #fff; border: 1px solid #e1e4e8; border-radius: 4px; padding: 4px; overflow-x: auto; }
    figure.chart svg { display: block; max-width: 100%; height: auto; }
    table { border-collapse: collapse; margin: 12px 0; background: #fff; font-size: 0.92rem; }
    caption { text-align: left; font-weight: 600; padding: 4px 0; }
    th, td { border: 1px solid #e1e4e8; padding: 4px 10px; text-align: left; }
    th { background: #eef1f4; }
    .num { text-align: right; font-variant-numeric: tabular-nums; }
    .note { background: #fff8e1; border-left: 3px solid #e0c070; padding: 6px 10px; }
    dl.facts { display: flex; flex-wrap: wrap; gap: 8px 24px; margin: 12px 0; }
    dl.facts div { background: #fff; border: 1px solid #e1e4e8; border-radius: 4px; padding: 4px 10px; }
    dt { font-size: 0.8rem; color: #666; }
    dd { margin: 0; font-weight: 600; }
    details { margin: 12px 0; }
    summary { cursor: pointer; color: #2a5d8f; }
    footer { margin-top: 40px; color: #777; font-size: 0.85rem; }

    """
}

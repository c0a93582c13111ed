import CoevoReport

/// The frame shared by every page: the report's style sheet plus the server's few additions, a
/// navigation line and the body. All text must be escaped with ``Page/escape(_:)`` by callers.
enum Page {
    static func escape(_ s: String) -> String { XML.escape(s) }

    static func render(title: String, body: String, wide: Bool = false, script: String? = nil) -> String {
        var h = "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
        h += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        h += "<title>\(escape(title))</title>\n<style>\n\(HTMLRenderer.css)\(css)</style>\n</head>\n"
        h += "<body>\n<main\(wide ? " class=\"wide\"" : "")>\n"
        h += "<p class=\"topnav\"><a href=\"/\">Coevo</a> · <a href=\"/#runs\">runs</a> · <a href=\"/#scenarios\">scenarios</a> · <a href=\"/#new\">new run</a></p>\n"
        h += body
        h += "<footer>coevo serve · runs execute one at a time on this machine</footer>\n</main>\n"
        if let script { h += "<script>\n\(script)\n</script>\n" }
        h += "</body>\n</html>\n"
        return h
    }

    static let css = """
    main.wide { max-width: 1480px; }
    .topnav { margin: 0 0 12px; font-size: 0.9rem; }
    .topnav a, td a, p a { color: #2a5d8f; }
    form.run fieldset { border: 1px solid #d8dde3; border-radius: 4px; margin: 10px 0; background: #fff; }
    form.run details { margin: 6px 0; background: #fff; border: 1px solid #e1e4e8; border-radius: 4px; padding: 4px 10px; }
    .field { display: grid; grid-template-columns: 16em 10em 1fr; gap: 2px 10px; align-items: baseline; padding: 3px 0; border-bottom: 1px solid #f0f2f4; }
    .field label { font-family: ui-monospace, monospace; font-size: 0.85rem; }
    .field input, .field select { width: 9.5em; font: inherit; }
    .field .meta { font-size: 0.8rem; color: #555; }
    .field .meta b { font-weight: 600; color: #333; }
    .error { color: #a40000; font-size: 0.88rem; grid-column: 1 / -1; }
    .errors { background: #fdecea; border-left: 3px solid #c0392b; padding: 6px 10px; margin: 10px 0; }
    .errors p { margin: 2px 0; font-family: ui-monospace, monospace; font-size: 0.85rem; }
    button { font: inherit; padding: 4px 14px; }
    progress { width: 100%; height: 18px; }
    code.cli { display: block; background: #fff; border: 1px solid #e1e4e8; padding: 6px 8px; font-size: 0.85rem; white-space: pre-wrap; word-break: break-all; }
    .state-finished { color: #1e7b34; font-weight: 600; }
    .state-failed, .state-interrupted { color: #a40000; font-weight: 600; }
    .state-running, .state-queued { color: #8a6d00; font-weight: 600; }
    .chart-grid { display: grid; grid-template-columns: repeat(auto-fill, minmax(520px, 1fr)); gap: 12px; }
    .chart-grid figure.chart { margin: 0; }
    .pair { display: grid; grid-template-columns: 1fr 1fr; gap: 16px; }
    .pair > div { min-width: 0; }
    .pair h3 { font-size: 1rem; margin: 8px 0; }

    """
}

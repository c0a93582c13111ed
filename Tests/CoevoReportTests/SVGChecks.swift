import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
@testable import CoevoReport

/// Helpers that check rendered SVG/HTML: well-formed XML, finite numeric attributes, no external references.
enum SVGChecks {
    /// Parses `xml` with Foundation's XMLParser; returns nil when well-formed, else the parser error.
    static func parseError(_ xml: String) -> String? {
        let parser = XMLParser(data: Data(xml.utf8))
        let catcher = ErrorCatcher()
        parser.delegate = catcher
        let ok = parser.parse()
        if let e = catcher.error ?? parser.parserError { return String(describing: e) }
        if !ok { return "parse failed" }
        if catcher.depth != 0 { return "unbalanced elements (depth \(catcher.depth) at end)" }
        if catcher.roots != 1 { return "expected one root element, found \(catcher.roots)" }
        return nil
    }

    /// Records parse errors and checks element nesting independently of the parser's own result.
    final class ErrorCatcher: NSObject, XMLParserDelegate {
        var error: Error?
        var stack: [String] = []
        var depth: Int { stack.count }
        var roots = 0
        func parser(_ parser: XMLParser, parseErrorOccurred parseError: Error) { error = error ?? parseError }
        func parser(_ parser: XMLParser, validationErrorOccurred validationError: Error) { error = error ?? validationError }
        func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
                    qualifiedName qName: String?, attributes attributeDict: [String: String] = [:]) {
            if stack.isEmpty { roots += 1 }
            stack.append(elementName)
        }
        func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName qName: String?) {
            if stack.last == elementName { stack.removeLast() } else {
                error = error ?? NSError(domain: "SVGChecks", code: 1,
                                         userInfo: [NSLocalizedDescriptionKey: "</\(elementName)> closes <\(stack.last ?? "nothing")>"])
            }
        }
    }

    /// Every `<svg …>…</svg>` fragment in `html`.
    static func svgFragments(_ html: String) -> [String] {
        var out: [String] = []
        var rest = html[...]
        while let start = rest.range(of: "<svg "), let end = rest.range(of: "</svg>", range: start.upperBound..<rest.endIndex) {
            out.append(String(rest[start.lowerBound..<end.upperBound]))
            rest = rest[end.upperBound...]
        }
        return out
    }

    static let numericAttributes = ["x", "y", "x1", "y1", "x2", "y2", "cx", "cy", "r", "width", "height"]

    /// Numeric attribute values that are not finite numbers (should be empty), including path data.
    static func badNumbers(_ svg: String) -> [String] {
        var bad: [String] = []
        let attr = try! NSRegularExpression(pattern: "\\s(x|y|x1|y1|x2|y2|cx|cy|r|width|height)=\"([^\"]*)\"")
        let ns = svg as NSString
        for m in attr.matches(in: svg, range: NSRange(location: 0, length: ns.length)) {
            let value = ns.substring(with: m.range(at: 2))
            if Double(value).map({ !$0.isFinite }) ?? true { bad.append(ns.substring(with: m.range)) }
        }
        let path = try! NSRegularExpression(pattern: "\\sd=\"([^\"]*)\"")
        for m in path.matches(in: svg, range: NSRange(location: 0, length: ns.length)) {
            let d = ns.substring(with: m.range(at: 1))
            for token in d.split(whereSeparator: { "MLZ ".contains($0) }) {
                if Double(token).map({ !$0.isFinite }) ?? true { bad.append("d token \(token)") }
            }
        }
        for m in try! NSRegularExpression(pattern: "viewBox=\"([^\"]*)\"").matches(in: svg, range: NSRange(location: 0, length: ns.length)) {
            for token in ns.substring(with: m.range(at: 1)).split(separator: " ") where Double(token) == nil {
                bad.append("viewBox token \(token)")
            }
        }
        return bad
    }

    /// References to anything outside the page (should be empty).
    static func externalReferences(_ html: String) -> [String] {
        let patterns = [
            "(?i)\\b(src|href|xlink:href)\\s*=\\s*\"(?!#)[^\"]*\"",   // any src/href not to an in-page anchor
            "(?i)\\b(src|href)\\s*=\\s*'",                           // single-quoted ones
            "(?i)url\\(\\s*(?!#)",                                    // url( not to an in-page id
            "(?i)<script", "(?i)<link", "(?i)@import", "(?i)<img", "(?i)<iframe",
        ]
        var found: [String] = []
        let ns = html as NSString
        for p in patterns {
            let re = try! NSRegularExpression(pattern: p)
            for m in re.matches(in: html, range: NSRange(location: 0, length: ns.length)) {
                found.append(ns.substring(with: m.range))
            }
        }
        return found
    }
}

import Foundation

/// Builds SVG markup with coordinates printed to two decimals and every text escaped.
///
/// Contract: no method ever writes "nan" or "inf": a non-finite coordinate makes the element
/// be skipped, and finite coordinates are clamped to ±100000 px so a stray value cannot make a
/// huge number. Output is a pure function of the calls made (deterministic).
struct SVGWriter {
    private(set) var body = ""

    static func num(_ v: Double) -> String {
        let c = min(100_000, max(-100_000, v))
        // (One decimal point, so ".00" can only be the decimals.)
        var text = NumberFormat.fixed(c, decimals: 2)
        if text.hasSuffix(".00") { text.removeLast(3) }
        return text
    }

    static func allFinite(_ values: Double...) -> Bool { values.allSatisfy(\.isFinite) }

    mutating func raw(_ markup: String) { body += markup }

    mutating func line(x1: Double, y1: Double, x2: Double, y2: Double, attributes: String) {
        guard Self.allFinite(x1, y1, x2, y2) else { return }
        body += "<line x1=\"\(Self.num(x1))\" y1=\"\(Self.num(y1))\" x2=\"\(Self.num(x2))\" y2=\"\(Self.num(y2))\" \(attributes)/>"
    }

    mutating func rect(x: Double, y: Double, width: Double, height: Double, attributes: String) {
        guard Self.allFinite(x, y, width, height) else { return }
        let (x0, w) = width < 0 ? (x + width, -width) : (x, width)
        let (y0, h) = height < 0 ? (y + height, -height) : (y, height)
        body += "<rect x=\"\(Self.num(x0))\" y=\"\(Self.num(y0))\" width=\"\(Self.num(w))\" height=\"\(Self.num(h))\" \(attributes)/>"
    }

    mutating func circle(cx: Double, cy: Double, r: Double, attributes: String) {
        guard Self.allFinite(cx, cy, r) else { return }
        body += "<circle cx=\"\(Self.num(cx))\" cy=\"\(Self.num(cy))\" r=\"\(Self.num(r))\" \(attributes)/>"
    }

    /// A polyline path through the points (all must be finite; callers split at gaps).
    mutating func path(_ points: [(Double, Double)], closed: Bool = false, attributes: String) {
        let finite = points.filter { Self.allFinite($0.0, $0.1) }
        guard finite.count >= 2, finite.count == points.count else { return }
        var d = ""
        for (i, p) in finite.enumerated() {
            d += (i == 0 ? "M" : "L") + Self.num(p.0) + " " + Self.num(p.1)
        }
        if closed { d += "Z" }
        body += "<path d=\"\(d)\" \(attributes)/>"
    }

    /// Text anchored at (x, y); `anchor` is start, middle or end.
    mutating func text(_ string: String, x: Double, y: Double, anchor: String = "start",
                       size: Double = 11, attributes: String = "") {
        guard Self.allFinite(x, y), !string.isEmpty else { return }
        let extra = attributes.isEmpty ? "" : " " + attributes
        body += "<text x=\"\(Self.num(x))\" y=\"\(Self.num(y))\" text-anchor=\"\(anchor)\" font-size=\"\(Self.num(size))\"\(extra)>\(XML.escape(string))</text>"
    }
}

/// Rough text metrics for layout without a font engine: CJK and other wide characters count
/// as one em, others as 0.56 em. Deterministic by construction.
enum TextMetrics {
    static func width(_ text: String, size: Double) -> Double {
        var w = 0.0
        for scalar in text.unicodeScalars {
            w += isWide(scalar) ? 1.0 : 0.56
        }
        return w * size
    }

    static func isWide(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x1100...0x115F, 0x2E80...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F,
             0xFF00...0xFF60, 0xFFE0...0xFFE6, 0x20000...0x3FFFD:
            return true
        default:
            return false
        }
    }

    /// Greedy line wrapping to `maxWidth`: breaks at spaces, or between any two wide characters.
    static func wrap(_ text: String, size: Double, maxWidth: Double) -> [String] {
        var lines: [String] = []
        var current = ""
        // Tokens: words with their following space, or single wide characters.
        var tokens: [String] = []
        var word = ""
        for ch in text {
            if ch == " " {
                tokens.append(word + " "); word = ""
            } else if ch.unicodeScalars.first.map(isWide) == true {
                if !word.isEmpty { tokens.append(word); word = "" }
                tokens.append(String(ch))
            } else {
                word.append(ch)
            }
        }
        if !word.isEmpty { tokens.append(word) }
        for token in tokens {
            let candidate = current + token
            if !current.isEmpty && width(candidate.trimmingCharacters(in: .whitespaces), size: size) > maxWidth {
                lines.append(current.trimmingCharacters(in: .whitespaces))
                current = token
            } else {
                current = candidate
            }
        }
        let last = current.trimmingCharacters(in: .whitespaces)
        if !last.isEmpty { lines.append(last) }
        return lines
    }
}

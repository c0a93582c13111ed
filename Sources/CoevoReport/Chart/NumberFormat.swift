import Foundation

/// Number formatting for chart labels and report tables, free of floating-point noise.
///
/// Contract: the output never contains "nan", "inf" or "-0"; a non-finite value formats as
/// `NumberFormat.missing`. Output depends only on the value (and the arguments), never on the locale.
public enum NumberFormat {
    /// What a missing or non-finite value prints as.
    public static let missing = "–"

    /// `value` with exactly `decimals` digits after the point (0...15), e.g. tick labels on a
    /// linear axis whose step is 10^-decimals × {1, 2, 5}.
    public static func fixed(_ value: Double, decimals: Int) -> String {
        guard value.isFinite else { return missing }
        let d = max(0, min(15, decimals))
        return cleanNegativeZero(printf(value, decimals: d))
    }

    /// C's `%.{decimals}f` of a finite value, as `String(format:)` gives it (which formats doubles
    /// with the C library's printf in the C locale), without Foundation's format parsing: the
    /// charts print thousands of coordinates.
    static func printf(_ value: Double, decimals d: Int) -> String {
        withUnsafeTemporaryAllocation(of: CChar.self, capacity: 64) { buffer in
            let written = withVaList([value]) { vsnprintf(buffer.baseAddress!, 64, formats[d], $0) }
            guard written > 0 && written < 64 else { return String(format: "%.\(d)f", value) }
            return String(decoding: UnsafeRawBufferPointer(start: buffer.baseAddress!, count: Int(written)), as: UTF8.self)
        }
    }

    private static let formats: [String] = (0...15).map { "%.\($0)f" }

    /// `value` with at most `significant` significant digits (1...15), trailing zeros removed,
    /// plain decimal notation for 1e-4 ≤ |v| < 1e9 and `m×10ⁿ` notation otherwise.
    public static func significant(_ value: Double, digits significant: Int = 4) -> String {
        guard value.isFinite else { return missing }
        if value == 0 { return "0" }
        let digits = max(1, min(15, significant))
        let magnitude = abs(value)
        if magnitude >= 1e-4 && magnitude < 1e9 {
            // Decimals so that `digits` significant digits show; rounding may carry into a new digit,
            // which %f handles correctly.
            let exponent = Int(floor(log10(magnitude)))
            let decimals = max(0, digits - 1 - exponent)
            return cleanNegativeZero(trimZeros(String(format: "%.\(min(15, decimals))f", value)))
        }
        let text = String(format: "%.\(digits - 1)e", value)   // e.g. "1.230e+10"
        guard let eIndex = text.firstIndex(of: "e") else { return text }
        let mantissa = trimZeros(String(text[..<eIndex]))
        let exponent = Int(text[text.index(after: eIndex)...]) ?? 0
        return "\(mantissa)×10\(superscript(exponent))"
    }

    /// `10ⁿ` with a Unicode superscript exponent; plain decimals for -3 ≤ n ≤ 5 ("0.001" … "100000").
    public static func powerOfTen(_ exponent: Int) -> String {
        if exponent >= 0 && exponent <= 5 {
            return "1" + String(repeating: "0", count: exponent)
        }
        if exponent < 0 && exponent >= -3 {
            return "0." + String(repeating: "0", count: -exponent - 1) + "1"
        }
        return "10" + superscript(exponent)
    }

    /// A signed integer in Unicode superscript digits.
    public static func superscript(_ n: Int) -> String {
        let digits: [Character] = ["⁰", "¹", "²", "³", "⁴", "⁵", "⁶", "⁷", "⁸", "⁹"]
        var out = n < 0 ? "⁻" : ""
        for c in String(abs(n)) {
            if let d = c.wholeNumberValue { out.append(digits[d]) }
        }
        return out
    }

    /// Removes trailing zeros after a decimal point, and the point itself if nothing follows.
    static func trimZeros(_ text: String) -> String {
        guard text.contains(".") else { return text }
        var t = text
        while t.hasSuffix("0") { t.removeLast() }
        if t.hasSuffix(".") { t.removeLast() }
        return t
    }

    /// "-0", "-0.00" → "0", "0.00".
    static func cleanNegativeZero(_ text: String) -> String {
        guard text.hasPrefix("-") else { return text }
        let rest = text.dropFirst()
        if rest.allSatisfy({ $0 == "0" || $0 == "." }) { return String(rest) }
        return text
    }
}

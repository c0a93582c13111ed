/// Strict reading of numbers in data cells and spec values: plain decimal notation only
/// (`-12`, `3.5`, `.5`, `1e-3`, `2E+4`). Refused: hexadecimal (`0x10`), a leading `+`, `inf`,
/// `nan`, and values that overflow to infinity or underflow to zero from a non-zero mantissa
/// (`1e-400`), which would otherwise silently change the data.
enum NumberText {
    static func decimal(_ s: String) -> Double? {
        var it = Array(s.utf8)[...]
        if it.first == UInt8(ascii: "-") { it = it.dropFirst() }
        var digits = 0, nonZero = false, sawDot = false
        while let c = it.first {
            if c >= UInt8(ascii: "0") && c <= UInt8(ascii: "9") { digits += 1; if c != UInt8(ascii: "0") { nonZero = true } }
            else if c == UInt8(ascii: "."), !sawDot { sawDot = true }
            else { break }
            it = it.dropFirst()
        }
        guard digits > 0 else { return nil }
        if let c = it.first, c == UInt8(ascii: "e") || c == UInt8(ascii: "E") {
            it = it.dropFirst()
            if let sign = it.first, sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-") { it = it.dropFirst() }
            guard let d = it.first, d >= UInt8(ascii: "0") && d <= UInt8(ascii: "9") else { return nil }
            while let d = it.first, d >= UInt8(ascii: "0") && d <= UInt8(ascii: "9") { it = it.dropFirst() }
        }
        guard it.isEmpty, let x = Double(s), x.isFinite, !(x == 0 && nonZero) else { return nil }
        return x
    }

    /// An integer in `range` written in decimal (an integral decimal such as `2010.0` is fine).
    static func integer(_ s: String, in range: ClosedRange<Int>) -> Int? {
        if let t = Int(s), s.first != "+", range.contains(t) { return t }
        guard let d = decimal(s), d == d.rounded(), d >= Double(range.lowerBound), d <= Double(range.upperBound) else { return nil }
        return Int(d)
    }
}

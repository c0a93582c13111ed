// CSV, read and written in one place: the store, sweeps, sensitivity, calibration and
// `coevo measure` write with `CSVFormat`; `coevo measure` (users' data) and the reports (the files
// runs wrote) read with `CSVReader`.

/// Locale-independent, byte-reproducible CSV text (RFC 4180 quoting).
public enum CSVFormat {
    /// The shortest decimal text that reads back as exactly `value` (Swift's `Double.description`,
    /// which never depends on the locale), e.g. `0.1`, `2.0`, `1e-05`, `-0.0`. Non-finite values are
    /// written `NaN`, `Inf`, `-Inf`, which Python, pandas and R all parse.
    public static func number(_ value: Double) -> String {
        if value.isNaN { return "NaN" }
        if value.isInfinite { return value < 0 ? "-Inf" : "Inf" }
        return value.description
    }

    /// `field` as is, or double-quoted with inner quotes doubled if it holds a comma, a quote, or a
    /// line break.
    public static func field(_ field: String) -> String {
        let needsQuoting = field.utf8.contains { byte in
            byte == UInt8(ascii: ",") || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\n")
                || byte == UInt8(ascii: "\r")
        }
        guard needsQuoting else { return field }
        var quoted = "\""
        quoted.reserveCapacity(field.utf8.count + 8)
        for character in field {
            if character == "\"" { quoted += "\"\"" } else { quoted.append(character) }
        }
        return quoted + "\""
    }
}

/// Reads CSV text into records (RFC 4180): fields separated by commas, optionally quoted with
/// "…" (a doubled quote inside is a quote; quoted fields may hold commas and line breaks); records
/// end at LF, CRLF or CR; a leading UTF-8 byte-order mark is skipped. Unquoted fields are trimmed
/// of surrounding white space (space, tab and the Unicode space separators); quoted fields keep
/// theirs. A record that is one empty field (a blank or all-space line) is skipped.
///
/// One pass over the UTF-8 bytes, O(bytes) time and memory, whatever the input.
public enum CSVReader {
    /// One record and the line on which it starts (1-based, counting the line breaks inside quoted
    /// fields).
    public struct Record: Sendable, Equatable {
        public var line: Int
        public var fields: [String]
        public init(line: Int, fields: [String]) { self.line = line; self.fields = fields }
    }

    /// A quoted field still open at the end of the text; `line` is where its record starts.
    public struct UnclosedQuote: Error, Sendable, Equatable {
        public var line: Int
        public init(line: Int) { self.line = line }
    }

    /// The records of `text`, header included.
    public static func records(_ text: String) throws -> [Record] {
        var text = text
        text.makeContiguousUTF8()
        return try text.utf8.withContiguousStorageIfAvailable { try records(bytes: $0) }!
    }

    private static let quote = UInt8(ascii: "\""), comma = UInt8(ascii: ","), newline = UInt8(ascii: "\n")
    private static let carriageReturn = UInt8(ascii: "\r"), space = UInt8(ascii: " "), tab = UInt8(ascii: "\t")

    private static func records(bytes: UnsafeBufferPointer<UInt8>) throws -> [Record] {
        var i = 0, end = bytes.count
        if end >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF { i = 3 }
        var out: [Record] = []
        var fields: [String] = []
        var line = 1, recordLine = 1
        // The field being read: unquoted, the bytes [start, i) (trimmed when it ends); quoted, the
        // text gathered so far.
        var start = i
        var quoted: [UInt8]? = nil
        func endField(at stop: Int) {
            if let q = quoted {
                // Text after the closing quote (`"ab"cd`) joins the field, as typed.
                var bytesOut = q
                bytesOut.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<stop]))
                fields.append(String(decoding: bytesOut, as: UTF8.self))
                quoted = nil
            } else {
                fields.append(trimmed(UnsafeBufferPointer(rebasing: bytes[start..<stop])))
            }
        }
        func endRecord(at stop: Int) {
            endField(at: stop)
            if !(fields.count == 1 && fields[0].isEmpty) { out.append(Record(line: recordLine, fields: fields)) }
            fields = []
        }
        while i < end {
            let c = bytes[i]
            if c == quote && quoted == nil && isBlank(UnsafeBufferPointer(rebasing: bytes[start..<i])) {
                // An opening quote: read to the closing one.
                var text: [UInt8] = []
                i += 1
                var closed = false
                while i < end {
                    let d = bytes[i]
                    if d == quote {
                        if i + 1 < end && bytes[i + 1] == quote { text.append(quote); i += 2; continue }
                        closed = true; i += 1; break
                    }
                    if d == newline || (d == carriageReturn && !(i + 1 < end && bytes[i + 1] == newline)) { line += 1 }
                    text.append(d); i += 1
                }
                guard closed else { throw UnclosedQuote(line: recordLine) }
                quoted = text
                start = i
                continue
            }
            if c == comma {
                endField(at: i)
                i += 1; start = i
            } else if c == newline || c == carriageReturn {
                endRecord(at: i)
                if c == carriageReturn && i + 1 < end && bytes[i + 1] == newline { i += 1 }
                i += 1; start = i
                line += 1; recordLine = line
            } else {
                i += 1
            }
        }
        if start < end || quoted != nil || !fields.isEmpty { endRecord(at: end) }
        return out
    }

    /// Whether the bytes are empty or only white space (the opening quote may follow spaces).
    private static func isBlank(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
        b.allSatisfy { $0 == space || $0 == tab } || trimmed(b).isEmpty
    }

    /// The bytes as text without surrounding white space (Foundation's `.whitespaces`: tab and the
    /// Unicode space separators; the non-ASCII ones are trimmed through the scalar view).
    private static func trimmed(_ b: UnsafeBufferPointer<UInt8>) -> String {
        var lo = 0, hi = b.count
        while lo < hi && (b[lo] == space || b[lo] == tab) { lo += 1 }
        while hi > lo && (b[hi - 1] == space || b[hi - 1] == tab) { hi -= 1 }
        let text = String(decoding: UnsafeBufferPointer(rebasing: b[lo..<hi]), as: UTF8.self)
        guard lo < hi && (b[lo] >= 0x80 || b[hi - 1] >= 0x80) else { return text }
        let scalars = Array(text.unicodeScalars)
        var first = 0, last = scalars.count
        while first < last && isSpace(scalars[first]) { first += 1 }
        while last > first && isSpace(scalars[last - 1]) { last -= 1 }
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars[first..<last])
        return String(view)
    }

    /// Foundation's `CharacterSet.whitespaces`: tab and the space separators (category Zs).
    private static func isSpace(_ u: Unicode.Scalar) -> Bool {
        u == "\t" || u.properties.generalCategory == .spaceSeparator
    }
}

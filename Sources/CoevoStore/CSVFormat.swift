/// Locale-independent, byte-reproducible CSV text for the store's files (RFC 4180 quoting).
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
        return "\"" + field.replacingAll("\"", with: "\"\"") + "\""
    }
}

extension String {
    /// Replaces every occurrence of `target` (without Foundation, for clarity of dependency).
    fileprivate func replacingAll(_ target: Character, with replacement: String) -> String {
        var result = ""
        result.reserveCapacity(count + 8)
        for character in self {
            if character == target { result += replacement } else { result.append(character) }
        }
        return result
    }
}

/// Escaping of text for XML and HTML (element content and double-quoted attribute values).
public enum XML {
    /// Replaces `& < > " '` by entities and drops characters that XML 1.0 forbids (C0 controls
    /// other than tab, newline and carriage return, lone surrogates cannot occur in a Swift String,
    /// U+FFFE and U+FFFF), so the result is always well-formed character data.
    public static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            case "\t", "\n", "\r": out.unicodeScalars.append(scalar)
            default:
                if scalar.value < 0x20 || scalar.value == 0xFFFE || scalar.value == 0xFFFF { continue }
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}

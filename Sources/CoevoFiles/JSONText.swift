// JSON string literals, written by hand where the bytes must be stable (run keys, stored JSON,
// pages): the one home of the escaping that the sweep design, `coevo measure` and the web page use.

public enum JSONText {
    /// `s` as a JSON string literal: quotes and backslashes escaped, control characters as
    /// `\n`, `\r`, `\t` or `\u00XX`. `forHTML`: safe inside an HTML `<script>` as well — `<`, `>`
    /// and `&` as `\u003c`, `\u003e`, `\u0026`, and every control character as `\u00XX`.
    public static func quoted(_ s: String, forHTML: Bool = false) -> String {
        var out = "\""
        for u in s.unicodeScalars {
            switch u {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n" where !forHTML: out += "\\n"
            case "\r" where !forHTML: out += "\\r"
            case "\t" where !forHTML: out += "\\t"
            case "<" where forHTML: out += "\\u003c"
            case ">" where forHTML: out += "\\u003e"
            case "&" where forHTML: out += "\\u0026"
            default:
                if u.value < 0x20 {
                    let hex = String(u.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(u)
                }
            }
        }
        return out + "\""
    }
}

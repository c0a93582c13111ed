/// Guards for YAML read from users (scenario files, measure specs, plans) before it reaches the
/// YAML library: anchors (`&a`) and aliases (`*a`) let a few hundred bytes stand for an
/// exponentially large document ("billion laughs"; Yams hashes whole nodes when it checks for
/// duplicate keys, so even composing such a file takes exponential time and memory). No input of
/// ours needs them, so they are refused.
///
/// The scan is conservative: it looks at every position where a YAML node may start (line start
/// after indentation, after `- `, `? `, `: `, `[`, `{`, `,` and after a tag) outside quoted
/// scalars, comments and block scalars; an `&` or `*` followed by a name character there is
/// reported. A plain scalar that merely starts with `&` or `*` is reported too (quote it).
public enum YAMLGuard {
    /// The line (1-based) and text of the first anchor or alias, or nil.
    public static func firstAnchorOrAlias(_ text: String) -> (line: Int, token: String)? {
        let c = Array(text.unicodeScalars)
        var i = 0
        var line = 1
        var atNodeStart = true
        var lineIndent = 0
        var atLineStart = true
        var blockIndent: Int? = nil     // inside a block scalar started on a line of this indentation
        var flowDepth = 0

        func isSpace(_ x: Unicode.Scalar) -> Bool { x == " " || x == "\t" }
        func isBreak(_ x: Unicode.Scalar) -> Bool { x == "\n" || x == "\r" }
        func next(_ k: Int) -> Unicode.Scalar? { i + k < c.count ? c[i + k] : nil }
        func endsToken(_ x: Unicode.Scalar?) -> Bool { x == nil || isSpace(x!) || isBreak(x!) }

        while i < c.count {
            let x = c[i]
            if isBreak(x) {
                if x == "\r", next(1) == "\n" { i += 1 }
                line += 1; i += 1
                atLineStart = true; atNodeStart = true; lineIndent = 0
                continue
            }
            if atLineStart {
                if x == " " { lineIndent += 1; i += 1; continue }
                atLineStart = false
                if let b = blockIndent {
                    if lineIndent > b { while i < c.count, !isBreak(c[i]) { i += 1 }; continue }
                    blockIndent = nil
                }
            }
            if x == "#" && (i == 0 || isSpace(c[i - 1]) || atNodeStart) {
                while i < c.count, !isBreak(c[i]) { i += 1 }
                continue
            }
            if atNodeStart {
                if isSpace(x) { i += 1; continue }
                if x == "&" || x == "*" {
                    if let n = next(1), !isSpace(n), !isBreak(n), !",[]{}".unicodeScalars.contains(n) {
                        var j = i
                        var token = ""
                        while j < c.count, !isSpace(c[j]), !isBreak(c[j]), token.unicodeScalars.count < 40 { token.unicodeScalars.append(c[j]); j += 1 }
                        return (line, token)
                    }
                }
                if x == "!" {   // a tag: the node still starts after it
                    while i < c.count, !endsToken(c[i]) { i += 1 }
                    continue
                }
                if x == "'" || x == "\"" {
                    i += 1
                    while i < c.count {
                        let y = c[i]
                        if isBreak(y) { line += 1; if y == "\r", next(1) == "\n" { i += 1 } }
                        if x == "\"" && y == "\\" { i += 2; continue }
                        if y == x {
                            if x == "'", next(1) == "'" { i += 2; continue }
                            break
                        }
                        i += 1
                    }
                    i += 1
                    atNodeStart = false
                    continue
                }
                if (x == "|" || x == ">") && flowDepth == 0 {
                    blockIndent = lineIndent
                    while i < c.count, !isBreak(c[i]) { i += 1 }
                    continue
                }
                if (x == "-" || x == "?" || x == ":") && endsToken(next(1)) { i += 1; continue }
                if x == "-", next(1) == "-", next(2) == "-", endsToken(next(3)) { i += 3; continue }
                if x == "[" || x == "{" { flowDepth += 1; i += 1; continue }
                if x == "]" || x == "}" { flowDepth = max(0, flowDepth - 1); i += 1; atNodeStart = false; continue }
                if x == "," && flowDepth > 0 { i += 1; continue }
                atNodeStart = false
            }
            // Inside a plain scalar or after a quoted one.
            if x == ":" && (endsToken(next(1)) || (flowDepth > 0 && ",[]{}".unicodeScalars.contains(next(1)!))) { atNodeStart = true }
            else if flowDepth > 0 && (x == "," || x == "[" || x == "{") { if x != "," { flowDepth += 1 }; atNodeStart = true }
            else if flowDepth > 0 && (x == "]" || x == "}") { flowDepth -= 1 }
            i += 1
        }
        return nil
    }
}

import Foundation

/// Splits a small CSV file into (line number, fields) rows. Handles a UTF-8 byte-order mark,
/// CRLF line ends, blank lines (skipped) and double-quoted fields (with "" for a quote).
/// Fields are trimmed of surrounding spaces.
enum CSVLines {
    /// The rows of a CSV file whose header must be exactly `header`, every row with as many fields
    /// (header removed); a mismatch is one `ReportError` line naming the file and line.
    static func table(_ url: URL, header: [String]) throws -> [[String]] {
        let lines = try read(url)
        guard lines.first?.fields == header else {
            throw ReportError.file(url.path, "expected the header \(header.joined(separator: ",")), found \(lines.first.map { $0.fields.joined(separator: ",") } ?? "an empty file")")
        }
        for (line, f) in lines.dropFirst() where f.count != header.count {
            throw ReportError.file(url.path, "line \(line): expected \(header.count) fields, found \(f.count)")
        }
        return lines.dropFirst().map(\.fields)
    }

    static func read(_ url: URL) throws -> [(line: Int, fields: [String])] {
        let data: Data
        do { data = try Data(contentsOf: url) } catch {
            throw ReportError.file(url.path, "cannot be read (\(error.localizedDescription))")
        }
        guard var text = String(data: data, encoding: .utf8) else {
            throw ReportError.file(url.path, "expected UTF-8 text, found undecodable bytes")
        }
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        var rows: [(line: Int, fields: [String])] = []
        var lineNumber = 0
        for rawLine in text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" }) {
            lineNumber += 1
            var line = Substring(rawLine)
            if line.hasSuffix("\r") { line = line.dropLast() }
            if line.trimmingCharacters(in: .whitespaces).isEmpty { continue }
            rows.append((lineNumber, splitFields(String(line))))
        }
        return rows
    }

    static func splitFields(_ line: String) -> [String] {
        var fields: [String] = []
        var field = ""
        var quoted = false
        var chars = line.makeIterator()
        var pending: Character? = nil
        while let c = pending ?? chars.next() {
            pending = nil
            if quoted {
                if c == "\"" {
                    if let next = chars.next() {
                        if next == "\"" { field.append("\"") } else { quoted = false; pending = next }
                    } else { quoted = false }
                } else { field.append(c) }
            } else if c == "\"" && field.trimmingCharacters(in: .whitespaces).isEmpty {
                quoted = true; field = ""
            } else if c == "," {
                fields.append(field.trimmingCharacters(in: .whitespaces)); field = ""
            } else { field.append(c) }
        }
        fields.append(field.trimmingCharacters(in: .whitespaces))
        return fields
    }

    /// Parses a number as written by the run (including "nan", "inf", "-inf"); empty → NaN.
    static func number(_ text: String) -> Double? {
        if text.isEmpty || text.lowercased() == "na" || text.lowercased() == "null" { return .nan }
        return Double(text)
    }
}

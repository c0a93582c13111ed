import Foundation

/// A CSV file read into memory: a header and records, each with the line on which it starts.
/// RFC 4180: fields separated by commas, optionally quoted with "…" (a doubled quote inside is a
/// quote; quoted fields may contain commas and line breaks); CRLF or LF; a UTF-8 BOM is skipped.
/// Blank lines are ignored. Fields are trimmed of surrounding spaces when unquoted.
public struct CSVTable: Sendable {
    public var file: String
    public var header: [String]
    public var records: [(line: Int, fields: [String])]

    public init(file: String, text: String) throws {
        self.file = file
        var rows: [(Int, [String])] = []
        var field = ""
        var fields: [String] = []
        var inQuotes = false
        var wasQuoted = false
        var line = 1
        var recordLine = 1
        var scalars = Array(text.unicodeScalars)
        if scalars.first == "\u{FEFF}" { scalars.removeFirst() }
        var i = 0
        func endField() {
            fields.append(wasQuoted ? field : field.trimmingCharacters(in: .whitespaces))
            field = ""
            wasQuoted = false
        }
        func endRecord() {
            endField()
            if !(fields.count == 1 && fields[0].isEmpty) { rows.append((recordLine, fields)) }
            fields = []
        }
        while i < scalars.count {
            let c = scalars[i]
            if inQuotes {
                if c == "\"" {
                    if i + 1 < scalars.count && scalars[i + 1] == "\"" {
                        field.unicodeScalars.append("\"")
                        i += 1
                    } else {
                        inQuotes = false
                    }
                } else {
                    if c == "\n" { line += 1 }
                    field.unicodeScalars.append(c)
                }
            } else if c == "\"" && field.trimmingCharacters(in: .whitespaces).isEmpty {
                inQuotes = true
                wasQuoted = true
                field = ""
            } else if c == "," {
                endField()
            } else if c == "\n" || c == "\r" {
                if c == "\r" && i + 1 < scalars.count && scalars[i + 1] == "\n" { i += 1 }
                endRecord()
                line += 1
                recordLine = line
            } else {
                field.unicodeScalars.append(c)
            }
            i += 1
        }
        if inQuotes {
            throw MeasureInputError("\(file):\(recordLine): expected a closing quote, found the end of the file")
        }
        if !field.isEmpty || !fields.isEmpty { endRecord() }
        guard let first = rows.first else {
            throw MeasureInputError("\(file): expected a header line, found an empty file")
        }
        header = first.1
        records = Array(rows.dropFirst())
        var seen: [String: Int] = [:]
        for (k, name) in header.enumerated() {
            if name.isEmpty { throw MeasureInputError("\(file):\(first.0): expected a column name, found an empty header cell (column \(k + 1))") }
            if seen[name] != nil { throw MeasureInputError("\(file):\(first.0): expected unique column names, found '\(name)' twice") }
            seen[name] = k
        }
        for r in records where r.fields.count != header.count {
            throw MeasureInputError("\(file):\(r.line): expected \(header.count) fields as in the header, found \(r.fields.count)")
        }
    }

    public init(contentsOf path: String) throws {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw MeasureInputError("\(path): expected a readable CSV file, found \(CSVTable.whatIsAt(path))")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw MeasureInputError("\(path): expected UTF-8 text, found undecodable bytes")
        }
        try self.init(file: path, text: text)
    }

    /// Index of a column, or an error naming the spec key that asked for it.
    public func column(_ name: String, for key: String) throws -> Int {
        guard let k = header.firstIndex(of: name) else {
            throw MeasureInputError("\(file):1: expected a column '\(name)' (spec key \(key)), found columns \(header.joined(separator: ", "))")
        }
        return k
    }

    /// What is at a path that could not be read: no such file, a directory, or an unreadable file.
    public static func whatIsAt(_ path: String) -> String {
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDir) else { return "no such file" }
        return isDir.boolValue ? "a directory" : "a file it cannot read (permissions or not a regular file)"
    }

    /// Cells read as missing: empty, NA, N/A, NaN, null, "." and "-" (case-insensitive).
    public static func isMissing(_ s: String) -> Bool {
        switch s.lowercased() {
        case "", "na", "n/a", "nan", "null", ".", "-": return true
        default: return false
        }
    }
}

import CoevoFiles
import Foundation

/// A CSV file read into memory: a header and records, each with the line on which it starts, as
/// `CSVReader` reads them (RFC 4180; unquoted fields trimmed; blank lines ignored), with unique,
/// non-empty column names and as many fields in every record as in the header.
public struct CSVTable: Sendable {
    public var file: String
    public var header: [String]
    public var records: [(line: Int, fields: [String])]

    public init(file: String, text: String) throws {
        self.file = file
        let rows: [(Int, [String])]
        do { rows = try CSVReader.records(text).map { ($0.line, $0.fields) } } catch let open as CSVReader.UnclosedQuote {
            throw MeasureInputError("\(file):\(open.line): expected a closing quote, found the end of the file")
        }
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

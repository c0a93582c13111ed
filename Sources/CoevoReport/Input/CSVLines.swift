import CoevoFiles
import Foundation

/// A CSV file the reports read (a run's, sweep's or analysis's output) as (line number, fields)
/// rows, read by `CSVReader` (RFC 4180; unquoted fields trimmed; blank lines skipped); every
/// problem is one `ReportError` line naming the file and line.
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
        guard let text = String(data: data, encoding: .utf8) else {
            throw ReportError.file(url.path, "expected UTF-8 text, found undecodable bytes")
        }
        do { return try CSVReader.records(text).map { ($0.line, $0.fields) } } catch let open as CSVReader.UnclosedQuote {
            throw ReportError.file(url.path, "line \(open.line): expected a closing quote, found the end of the file")
        }
    }

    /// Parses a number as written by the run (including "nan", "inf", "-inf"); empty → NaN.
    static func number(_ text: String) -> Double? {
        if text.isEmpty || text.lowercased() == "na" || text.lowercased() == "null" { return .nan }
        return Double(text)
    }
}

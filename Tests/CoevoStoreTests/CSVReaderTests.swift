import CoevoFiles
import Foundation
import Testing

/// CSVReader, the one reader of CSV text (users' data in `coevo measure`, run outputs in reports),
/// and its agreement with CSVFormat, the one writer.
@Suite struct CSVReaderTests {
    func read(_ text: String) throws -> [[String]] { try CSVReader.records(text).map(\.fields) }

    @Test func recordsEndAtLFCRLFOrCRAndABOMIsSkipped() throws {
        #expect(try read("a,b\n1,2\n") == [["a", "b"], ["1", "2"]])
        #expect(try read("\u{FEFF}a,b\r\n1,2\r\n3,4") == [["a", "b"], ["1", "2"], ["3", "4"]])
        #expect(try read("a,b\r1,2\r") == [["a", "b"], ["1", "2"]])
        #expect(try read("") == [])
        #expect(try read("\n\n") == [])
    }

    @Test func blankLinesAreSkippedAndLineNumbersKept() throws {
        let records = try CSVReader.records("h\n\n   \nx\n\"multi\nline\"\ny\n")
        #expect(records.map(\.fields) == [["h"], ["x"], ["multi\nline"], ["y"]])
        #expect(records.map(\.line) == [1, 4, 5, 7])
    }

    @Test func unquotedFieldsAreTrimmedQuotedKeepTheirSpaces() throws {
        #expect(try read(" a ,\tb\t, c d ") == [["a", "b", "c d"]])
        #expect(try read("\u{3000}区域\u{3000},x\u{00A0}") == [["区域", "x"]])
        #expect(try read("\" a \",  \"b\"") == [[" a ", "b"]])
        #expect(try read(",,") == [["", "", ""]])
    }

    @Test func quotesHoldCommasLineBreaksAndDoubledQuotes() throws {
        #expect(try read("\"a,b\",\"say \"\"hi\"\"\",\"x\r\ny\"") == [["a,b", "say \"hi\"", "x\r\ny"]])
        // A quote inside an unquoted field is text; text after a closing quote joins the field.
        #expect(try read("ab\"c,\"q\"r") == [["ab\"c", "qr"]])
    }

    @Test func anUnclosedQuoteNamesTheLineItsRecordStarts() {
        #expect(throws: CSVReader.UnclosedQuote(line: 2)) { try CSVReader.records("h\n\"open,\nmore") }
    }

    @Test func whatTheWriterWritesReadsBack() throws {
        let fields = ["plain", "with,comma", "with \"quote\"", "two\nlines", "cr\rhere", "  padded  ", "", "区域"]
        let text = fields.map(CSVFormat.field).joined(separator: ",") + "\n"
        // Unquoted fields are trimmed on reading: only the padded one changes.
        #expect(try read(text) == [fields.map { $0 == "  padded  " ? "padded" : $0 }])
        for x in [0.1, -0.0, 1e-300, .infinity, -.infinity] { #expect(Double(CSVFormat.number(x).replacingOccurrences(of: "Inf", with: "inf")) == x) }
        #expect(CSVFormat.number(.nan) == "NaN")
    }
}

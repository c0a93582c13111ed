import Foundation
import GRDB

/// The one error type of CoevoStore.
///
/// Its `description` is always a single line naming the file (or key) concerned, what was expected
/// and what was found, so the CLI can print it as is and exit with status 2 (bad input) or 1.
public struct StoreError: Error, CustomStringConvertible, Sendable, Equatable {
    /// One line, no trailing newline.
    public let description: String

    /// Creates an error; any line breaks in `message` are folded into spaces so it stays one line.
    public init(_ message: String) {
        self.description = StoreError.oneLine(message)
    }

    /// An operating-system failure (`errno`) while doing `operation` on `path`.
    static func system(_ operation: String, path: String, errno code: Int32) -> StoreError {
        StoreError("\(path): \(operation) failed: \(String(cString: strerror(code))) (errno \(code))")
    }

    /// Runs `body`, turning any non-StoreError into a StoreError that names `path` and `context`.
    static func wrapping<T>(_ path: String, _ context: String, _ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as StoreError {
            throw error
        } catch {
            throw StoreError("\(path): \(context): \(error)")
        }
    }

    private static func oneLine(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        var pendingSpace = false
        for character in text {
            if character.isNewline {
                pendingSpace = !result.isEmpty
            } else {
                if pendingSpace, character != " " { result.append(" ") }
                pendingSpace = false
                result.append(character)
            }
        }
        return result
    }
}

import Foundation
import Testing
@testable import CoevoStore

@Suite struct AtomicWriteTests {
    @Test func writesAndReplacesLeavingNoTemporary() throws {
        let scratch = try ScratchDirectory()
        defer { scratch.remove() }
        let url = scratch.url.appendingPathComponent("out.txt")
        try atomicWrite(data: Data("first".utf8), to: url)
        #expect(try Data(contentsOf: url) == Data("first".utf8))
        let big = Data((0..<3_000_000).map { UInt8(truncatingIfNeeded: $0 &* 31) })
        try atomicWrite(data: big, to: url)
        #expect(try Data(contentsOf: url) == big)
        #expect(try scratch.contents() == ["out.txt"])
    }

    @Test func failureLeavesTargetAndNoTemporary() throws {
        let scratch = try ScratchDirectory()
        defer { scratch.remove() }
        // Renaming a file over a non-empty directory fails.
        let blocker = scratch.url.appendingPathComponent("target")
        try FileManager.default.createDirectory(at: blocker.appendingPathComponent("inside"), withIntermediateDirectories: true)
        do {
            try atomicWrite(data: Data("x".utf8), to: blocker)
            Issue.record("rename over a directory succeeded")
        } catch let error as StoreError {
            #expect(error.description.contains("rename") && !error.description.contains("\n"))
        }
        #expect(try scratch.contents() == ["target"])
        #expect(throws: StoreError.self) {
            try atomicWrite(data: Data(), to: scratch.url.appendingPathComponent("no/such/dir/file"))
        }
    }
}

import CoevoServer
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

/// A server over a fresh temporary data root, started on a random loopback port.
struct TestServer {
    let root: URL
    let store: RunStore
    let queue: RunQueue
    let configuration: ServerConfiguration

    init(maxFirmQuarters: Int = ServerConfiguration.defaultMaxFirmQuarters, maxQueued: Int = 4, paused: Bool = false) throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("coevo-server-test-\(UUID().uuidString)", isDirectory: true)
        store = try RunStore(root: root)
        queue = RunQueue(store: store, maxQueued: maxQueued, paused: paused)
        // Generous timeouts: in the test process the server's handlers share Swift's cooperative
        // threads (2 on this machine) with CPU-bound model tests, which can delay them for tens of
        // seconds. The tests of the timeouts set their own.
        configuration = ServerConfiguration(host: "127.0.0.1", port: 0, dataRoot: root, maxFirmQuarters: maxFirmQuarters, maxQueued: maxQueued,
                                            idleTimeout: .seconds(600), bodyTimeout: .seconds(300))
    }

    /// Runs `body` against the live application, then stops the worker and removes the data root.
    func live<T: Sendable>(_ body: @Sendable (any TestClientProtocol) async throws -> T) async throws -> T {
        defer {
            queue.stop()
            try? FileManager.default.removeItem(at: root)
        }
        return try await CoevoServerApp.application(configuration: configuration, queue: queue).test(.live, body)
    }

    /// Entries of the data root (to check that rejected requests create nothing).
    func rootEntries() -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: root.path)) ?? []).sorted()
    }
}

/// `application/x-www-form-urlencoded` body from pairs.
func form(_ pairs: [(String, String)]) -> ByteBuffer {
    var allowed = CharacterSet.alphanumerics
    allowed.insert(charactersIn: "-._~")
    let text = pairs.map { "\($0.0.addingPercentEncoding(withAllowedCharacters: allowed)!)=\($0.1.addingPercentEncoding(withAllowedCharacters: allowed)!)" }
        .joined(separator: "&")
    return ByteBuffer(string: text)
}

let formHeaders: HTTPFields = [.contentType: "application/x-www-form-urlencoded"]

struct ErrorsBody: Decodable {
    struct E: Decodable { var field: String?; var message: String }
    var errors: [E]
}

struct RunBody: Decodable {
    struct Progress: Decodable { var id: Int; var state: String; var position: Int?; var period: Int; var periods: Int }
    struct Request: Decodable { var scenario: String; var seed: UInt64; var overrides: [String]; var firms: Int; var periods: Int }
    var progress: Progress
    var request: Request?
}

func decode<T: Decodable>(_ type: T.Type, _ buffer: ByteBuffer) throws -> T {
    try JSONDecoder().decode(T.self, from: Data(String(buffer: buffer).utf8))
}

/// Polls `/api/runs/{id}` until the run is in a terminal state or `seconds` pass.
func waitForEnd(_ client: any TestClientProtocol, id: Int, seconds: Double = 120) async throws -> String {
    let deadline = Date().addingTimeInterval(seconds)
    while Date() < deadline {
        let r = try await client.execute(uri: "/api/runs/\(id)", method: .get)
        let state = try decode(RunBody.self, r.body).progress.state
        if ["finished", "failed", "interrupted"].contains(state) { return state }
        try await Task.sleep(for: .milliseconds(100))
    }
    return "timeout"
}

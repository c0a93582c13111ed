import Foundation
import Hummingbird

/// Settings of one `coevo serve` process.
public struct ServerConfiguration: Sendable {
    /// Address to bind; loopback unless the user asks otherwise.
    public var host: String
    /// TCP port; 0 picks a free port (tests).
    public var port: Int
    /// Directory holding one numbered directory per run (see ``RunStore``).
    public var dataRoot: URL
    /// Largest number of simulated firm-quarters a single run may ask for: the most firms the run
    /// can hold (``RunSubmission/simulatedFirmBound(_:)``) × (burn-in + reported quarters).
    public var maxFirmQuarters: Int
    /// Largest number of runs waiting behind the running one.
    public var maxQueued: Int
    /// Required on every request (header `X-Coevo-Token` or cookie `coevo_token`) when set;
    /// `coevo serve` always sets one when bound to a non-loopback address.
    public var token: String?
    /// A connection that sends nothing for this long (no complete request head, or a body that
    /// stalls) is closed; also the longest wait between keep-alive requests.
    public var idleTimeout: Duration
    /// A form body must arrive completely within this time.
    public var bodyTimeout: Duration

    public static let defaultHost = "127.0.0.1"
    public static let defaultPort = 8080
    /// 4,400,000 simulated firm-quarters: the baseline (20,000 firms in 500 villages of 100
    /// households, so at most 50,000 firms, × (8 + 80) quarters = 4.4 M) fits.
    public static let defaultMaxFirmQuarters = 4_400_000
    public static let defaultMaxQueued = 8
    public static let defaultIdleTimeout: Duration = .seconds(20)
    public static let defaultBodyTimeout: Duration = .seconds(10)

    public init(host: String = defaultHost, port: Int = defaultPort, dataRoot: URL,
                maxFirmQuarters: Int = defaultMaxFirmQuarters, maxQueued: Int = defaultMaxQueued,
                token: String? = nil, idleTimeout: Duration = defaultIdleTimeout, bodyTimeout: Duration = defaultBodyTimeout) {
        self.host = host
        self.port = port
        self.dataRoot = dataRoot
        self.maxFirmQuarters = maxFirmQuarters
        self.maxQueued = maxQueued
        self.token = token
        self.idleTimeout = idleTimeout
        self.bodyTimeout = bodyTimeout
    }

    /// A random token of 32 hex digits (128 bits from the system generator).
    public static func randomToken() -> String {
        var g = SystemRandomNumberGenerator()
        return (0..<4).map { _ in String(format: "%08x", UInt32.random(in: 0...UInt32.max, using: &g)) }.joined()
    }

    /// Whether a bind address is loopback (no token needed unless asked for).
    public static func isLoopback(_ host: String) -> Bool { RequestGuard.isLoopback(host) }

    /// The data root that belongs to `--db FILE`: the sibling directory `<FILE without its
    /// extension>.runs`, e.g. `coevo-web.sqlite` → `coevo-web.runs/`.
    public static func dataRoot(forDatabase file: String) -> URL {
        let url = URL(fileURLWithPath: file).standardizedFileURL
        let stem = url.deletingPathExtension().lastPathComponent
        return url.deletingLastPathComponent().appendingPathComponent(stem + ".runs", isDirectory: true)
    }
}

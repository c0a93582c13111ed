import Foundation

/// Settings of one `coevo serve` process.
public struct ServerConfiguration: Sendable {
    /// Address to bind; loopback unless the user asks otherwise.
    public var host: String
    /// TCP port; 0 picks a free port (tests).
    public var port: Int
    /// Directory holding one numbered directory per run (see ``RunStore``).
    public var dataRoot: URL
    /// Largest firms × periods (firm-quarters) a single run may ask for.
    public var maxFirmQuarters: Int
    /// Largest number of runs waiting behind the running one.
    public var maxQueued: Int

    public static let defaultHost = "127.0.0.1"
    public static let defaultPort = 8080
    /// 2,000,000 firm-quarters: the baseline (20,000 firms × 80 quarters = 1.6 M) fits, a run
    /// takes at most a few minutes on two cores.
    public static let defaultMaxFirmQuarters = 2_000_000
    public static let defaultMaxQueued = 8

    public init(host: String = defaultHost, port: Int = defaultPort, dataRoot: URL,
                maxFirmQuarters: Int = defaultMaxFirmQuarters, maxQueued: Int = defaultMaxQueued) {
        self.host = host
        self.port = port
        self.dataRoot = dataRoot
        self.maxFirmQuarters = maxFirmQuarters
        self.maxQueued = maxQueued
    }

    /// The data root that belongs to `--db FILE`: the sibling directory `<FILE without its
    /// extension>.runs`, e.g. `coevo-web.sqlite` → `coevo-web.runs/`.
    public static func dataRoot(forDatabase file: String) -> URL {
        let url = URL(fileURLWithPath: file).standardizedFileURL
        let stem = url.deletingPathExtension().lastPathComponent
        return url.deletingLastPathComponent().appendingPathComponent(stem + ".runs", isDirectory: true)
    }
}

import ArgumentParser
import CoevoServer
import Foundation

/// `coevo serve [--host 127.0.0.1] [--port 8080] [--db FILE]`: the web page (scenarios, parameter
/// form, queued runs with live progress, charts, two runs side by side).
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve the web page: start runs from a form, watch progress, see and compare their charts."
    )

    @Option(help: "Address to bind (loopback by default; anything else exposes the server to the network).")
    var host: String = ServerConfiguration.defaultHost
    @Option(help: "TCP port (0: any free port, printed at start).")
    var port: Int = ServerConfiguration.defaultPort
    @Option(help: ArgumentHelp("Run store: runs are kept as numbered run directories (run.sqlite, series.csv, summary.json, sizes.csv, report.html) in the directory <FILE without extension>.runs next to FILE.", valueName: "FILE"))
    var db: String = "coevo-web.sqlite"
    @Option(help: "Largest simulated firm-quarters of one run: the most firms it can hold (max of firms and villages × village.households) × (burn_in + periods).")
    var maxFirmQuarters: Int = ServerConfiguration.defaultMaxFirmQuarters
    @Option(help: "Largest number of runs waiting behind the running one.")
    var maxQueued: Int = ServerConfiguration.defaultMaxQueued
    @Option(help: "Token every request must carry (header X-Coevo-Token or cookie coevo_token); a random one is made when --host is not loopback.")
    var token: String?

    func run() async throws {
        guard (0...65535).contains(port) else { CLI.fail("--port: expected an integer in [0, 65535], found \(port)") }
        guard maxFirmQuarters >= 500 else { CLI.fail("--max-firm-quarters: expected at least 500, found \(maxFirmQuarters)") }
        guard maxQueued >= 1 else { CLI.fail("--max-queued: expected at least 1, found \(maxQueued)") }
        let root = ServerConfiguration.dataRoot(forDatabase: db)
        let store: RunStore
        do { store = try RunStore(root: root) } catch {
            CLI.fail("--db: expected a writable run store at \(root.path), found \(error.localizedDescription)")
        }
        if let token {
            guard (16...200).contains(token.count), token.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "-_.".contains($0)) }) else {
                CLI.fail("--token: expected 16 to 200 letters, digits, '-', '_' or '.', found \(token.count) characters\(token.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) } ? "" : " with others")")
            }
        }
        let loopback = ServerConfiguration.isLoopback(host)
        let chosenToken = token ?? (loopback ? nil : ServerConfiguration.randomToken())
        let config = ServerConfiguration(host: host, port: port, dataRoot: root, maxFirmQuarters: maxFirmQuarters, maxQueued: maxQueued,
                                         token: chosenToken)
        let queue = RunQueue(store: store, maxQueued: maxQueued)
        if !loopback {
            FileHandle.standardError.write(Data("coevo serve: warning: listening on \(host), not loopback: every request needs the token (plain HTTP: anyone on the path can read it)\n".utf8))
        }
        try await CoevoServerApp.run(configuration: config, queue: queue) { bound in
            let shown = host.contains(":") ? "[\(host)]" : host
            var line = "coevo serve: http://\(shown):\(bound)/  (runs in \(root.path))\n"
            if let chosenToken {
                line += "coevo serve: token \(chosenToken): open http://\(shown):\(bound)/?token=\(chosenToken) or send header X-Coevo-Token\n"
            }
            FileHandle.standardOutput.write(Data(line.utf8))
        }
    }
}

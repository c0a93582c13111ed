import Foundation

/// What a client sees of one run: where it is in the queue or how far it got. Sent as JSON by
/// `/api/runs/{id}` and as the data of each server-sent event on `/runs/{id}/events`.
public struct RunProgress: Codable, Sendable, Equatable {
    public enum State: String, Codable, Sendable {
        case queued, running, finished, failed
        /// Found on disk incomplete: the server stopped before the run finished.
        case interrupted

        public var isTerminal: Bool { self == .finished || self == .failed || self == .interrupted }
    }

    public var id: Int
    public var state: State
    /// Runs ahead of this one in the queue (queued only; 0 = next).
    public var position: Int?
    /// Periods completed so far and in total.
    public var period: Int
    public var periods: Int
    /// Live firms and development stage (0–4) at the last completed period.
    public var firms: Int?
    public var stage: Int?
    /// Seconds since the run started (running and finished runs of this server process).
    public var elapsed: Double?
    /// Why a run failed.
    public var message: String?

    public init(id: Int, state: State, position: Int? = nil, period: Int = 0, periods: Int, firms: Int? = nil,
                stage: Int? = nil, elapsed: Double? = nil, message: String? = nil) {
        self.id = id
        self.state = state
        self.position = position
        self.period = period
        self.periods = periods
        self.firms = firms
        self.stage = stage
        self.elapsed = elapsed
        self.message = message
    }

    public func json() -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return String(decoding: (try? encoder.encode(self)) ?? Data("{}".utf8), as: UTF8.self)
    }
}

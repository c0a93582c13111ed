import Hummingbird

/// The body of `/runs/{id}/events` (server-sent events): an `event: progress` with the run's
/// ``RunProgress`` JSON whenever it changes (checked every ``interval``), a comment line every
/// ``heartbeat`` so a closed connection is noticed, and a final `event: done` once the run is
/// finished, failed or interrupted, after which the stream ends. It ends with `event: shutdown`
/// when the server is stopping, and after ``maximum``.
enum ProgressEvents {
    static let interval: Duration = .milliseconds(200)
    static let heartbeat: Duration = .seconds(10)
    static let maximum: Duration = .seconds(6 * 3600)

    static func body(id: Int, queue: RunQueue) -> ResponseBody {
        ResponseBody { writer in
            let clock = ContinuousClock()
            let end = clock.now + maximum
            var lastSent: RunProgress? = nil
            var lastWrite = clock.now
            try await writer.write(ByteBuffer(string: "retry: 1000\n\n"))
            while clock.now < end {
                if queue.isStopped {
                    try await writer.write(ByteBuffer(string: "event: shutdown\ndata: {}\n\n"))
                    break
                }
                guard let p = queue.progress(of: id) else { break }
                if p.state.isTerminal {
                    try await writer.write(ByteBuffer(string: "event: done\ndata: \(p.json())\n\n"))
                    break
                }
                if p != lastSent {
                    try await writer.write(ByteBuffer(string: "event: progress\ndata: \(p.json())\n\n"))
                    lastSent = p
                    lastWrite = clock.now
                } else if clock.now - lastWrite > heartbeat {
                    try await writer.write(ByteBuffer(string: ": waiting\n\n"))
                    lastWrite = clock.now
                }
                try await Task.sleep(for: interval)
            }
            try await writer.finish(nil)
        }
    }
}

import CoevoExperiments
import CoevoModel
@testable import CoevoServer
import CoevoStore
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// Regression tests of issue 10 (server): each test is named after the defect it pins down.
@Suite(.serialized) struct ServerReliabilityTests {
    // MARK: 1. Host and Origin

    @Test func hostHeaderAllowListIsExactNoPrefixMatch() {
        for good in ["localhost", "LOCALHOST:8080", "127.0.0.1", "127.0.0.1:8080", "127.1.2.3:1", "127.255.255.255", "[::1]", "[::1]:9000"] {
            #expect(RequestGuard.isAllowedHost(good), "\(good) refused")
        }
        for bad in ["127.evil.com", "127.0.0.1.nip.io", "127.0.0.1@evil.com", "[::1].evil.com", "127.0.0.1:80@evil.com",
                    "127.0.0.1:8080.evil.com", "127.0.0.01", "127.0.0.256", "127.0.0", "127.0.0.1.", "localhost.evil.com",
                    "evil.com", "", "::1", "[::1]x", "127.0.0.1:", "127.0.0.1:99999", "127.0.0.1:80:80", "128.0.0.1", "0.0.0.0",
                    "[::2]", "127.0.0.1/x"] {
            #expect(!RequestGuard.isAllowedHost(bad), "\(bad) accepted")
        }
    }

    @Test func originMustEqualTheServersOwnOrigin() {
        #expect(RequestGuard.originMatches("http://127.0.0.1:8080", authority: "127.0.0.1:8080"))
        #expect(RequestGuard.originMatches("http://localhost", authority: "localhost:80"))
        for bad in ["http://127.0.0.1.evil.com", "http://127.0.0.1.evil.com:8080", "http://127.0.0.1:8081", "https://127.0.0.1:8080",
                    "http://localhost:8080", "null", "http://127.0.0.1:8080@evil.com", "http://evil.com"] {
            #expect(!RequestGuard.originMatches(bad, authority: "127.0.0.1:8080"), "\(bad) accepted")
        }
        // GET is not state-changing; POST with a foreign origin is refused.
        let post = RequestGuard.refusal(method: .post, authority: "127.0.0.1:8080", headers: [.origin: "http://127.0.0.1.evil.com"], boundHost: "127.0.0.1", token: nil)
        #expect(post?.status == .forbidden)
        #expect(RequestGuard.refusal(method: .get, authority: "127.0.0.1:8080", headers: [.origin: "http://evil.com"], boundHost: "127.0.0.1", token: nil) == nil)
    }

    @Test func hostileHostAndOriginAreRefusedByTheLiveServer() async throws {
        let server = try TestServer()
        try await server.live { client in
            let port = try #require(client.port)
            for host in ["127.evil.com", "127.0.0.1.nip.io", "127.0.0.1@evil.com", "[::1].evil.com"] {
                let reply = try RawHTTP.exchange(port: port, "GET /api/runs HTTP/1.1\r\nHost: \(host)\r\nConnection: close\r\n\r\n")
                #expect(reply.hasPrefix("HTTP/1.1 421"), "\(host): \(reply.prefix(40))")
            }
            let body = "firms=500&periods=3"
            let csrf = try RawHTTP.exchange(port: port, "POST /api/runs HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nOrigin: http://127.0.0.1.evil.com\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: \(body.utf8.count)\r\nConnection: close\r\n\r\n\(body)")
            #expect(csrf.hasPrefix("HTTP/1.1 403"), "\(csrf.prefix(40))")
            #expect(server.rootEntries().isEmpty)
        }
    }

    // MARK: token

    @Test func tokenIsRequiredWhenBoundToANonLoopbackAddress() async throws {
        let base = try TestServer()
        var configuration = base.configuration
        configuration.host = "0.0.0.0"      // the test application itself listens on localhost
        configuration.token = "0123456789abcdef0123"
        defer { try? FileManager.default.removeItem(at: base.root) }
        try await CoevoServerApp.application(configuration: configuration, queue: base.queue).test(.live) { client in
            #expect(try await client.execute(uri: "/api/runs", method: .get).status == .unauthorized)
            #expect(try await client.execute(uri: "/api/runs", method: .get, headers: [RequestGuard.tokenHeader: "wrong-token-wrong"]).status == .unauthorized)
            #expect(try await client.execute(uri: "/api/runs", method: .get, headers: [RequestGuard.tokenHeader: "0123456789abcdef0123"]).status == .ok)
            #expect(try await client.execute(uri: "/api/runs", method: .get, headers: [.cookie: "a=b; coevo_token=0123456789abcdef0123"]).status == .ok)
            let post = try await client.execute(uri: "/api/runs", method: .post, headers: formHeaders, body: form([("firms", "500")]))
            #expect(post.status == .unauthorized)
            let open = try await client.execute(uri: "/?token=0123456789abcdef0123", method: .get)
            #expect(open.status == .seeOther)
            #expect(open.headers[.setCookie]?.hasPrefix("coevo_token=0123456789abcdef0123;") == true)
            #expect(open.headers[.setCookie]?.contains("HttpOnly") == true)
            #expect(try await client.execute(uri: "/?token=nope", method: .get).status == .unauthorized)
        }
        base.queue.stop()
        #expect(ServerConfiguration.randomToken().count == 32)
        #expect(ServerConfiguration.randomToken() != ServerConfiguration.randomToken())
    }

    // MARK: 2. timeouts, field and message caps

    @Test func halfSentRequestHeadIsClosedByTheIdleTimeout() async throws {
        let base = try TestServer()
        var configuration = base.configuration
        configuration.idleTimeout = .seconds(1)
        defer { try? FileManager.default.removeItem(at: base.root) }
        try await CoevoServerApp.application(configuration: configuration, queue: base.queue).test(.live) { client in
            let port = try #require(client.port)
            let start = Date()
            let reply = try RawHTTP.exchange(port: port, "GET / HTTP/1.1\r\nHost: localhost\r\nX-Slow: ", waitSeconds: 8)
            let elapsed = Date().timeIntervalSince(start)
            #expect(reply.isEmpty || !reply.hasPrefix("HTTP/1.1 200"))
            #expect(elapsed < 5, "connection held \(elapsed) s")
        }
        base.queue.stop()
    }

    @Test func slowlyTrickledBodyGets408AfterTheBodyTimeout() async throws {
        let base = try TestServer()
        var configuration = base.configuration
        configuration.bodyTimeout = .seconds(1)
        defer { try? FileManager.default.removeItem(at: base.root) }
        try await CoevoServerApp.application(configuration: configuration, queue: base.queue).test(.live) { client in
            let port = try #require(client.port)
            let start = Date()
            let reply = try RawHTTP.exchange(port: port, "POST /api/runs HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: 1000\r\n\r\nfirms=5",
                                             trickle: "0", every: 0.2, waitSeconds: 20)
            // Without a body timeout the trickle (5 bytes/s of 1000) would hold the request for
            // 200 s and keep the idle timeout from firing; the margin allows a loaded machine.
            #expect(reply.hasPrefix("HTTP/1.1 408"), "\(reply.prefix(60))")
            #expect(Date().timeIntervalSince(start) < 15)
        }
        base.queue.stop()
        #expect(base.rootEntries().isEmpty)
    }

    @Test func formOfManyUnknownFieldsIsRefusedQuicklyWithASmallError() async throws {
        let server = try TestServer()
        try await server.live { client in
            let many = (0..<25_000).map { ("u\($0)", "1") }     // about 200 KB, under the body cap
            let start = Date()
            let r = try await client.execute(uri: "/api/runs", method: .post, headers: formHeaders, body: form(many))
            #expect(r.status == .badRequest)
            #expect(String(buffer: r.body).contains("expected at most 400 fields, found 25000"))
            #expect(Date().timeIntervalSince(start) < 3)
            #expect(r.body.readableBytes < 2_000)

            // Under the field cap: every field unknown; the errors are capped in number and size.
            let some = (0..<400).map { ("zz_unknown_parameter_with_a_long_name_\($0)", String(repeating: "9", count: 300)) }
            let t0 = Date()
            let r2 = try await client.execute(uri: "/api/runs", method: .post, headers: formHeaders, body: form(some))
            #expect(r2.status == .badRequest)
            let errors = try decode(ErrorsBody.self, r2.body).errors
            #expect(errors.count <= SubmissionErrors.maxErrors)
            #expect(errors.allSatisfy { $0.message.count <= SubmissionErrors.maxMessage })
            #expect(r2.body.readableBytes < 20_000)
            #expect(Date().timeIntervalSince(t0) < 10)
        }
        #expect(server.rootEntries().isEmpty)
    }

    // MARK: 3. listing

    @Test func strayFileOrVanishedRunDirectoryDoesNotCrashRunListing() async throws {
        let server = try TestServer()
        FileManager.default.createFile(atPath: server.root.appendingPathComponent("21").path, contents: Data())
        try await server.live { client in
            let r = try await client.execute(uri: "/api/runs", method: .get)
            #expect(r.status == .ok)
            #expect(String(buffer: r.body) == "[]")
            #expect(try await client.execute(uri: "/runs/21", method: .get).status == .notFound)
            #expect(try await client.execute(uri: "/", method: .get).status == .ok)
            // A listed id whose directory is gone: progress is nil, and the listing skips it.
            #expect(server.queue.progress(of: 7) == nil)
            #expect(try RunStore.ids(in: server.root) == [])
        }
    }

    @Test func newRunIdSkipsAStrayFileWithThatName() throws {
        let server = try TestServer()
        defer { try? FileManager.default.removeItem(at: server.root) }
        FileManager.default.createFile(atPath: server.root.appendingPathComponent("1").path, contents: Data())
        let store = try RunStore(root: server.root)
        let id = try store.create(RunRequest(scenario: "baseline", seed: 1, overrides: [], firms: 500, periods: 1, submitted: "x"))
        #expect(id == 2)
    }

    // MARK: 4. run cap

    @Test func runCapCountsSimulatedFirmQuartersIncludingBurnInAndDensity() {
        // 20,000 firms: 500 villages × 100 households = at most 50,000 firms; × (8 + 80).
        #expect(RunSubmission.simulatedFirmQuarters(CoevoModel.Parameters()) == 4_400_000)
        let cap = 200_000
        // Plain firms × periods would be 2,000 and 500 × 2 = 1,000: both far under the cap.
        for fields in [[("firms", "2000"), ("periods", "1"), ("burn_in", "40")],
                       [("firms", "500"), ("periods", "2"), ("village.firms", "5"), ("village.households", "5000")]] {
            let result = RunSubmission.validate(fields: fields, maxFirmQuarters: cap)
            guard case .failure(let e) = result else { Issue.record("accepted \(fields)"); continue }
            #expect(e.summary.hasPrefix("simulated firm-quarters: expected at most 200000"), "\(e.summary)")
        }
        // village.firms=5 with the default households: 100 villages × 100 = 10,000 firms.
        var p = CoevoModel.Parameters()
        p.firms = 500; p.firmsPerVillage = 5; p.periods = 2
        #expect(RunSubmission.simulatedFirmBound(p) == 10_000)
        #expect(RunSubmission.simulatedFirmQuarters(p) == 100_000)
        if case .failure(let e) = RunSubmission.validate(fields: [("firms", "500"), ("periods", "2")], maxFirmQuarters: cap) {
            Issue.record("small run rejected: \(e.summary)")
        }
    }

    /// With villages of unequal size the bound still holds every household the world can hold.
    @Test func runCapBoundsEveryHouseholdWhenVillagesDifferInSize() {
        for (firms, spread, perVillage) in [(20_000, 1.0, 40), (4_000, 1.5, 40), (997, 0.7, 5), (500, 0.3, 40)] {
            var p = CoevoModel.Parameters()
            p.firms = firms; p.villageSizeSpread = spread; p.firmsPerVillage = perVillage
            let world = World(p)
            #expect(world.villageHouseholds.reduce(0, +) <= RunSubmission.simulatedFirmBound(p), "\(firms) firms, σ_v \(spread)")
        }
    }

    // MARK: HEAD, restart cleanup

    @Test func headAnswersLikeGetWithoutABody() async throws {
        let server = try TestServer()
        try await server.live { client in
            for uri in ["/", "/api/runs", "/api/parameters"] {
                let get = try await client.execute(uri: uri, method: .get)
                let head = try await client.execute(uri: uri, method: .head)
                #expect(head.status == .ok, "\(uri) → \(head.status)")
                #expect(head.body.readableBytes == 0)
                #expect(head.headers[.contentType] == get.headers[.contentType])
            }
            #expect(try await client.execute(uri: "/runs/9", method: .head).status == .notFound)
        }
    }

    @Test func interruptedRunsPartialFilesAreCleanedAtStart() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("coevo-partial-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let run = root.appendingPathComponent("3")
        let staging = run.appendingPathComponent(RunFiles.staging)
        try FileManager.default.createDirectory(at: staging, withIntermediateDirectories: true)
        for name in [".run.sqlite.partial", ".series.csv.partial", ".report.html.tmp-12-34"] {
            FileManager.default.createFile(atPath: run.appendingPathComponent(name).path, contents: Data("x".utf8))
        }
        FileManager.default.createFile(atPath: staging.appendingPathComponent("run.sqlite").path, contents: Data("x".utf8))
        FileManager.default.createFile(atPath: run.appendingPathComponent("request.json").path, contents: Data("{}".utf8))
        _ = try RunStore(root: root)
        #expect(try FileManager.default.contentsOfDirectory(atPath: run.path) == ["request.json"])
    }
}

/// A raw HTTP/1.1 exchange over a TCP socket to localhost (for requests the test client cannot
/// make: a chosen Host header, a half-sent head, a trickled body).
enum RawHTTP {
    struct Failure: Error { var what: String }

    static func exchange(port: Int, _ text: String, trickle: String? = nil, every: Double = 0.2, waitSeconds: Double = 120) throws -> String {
        var hints = addrinfo()
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        var list: UnsafeMutablePointer<addrinfo>?
        guard getaddrinfo("localhost", String(port), &hints, &list) == 0, let first = list else { throw Failure(what: "getaddrinfo") }
        defer { freeaddrinfo(list) }
        var fd: Int32 = -1
        var info: UnsafeMutablePointer<addrinfo>? = first
        while let a = info {
            fd = socket(a.pointee.ai_family, a.pointee.ai_socktype, a.pointee.ai_protocol)
            if fd >= 0, connect(fd, a.pointee.ai_addr, a.pointee.ai_addrlen) == 0 { break }
            if fd >= 0 { close(fd); fd = -1 }
            info = a.pointee.ai_next
        }
        guard fd >= 0 else { throw Failure(what: "connect") }
        defer { close(fd) }
        var timeout = timeval(tv_sec: 0, tv_usec: 100_000)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        _ = text.withCString { send(fd, $0, strlen($0), Int32(MSG_NOSIGNAL)) }
        var reply = [UInt8]()
        let deadline = Date().addingTimeInterval(waitSeconds)
        var nextTrickle = Date().addingTimeInterval(every)
        var buffer = [UInt8](repeating: 0, count: 65536)
        while Date() < deadline {
            if let trickle, Date() >= nextTrickle {
                _ = trickle.withCString { send(fd, $0, strlen($0), Int32(MSG_NOSIGNAL)) }
                nextTrickle = Date().addingTimeInterval(every)
            }
            let n = recv(fd, &buffer, buffer.count, 0)
            if n > 0 { reply += buffer[0..<n]; if trickle != nil { break } ; continue }
            if n == 0 { break }     // closed by the server
            if errno != EAGAIN && errno != EWOULDBLOCK { break }
        }
        return String(decoding: reply, as: UTF8.self)
    }
}

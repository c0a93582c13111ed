import CoevoExperiments
import CoevoModel
import CoevoReport
import CoevoServer
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

/// The live application on a random loopback port: routes, validation, cap, path handling, queue.
@Suite(.serialized) struct ServerTests {
    static let small: [(String, String)] = [("scenario", "baseline"), ("seed", "5"), ("firms", "500"), ("periods", "3")]

    @Test func frontPageFormIsGeneratedFromTheRegistry() async throws {
        let server = try TestServer()
        try await server.live { client in
            let r = try await client.execute(uri: "/", method: .get)
            #expect(r.status == .ok)
            let page = String(buffer: r.body)
            // Every parameter but the 100 per-region lever weights (YAML and --set only) has an input.
            for info in Parameters.registry where !Parameters.isRegionalPolicyWeight(info.key) {
                #expect(page.contains("name=\"\(info.key)\""), "no input for \(info.key)")
                #expect(page.contains(XMLText.escape(info.help)), "no help for \(info.key)")
            }
            #expect(!page.contains("name=\"gov.region0.pub\""))
            #expect(page.contains("quarters"))          // a unit
            #expect(page.contains("in [1.2, 20]"))      // demand.theta_p's range
            for s in Scenario.builtIn { #expect(page.contains("<option value=\"\(s.name)\"")) }
            #expect(page.contains("No runs yet."))

            let params = try await client.execute(uri: "/api/parameters", method: .get)
            let list = try JSONSerialization.jsonObject(with: Data(String(buffer: params.body).utf8)) as! [[String: Any]]
            #expect(list.count == Parameters.registry.count)
            #expect(list.first?["key"] as? String == Parameters.registry.first?.key)

            let scen = try await client.execute(uri: "/api/scenarios", method: .get)
            let names = (try JSONSerialization.jsonObject(with: Data(String(buffer: scen.body).utf8)) as! [[String: Any]]).compactMap { $0["name"] as? String }
            #expect(names == Scenario.builtIn.map(\.name))
        }
    }

    @Test func validationMessagesMatchTheCLI() async throws {
        let server = try TestServer()
        try await server.live { client in
            for (key, value) in [("demand.theta_p", "0.5"), ("logistics.lamda", "0.4"), ("gov.reg", "0.9"), ("world.regions", "two")] {
                var s = Scenario.builtIn(named: "baseline")!
                var expected = ""
                do { try ScenarioLoader.apply(overrides: ["\(key)=\(value)"], to: &s) } catch { expected = String(describing: error) }
                #expect(!expected.isEmpty)

                let api = try await client.execute(uri: "/api/runs", method: .post, headers: formHeaders, body: form([(key, value)]))
                #expect(api.status == .badRequest)
                #expect(try decode(ErrorsBody.self, api.body).errors.first?.message == expected)

                let page = try await client.execute(uri: "/runs", method: .post, headers: formHeaders, body: form([(key, value)]))
                #expect(page.status == .badRequest)
                let html = String(buffer: page.body)
                #expect(html.contains(XMLText.escape(expected)))
                // The rejected value stays in the form (unknown keys have no field).
                if Parameters.registryByKey[key] != nil { #expect(html.contains("value=\"\(XMLText.escape(value))\"") || html.contains("<option value=\"\(value)\" selected>")) }
            }
            #expect(server.rootEntries().isEmpty)
        }
    }

    @Test func capOnFirmQuartersIsEnforced() async throws {
        let server = try TestServer(maxFirmQuarters: 15_000)
        try await server.live { client in
            let over = try await client.execute(uri: "/api/runs", method: .post, headers: formHeaders,
                                                body: form([("firms", "500"), ("periods", "4")]))
            #expect(over.status == .badRequest)
            #expect(try decode(ErrorsBody.self, over.body).errors.first?.message
                    == "simulated firm-quarters: expected at most 15000 per run on this server (coevo serve --max-firm-quarters), found up to 1300 firms (firms 500; villages × village.households) × (burn_in 8 + periods 4) = 15600")
            // The baseline's default size is far above this cap.
            let base = try await client.execute(uri: "/api/runs", method: .post, headers: formHeaders, body: form([("scenario", "baseline")]))
            #expect(base.status == .badRequest)
            #expect(server.rootEntries().isEmpty)
            let ok = try await client.execute(uri: "/api/runs", method: .post, headers: formHeaders, body: form(Self.small))
            #expect(ok.status == .accepted)
            #expect(try await waitForEnd(client, id: 1) == "finished")
        }
    }

    @Test func pathsFromClientsNeverReachTheDisk() async throws {
        let server = try TestServer()
        try await server.live { client in
            let created = try await client.execute(uri: "/api/runs", method: .post, headers: formHeaders, body: form(Self.small))
            #expect(created.status == .accepted)
            #expect(try await waitForEnd(client, id: 1) == "finished")
            let before = server.rootEntries()
            #expect(before == ["1"])

            for uri in ["/runs/..%2F..%2Fetc%2Fpasswd", "/runs/../../etc/passwd", "/runs/0", "/runs/01", "/runs/-1", "/runs/2",
                        "/runs/1%2F..", "/runs/99999999999", "/runs/1/files/..%2F..%2Fetc%2Fpasswd", "/runs/1/files/request.json",
                        "/runs/1/files/.run.sqlite.partial", "/runs/1/files/%2Fetc%2Fpasswd", "/runs/..%2F1/files/series.csv",
                        "/api/runs/..%2F1", "/runs/%2e%2e/events"] {
                let r = try await client.execute(uri: uri, method: .get)
                #expect(r.status == .notFound, "\(uri) → \(r.status)")
                #expect(!String(buffer: r.body).contains("root:"))
            }
            for uri in ["/compare?a=1&b=..%2F..%2Fetc", "/compare?a=1", "/compare?a=1&b=2", "/compare?a=/etc/passwd&b=1"] {
                let r = try await client.execute(uri: uri, method: .get)
                #expect(r.status == .badRequest, "\(uri) → \(r.status)")
            }
            for scenario in ["../../../tmp/evil.yaml", "/etc/passwd", "x/../../y.yml"] {
                let r = try await client.execute(uri: "/api/runs", method: .post, headers: formHeaders, body: form([("scenario", scenario)]))
                #expect(r.status == .badRequest)
                #expect(try decode(ErrorsBody.self, r.body).errors.first?.field == "scenario")
            }
            #expect(server.rootEntries() == before)

            // The fixed file names do work.
            let csv = try await client.execute(uri: "/runs/1/files/series.csv", method: .get)
            #expect(csv.status == .ok)
            #expect(String(buffer: csv.body).hasPrefix("period,metric,value"))
        }
    }

    @Test func runsQueueAndExecuteOneAtATimeInOrder() async throws {
        let server = try TestServer(maxQueued: 2, paused: true)
        try await server.live { client in
            var ids: [Int] = []
            for seed in [11, 12] {
                let r = try await client.execute(uri: "/api/runs", method: .post, headers: formHeaders,
                                                 body: form([("seed", String(seed)), ("firms", "500"), ("periods", "3")]))
                #expect(r.status == .accepted)
                ids.append(try decode([String: Int].self, r.body)["id"]!)
            }
            #expect(ids == [1, 2])
            for (position, id) in ids.enumerated() {
                let p = try decode(RunBody.self, try await client.execute(uri: "/api/runs/\(id)", method: .get).body)
                #expect(p.progress.state == "queued")
                #expect(p.progress.position == position)
                #expect(p.request?.seed == UInt64(11 + position))
            }
            // Full: two waiting.
            let full = try await client.execute(uri: "/api/runs", method: .post, headers: formHeaders, body: form(Self.small))
            #expect(full.status == .serviceUnavailable)
            #expect(try decode(ErrorsBody.self, full.body).errors.first?.message.hasPrefix("queue: expected fewer than 2 runs waiting") == true)
            let fullPage = try await client.execute(uri: "/runs", method: .post, headers: formHeaders, body: form(Self.small))
            #expect(fullPage.status == .serviceUnavailable)
            #expect(server.rootEntries() == ["1", "2"])

            // A queued run's page shows progress and subscribes to its events.
            let page = String(buffer: try await client.execute(uri: "/runs/2", method: .get).body)
            #expect(page.contains("data-state=\"queued\""))
            #expect(page.contains("new EventSource('/runs/2/events')"))

            // The event stream of run 2 follows it from the queue to the end.
            async let stream = client.execute(uri: "/runs/2/events", method: .get)
            try await Task.sleep(for: .milliseconds(600))
            server.queue.resume()
            let events = String(buffer: try await stream.body)
            #expect(events.contains("event: progress\ndata: {\"id\":2,\"period\":0,\"periods\":3,\"position\":1,\"state\":\"queued\"}"))
            #expect(events.contains("event: done"))
            #expect(events.contains("\"state\":\"finished\""))
            #expect(events.hasSuffix("\n\n"))
            #expect(try await waitForEnd(client, id: 1) == "finished")
            #expect(server.queue.executionOrder == [1, 2])

            // Finished: charts from the report, and both runs side by side.
            let done = String(buffer: try await client.execute(uri: "/runs/1", method: .get).body)
            #expect(done.contains("data-state=\"finished\""))
            #expect(done.components(separatedBy: "<svg").count > 5)
            let compare = try await client.execute(uri: "/compare?a=1&b=2", method: .get)
            #expect(compare.status == .ok)
            let both = String(buffer: compare.body)
            #expect(both.contains("id=\"a-chart-adoption\"") && both.contains("id=\"b-chart-adoption\""))
            let list = String(buffer: try await client.execute(uri: "/", method: .get).body)
            #expect(list.contains("href=\"/runs/1\"") && list.contains("id=\"compare-form\""))
        }
    }

    @Test func formPostRedirectsToTheRunPage() async throws {
        let server = try TestServer()
        try await server.live { client in
            let r = try await client.execute(uri: "/runs", method: .post, headers: formHeaders, body: form(Self.small))
            #expect(r.status == .seeOther)
            #expect(r.headers[.location] == "/runs/1")
            #expect(try await waitForEnd(client, id: 1) == "finished")
            let report = try await client.execute(uri: "/runs/1/files/report.html", method: .get)
            #expect(report.status == .ok)
            #expect(String(buffer: report.body).contains("<svg"))
            let request = try #require(server.store.request(of: 1))
            #expect(request.commandLine == "coevo run --scenario baseline --seed 5 --set firms=500 --set periods=3")
        }
    }

    @Test func eventStreamsEndWhenTheServerStops() async throws {
        let server = try TestServer(paused: true)
        try await server.live { client in
            let r = try await client.execute(uri: "/api/runs", method: .post, headers: formHeaders, body: form(Self.small))
            #expect(r.status == .accepted)
            async let stream = client.execute(uri: "/runs/1/events", method: .get)
            try await Task.sleep(for: .milliseconds(400))
            server.queue.stop()
            let events = String(buffer: try await stream.body)
            #expect(events.contains("\"state\":\"queued\""))
            #expect(events.hasSuffix("event: shutdown\ndata: {}\n\n"))
        }
    }

    @Test func crossSiteRequestsAreRefused() async throws {
        let server = try TestServer()
        try await server.live { client in
            let post = try await client.execute(uri: "/runs", method: .post,
                                                headers: [.contentType: "application/x-www-form-urlencoded", .origin: "http://evil.example"],
                                                body: form(Self.small))
            #expect(post.status == .forbidden)
            let local = try await client.execute(uri: "/api/runs", method: .post,
                                                 headers: [.contentType: "application/x-www-form-urlencoded", .origin: "http://localhost"],
                                                 body: form([("demand.theta_p", "0")]))
            #expect(local.status == .badRequest)   // passed the origin check (the test client's Host is localhost), failed validation
            #expect(server.rootEntries().isEmpty)
        }
    }
}

/// Escaping as the pages do it (CoevoReport's XML.escape).
enum XMLText { static func escape(_ s: String) -> String { XML.escape(s) } }

import CoevoExperiments
import CoevoModel
import CoevoReport
import Foundation
import Hummingbird

/// The web application of `coevo serve`.
///
/// Routes (HTML unless noted):
/// - `GET /`: new-run form, runs, scenarios, comparison picker.
/// - `POST /runs` (form): validate, queue, `303` to `/runs/{id}`; `400` with the form and the
///   CLI's messages; `503` when the queue is full.
/// - `GET /runs/{id}`: state, live progress, charts of a finished run.
/// - `GET /runs/{id}/events`: server-sent events (``ProgressEvents``).
/// - `GET /runs/{id}/files/{name}`: `report.html`, `series.csv`, `summary.json`, `run.sqlite`.
/// - `GET /compare?a={id}&b={id}`: two finished runs side by side.
/// - JSON: `GET /api/scenarios`, `GET /api/parameters`, `GET /api/runs`, `GET /api/runs/{id}`,
///   `POST /api/runs` (form fields as for `POST /runs`; `202 {"id": n}` or `400 {"errors": [...]}`).
///
/// Run ids in paths must be canonical positive integers of existing runs (else `404`); file names
/// must be one of the fixed names. No client text is used to build a path.
public enum CoevoServerApp {
    /// Largest request body accepted (the form is a few kilobytes).
    public static let maxBody = 256 * 1024
    /// Most fields a form may have (the parameter form has about 300).
    public static let maxFields = 400

    public static func router(queue: RunQueue, configuration: ServerConfiguration) -> Router<BasicRequestContext> {
        // HEAD is answered as GET without the body.
        let router = Router(options: .autoGenerateHeadEndpoints)
        router.add(middleware: LocalRequestMiddleware(boundHost: configuration.host, token: configuration.token))
        let store = queue.store
        let cap = configuration.maxFirmQuarters

        router.get("/") { _, _ in
            html(IndexPage.render(queue: queue, maxFirmQuarters: cap))
        }
        router.get("/favicon.ico") { _, _ in Response(status: .noContent) }
        router.post("/runs") { request, context in
            var request = request
            let fields = try await formFields(&request, timeout: configuration.bodyTimeout)
            switch RunSubmission.validate(fields: fields, maxFirmQuarters: cap) {
            case .failure(let errors):
                return html(IndexPage.render(queue: queue, maxFirmQuarters: cap, values: formValues(fields), errors: errors), status: .badRequest)
            case .success(let submission):
                do {
                    let id = try queue.submit(submission)
                    return Response.redirect(to: "/runs/\(id)", type: .normal)
                } catch let full as RunQueue.QueueFull {
                    let errors = SubmissionErrors(errors: [FieldError(field: nil, message: full.description)])
                    return html(IndexPage.render(queue: queue, maxFirmQuarters: cap, values: formValues(fields), errors: errors), status: .serviceUnavailable)
                }
            }
        }
        router.get("/runs/:id") { _, context in
            guard let id = runID(context, store) else { return notFound(context) }
            return html(RunPage.render(id: id, queue: queue))
        }
        router.get("/runs/:id/events") { _, context in
            guard let id = runID(context, store) else { return notFound(context) }
            return Response(status: .ok,
                            headers: [.contentType: "text/event-stream", .cacheControl: "no-cache"],
                            body: ProgressEvents.body(id: id, queue: queue))
        }
        router.get("/runs/:id/files/:name") { _, context in
            guard let id = runID(context, store),
                  let name = context.parameters.get("name"), let type = RunStore.downloadable[name],
                  queue.progress(of: id)?.state == .finished
            else { return notFound(context) }
            // `name` is one of the fixed keys of `downloadable`, checked above.
            guard let data = FileManager.default.contents(atPath: store.directory(of: id).appendingPathComponent(name).path) else {
                return notFound(context)
            }
            return Response(status: .ok, headers: [.contentType: type], body: .init(byteBuffer: ByteBuffer(bytes: data)))
        }
        router.get("/compare") { request, context in
            let query = Dictionary(FormData.parse(request.uri.query ?? ""), uniquingKeysWith: { first, _ in first })
            guard let a = query["a"].flatMap(RunStore.parseID), let b = query["b"].flatMap(RunStore.parseID),
                  queue.progress(of: a)?.state == .finished, queue.progress(of: b)?.state == .finished
            else {
                return errorPage("compare: expected ?a=ID&b=ID naming two finished runs, found '\(request.uri.query?.prefix(80) ?? "")'", status: .badRequest)
            }
            do { return html(try ComparePage.render(a: a, b: b, store: store)) }
            catch { return errorPage("compare: \(error)", status: .internalServerError) }
        }

        // JSON API.
        router.get("/api/scenarios") { _, _ in
            json(Scenario.builtIn.map { ScenarioJSON(name: $0.name, summary: $0.summary, firms: $0.parameters.firms, periods: $0.parameters.periods) })
        }
        router.get("/api/parameters") { _, _ in
            let base = CoevoModel.Parameters()
            return json(CoevoModel.Parameters.registry.map {
                ParameterJSON(key: $0.key, type: $0.typeName, unit: $0.unit, min: $0.range.lowerBound, max: $0.range.upperBound,
                              help: $0.help, baseline: $0.text(in: base))
            })
        }
        router.get("/api/runs") { _, _ in
            // A run directory removed while listing is skipped, not fatal.
            json(store.ids().compactMap { id in queue.progress(of: id).map { RunJSON(request: store.request(of: id), progress: $0) } })
        }
        router.get("/api/runs/:id") { _, context in
            guard let id = runID(context, store), let p = queue.progress(of: id) else { return notFound(context) }
            return json(RunJSON(request: store.request(of: id), progress: p))
        }
        router.post("/api/runs") { request, context in
            var request = request
            let fields = try await formFields(&request, timeout: configuration.bodyTimeout)
            switch RunSubmission.validate(fields: fields, maxFirmQuarters: cap) {
            case .failure(let errors):
                return json(ErrorsJSON(errors: errors.errors), status: .badRequest)
            case .success(let submission):
                do {
                    let id = try queue.submit(submission)
                    return json(CreatedJSON(id: id), status: .accepted)
                } catch let full as RunQueue.QueueFull {
                    return json(ErrorsJSON(errors: [FieldError(field: nil, message: full.description)]), status: .serviceUnavailable)
                }
            }
        }
        return router
    }

    /// The application bound to `configuration.host:port`. `onServerRunning` receives the bound
    /// port (useful with port 0).
    public static func application(configuration: ServerConfiguration, queue: RunQueue,
                                   onServerRunning: @escaping @Sendable (Int) async -> Void = { _ in }) -> some ApplicationProtocol {
        Application(
            router: router(queue: queue, configuration: configuration),
            server: .http1(configuration: .init(idleTimeout: .nanoseconds(Int64(configuration.idleTimeout.components.seconds) * 1_000_000_000
                                                                          + configuration.idleTimeout.components.attoseconds / 1_000_000_000))),
            configuration: .init(address: .hostname(configuration.host, port: configuration.port), serverName: "coevo"),
            onServerRunning: { channel in await onServerRunning(channel.localAddress?.port ?? configuration.port) }
        )
    }

    /// Serves until SIGINT or SIGTERM. The signal also stops the queue at once, so open event
    /// streams end and the graceful shutdown does not wait for the running run; a run cut short
    /// shows as interrupted after a restart.
    public static func run(configuration: ServerConfiguration, queue: RunQueue,
                           onServerRunning: @escaping @Sendable (Int) async -> Void = { _ in }) async throws {
        let sources = [SIGINT, SIGTERM].map { number -> DispatchSourceSignal in
            signal(number, SIG_IGN)     // as the service group does; delivery goes to the sources
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler { queue.stop() }
            source.resume()
            return source
        }
        defer {
            queue.stop()
            sources.forEach { $0.cancel() }
        }
        try await application(configuration: configuration, queue: queue, onServerRunning: onServerRunning).runService()
    }

    // MARK: helpers

    static func runID(_ context: BasicRequestContext, _ store: RunStore) -> Int? {
        guard let text = context.parameters.get("id"), let id = RunStore.parseID(text), store.exists(id) else { return nil }
        return id
    }

    /// The form fields of a POST body: at most ``maxBody`` bytes (413), received within `timeout`
    /// (408), at most ``maxFields`` fields (400).
    static func formFields(_ request: inout Request, timeout: Duration) async throws -> [(String, String)] {
        let body = request.body
        let buffer: ByteBuffer = try await withThrowingTaskGroup(of: ByteBuffer?.self) { group in
            group.addTask {
                do { return try await body.collect(upTo: maxBody) }
                catch is CancellationError { return nil }
                catch { throw HTTPError(.contentTooLarge, message: "request body: expected at most \(maxBody) bytes") }
            }
            group.addTask {
                try? await Task.sleep(for: timeout)
                return nil
            }
            defer { group.cancelAll() }
            guard let first = try await group.next(), let buffer = first else {
                throw HTTPError(.requestTimeout, message: "request body: expected it complete within \(timeout), found it still arriving")
            }
            return buffer
        }
        let text = String(buffer: buffer)
        let count = text.isEmpty ? 0 : text.utf8.reduce(1) { $1 == UInt8(ascii: "&") ? $0 + 1 : $0 }
        guard count <= maxFields else {
            throw HTTPError(.badRequest, message: "form: expected at most \(maxFields) fields, found \(count)")
        }
        return FormData.parse(text)
    }

    static func formValues(_ fields: [(String, String)]) -> [String: String] {
        Dictionary(fields.map { ($0.0, String($0.1.prefix(1000))) }, uniquingKeysWith: { _, last in last })
    }

    static func html(_ text: String, status: HTTPResponse.Status = .ok) -> Response {
        Response(status: status, headers: [.contentType: "text/html; charset=utf-8"], body: .init(byteBuffer: ByteBuffer(string: text)))
    }

    static func json<T: Encodable>(_ value: T, status: HTTPResponse.Status = .ok) -> Response {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let data = (try? encoder.encode(value)) ?? Data("{}".utf8)
        return Response(status: status, headers: [.contentType: "application/json"], body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }

    static func errorPage(_ message: String, status: HTTPResponse.Status) -> Response {
        html(Page.render(title: "Coevo: \(status.code)", body: "<h1>\(status.code) \(Page.escape(status.reasonPhrase))</h1>\n<div class=\"errors\"><p>\(Page.escape(message))</p></div>\n"), status: status)
    }

    static func notFound(_ context: BasicRequestContext) -> Response {
        errorPage("run: expected the id of a run on this server (a positive integer), found none", status: .notFound)
    }

    struct ScenarioJSON: Encodable { var name: String; var summary: String; var firms: Int; var periods: Int }
    struct ParameterJSON: Encodable { var key, type, unit: String; var min, max: Double; var help, baseline: String }
    struct RunJSON: Encodable { var request: RunRequest?; var progress: RunProgress }
    struct ErrorsJSON: Encodable { var errors: [FieldError] }
    struct CreatedJSON: Encodable { var id: Int }
}

import Hummingbird

/// Defends a server bound to loopback against other web sites in the same browser: requests
/// must name a loopback host (`Host`, against DNS rebinding), and a POST that carries an `Origin`
/// must come from a loopback origin (against cross-site form posts). Servers bound to another
/// address skip the checks.
struct LocalRequestMiddleware<Context: RequestContext>: RouterMiddleware {
    let boundHost: String

    static func isLoopback(_ host: String) -> Bool {
        host == "127.0.0.1" || host == "localhost" || host == "::1" || host == "[::1]" || host.hasPrefix("127.")
    }

    /// The host part of `host[:port]` or `[v6]:port`.
    static func hostPart(_ authority: String) -> String {
        if authority.hasPrefix("[") { return String(authority.prefix { $0 != "]" }) + "]" }
        return String(authority.split(separator: ":", maxSplits: 1).first ?? "")
    }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard Self.isLoopback(boundHost) else { return try await next(request, context) }
        if let authority = request.head.authority, !Self.isLoopback(Self.hostPart(authority)) {
            throw HTTPError(.misdirectedRequest, message: "host: expected a loopback host name, found '\(authority.prefix(80))'")
        }
        if request.method == .post, let origin = request.headers[.origin] {
            let rest = origin.hasPrefix("http://") ? String(origin.dropFirst(7)) : origin
            guard origin.hasPrefix("http://"), Self.isLoopback(Self.hostPart(rest)) else {
                throw HTTPError(.forbidden, message: "origin: expected a page of this server, found '\(origin.prefix(80))'")
            }
        }
        return try await next(request, context)
    }
}

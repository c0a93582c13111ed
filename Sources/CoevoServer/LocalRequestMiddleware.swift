import Foundation
import HTTPTypes
import Hummingbird

/// Defends the server against other web sites open in the same browser and, when it is bound to
/// a non-loopback address, against anyone else on the network (docs/SECURITY.md).
///
/// Contract, checked on every request before routing:
/// - Loopback-bound server: the `Host` header (the request's authority) must be exactly one of
///   the loopback names `localhost`, a literal IPv4 address `127.a.b.c` (decimal octets 0–255,
///   no leading zeros) or `[::1]`, each with an optional `:port` (1–5 digits); nothing else, no
///   prefix match (`127.evil.com`, `127.0.0.1.nip.io`, `127.0.0.1@evil.com`, `[::1].evil.com` are
///   refused with 421). This stops DNS rebinding.
/// - Every request whose method is not GET, HEAD or OPTIONS and that carries an `Origin` must have
///   `Origin` equal to the server's own origin `http://<Host>` (host compared case-insensitively,
///   port 80 implied when absent); else 403. This stops cross-site form posts.
/// - When a token is configured (always when bound to a non-loopback address), every request
///   must carry it as the header `X-Coevo-Token` or the cookie `coevo_token`; else 401. A GET with
///   `?token=<token>` sets the cookie (HttpOnly, SameSite=Strict) and redirects to the path, so
///   the printed URL opens the page in a browser.
struct LocalRequestMiddleware<Context: RequestContext>: RouterMiddleware {
    let boundHost: String
    let token: String?

    init(boundHost: String, token: String? = nil) {
        self.boundHost = boundHost
        self.token = token
    }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        // `GET ...?token=T` with the right token: set the cookie and drop the token from the URL.
        if let token, request.method == .get, let query = request.uri.query,
           let given = FormData.parse(String(query.prefix(4096))).first(where: { $0.0 == "token" })?.1,
           RequestGuard.constantTimeEqual(given, token),
           RequestGuard.refusal(method: .get, authority: request.head.authority, headers: request.headers, boundHost: boundHost, token: nil) == nil {
            var headers: HTTPFields = [.location: request.uri.path.isEmpty ? "/" : request.uri.path]
            headers[.setCookie] = "\(RequestGuard.tokenCookie)=\(token); Path=/; HttpOnly; SameSite=Strict"
            return Response(status: .seeOther, headers: headers)
        }
        if let refusal = RequestGuard.refusal(method: request.method, authority: request.head.authority, headers: request.headers,
                                      boundHost: boundHost, token: token) {
            throw refusal
        }
        return try await next(request, context)
    }
}

/// The middleware's pure decisions (non-generic, for tests and the fuzz driver).
public enum RequestGuard {
    public static let tokenHeader = HTTPField.Name("X-Coevo-Token")!
    public static let tokenCookie = "coevo_token"

    /// Whether `host` (a bind address or the host part of an authority) names the loopback
    /// interface: `localhost`, `127.a.b.c` as a literal IPv4 address, `::1` or `[::1]`.
    public static func isLoopback(_ host: String) -> Bool {
        let h = host.lowercased()
        if h == "localhost" || h == "::1" || h == "[::1]" { return true }
        guard let octets = ipv4Octets(h) else { return false }
        return octets[0] == 127
    }

    /// The four octets of a dotted-decimal IPv4 literal (each 0–255, no sign, no leading zeros).
    public static func ipv4Octets(_ s: String) -> [Int]? {
        let parts = s.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 4 else { return nil }
        var out: [Int] = []
        for p in parts {
            guard (1...3).contains(p.count), p.allSatisfy({ $0 >= "0" && $0 <= "9" }),
                  p.count == 1 || p.first != "0", let v = Int(p), v <= 255 else { return nil }
            out.append(v)
        }
        return out
    }

    /// Splits an authority `host[:port]` or `[v6]:port` into its lowercased host and its port.
    /// Returns nil when it is not of that form (user info, empty host, a non-numeric port, text
    /// after `]`).
    public static func parseAuthority(_ authority: String) -> (host: String, port: Int?)? {
        let a = authority.lowercased()
        var host: Substring
        var rest: Substring
        if a.hasPrefix("[") {
            guard let close = a.firstIndex(of: "]") else { return nil }
            host = a[...close]
            rest = a[a.index(after: close)...]
        } else {
            if let colon = a.firstIndex(of: ":") {
                host = a[..<colon]
                rest = a[colon...]
            } else {
                host = a[...]
                rest = ""
            }
        }
        guard !host.isEmpty, !host.contains("@"), !host.contains("/") else { return nil }
        if rest.isEmpty { return (String(host), nil) }
        guard rest.first == ":" else { return nil }
        let digits = rest.dropFirst()
        guard (1...5).contains(digits.count), digits.allSatisfy({ $0 >= "0" && $0 <= "9" }),
              let port = Int(digits), port <= 65535 else { return nil }
        return (String(host), port)
    }

    /// Whether `Host` is acceptable for a loopback-bound server.
    public static func isAllowedHost(_ authority: String) -> Bool {
        guard let (host, _) = parseAuthority(authority) else { return false }
        return isLoopback(host) && host != "::1"   // IPv6 only in brackets in a Host header
    }

    /// Whether `origin` is the server's own origin as addressed by `authority` (the Host header).
    public static func originMatches(_ origin: String, authority: String) -> Bool {
        guard origin.lowercased().hasPrefix("http://") else { return false }
        guard let own = parseAuthority(authority), let claimed = parseAuthority(String(origin.dropFirst(7))) else { return false }
        return own.host == claimed.host && (own.port ?? 80) == (claimed.port ?? 80)
    }

    /// Compares two strings in time independent of where they differ.
    public static func constantTimeEqual(_ a: String, _ b: String) -> Bool {
        let x = Array(a.utf8), y = Array(b.utf8)
        guard x.count == y.count else { return false }
        var diff: UInt8 = 0
        for i in 0..<x.count { diff |= x[i] ^ y[i] }
        return diff == 0
    }

    /// The value of cookie `name` in a `Cookie` header.
    public static func cookie(_ name: String, in header: String) -> String? {
        for part in header.split(separator: ";") {
            let kv = part.trimmingCharacters(in: .whitespaces)
            if kv.hasPrefix(name + "=") { return String(kv.dropFirst(name.count + 1)) }
        }
        return nil
    }

    /// Why a request is refused, or nil to let it through (the pure decision, for tests).
    public static func refusal(method: HTTPRequest.Method, authority: String?, headers: HTTPFields,
                        boundHost: String, token: String?) -> HTTPError? {
        if isLoopback(boundHost) {
            guard let authority, isAllowedHost(authority) else {
                return HTTPError(.misdirectedRequest, message: "host: expected localhost, 127.x.y.z or [::1] with an optional :port, found '\(String((authority ?? "none").prefix(80)))'")
            }
        }
        if ![.get, .head, .options].contains(method), let origin = headers[.origin] {
            guard let authority, originMatches(origin, authority: authority) else {
                return HTTPError(.forbidden, message: "origin: expected http://\(String((authority ?? "").prefix(80))) (a page of this server), found '\(String(origin.prefix(80)))'")
            }
        }
        if let token {
            let given = headers[tokenHeader] ?? headers[.cookie].flatMap { cookie(tokenCookie, in: $0) }
            guard let given, constantTimeEqual(given, token) else {
                return HTTPError(.unauthorized, message: "token: expected the server's token (printed by coevo serve) as header X-Coevo-Token or cookie coevo_token, found \(given == nil ? "none" : "a wrong one")")
            }
        }
        return nil
    }

}

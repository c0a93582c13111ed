import Foundation
import CoevoExperiments
import CoevoModel

/// One problem with a submitted form: the field it belongs to (nil: the whole request) and the
/// message, which for parameters is exactly the line the CLI prints after `coevo: `.
public struct FieldError: Sendable, Equatable, Codable {
    public var field: String?
    public var message: String
    public init(field: String?, message: String) { self.field = field; self.message = message }
}

/// Turns submitted form fields into a runnable scenario, validating every value.
///
/// Contract:
/// - `scenario` must name a built-in scenario; nothing the client sends is ever used as a path.
/// - `seed` (optional, default 1) is an unsigned 64-bit integer.
/// - Every other non-empty field is a parameter override `key=value`, applied in registry order
///   (unknown keys after them, in the order sent) with `ScenarioLoader.apply(overrides:to:)`, so
///   the messages are the CLI's `--set` messages. Empty fields keep the scenario's value.
/// - The simulated firm-quarters (``simulatedFirmQuarters(_:)``: the most firms the run can hold
///   × (burn-in + reported quarters)) must not exceed the server's cap.
/// - At most ``CoevoServerApp/maxFields`` fields; at most ``SubmissionErrors/maxErrors`` errors,
///   each at most ``SubmissionErrors/maxMessage`` characters, are returned.
/// - On failure, `errors` lists the whole-request error first (the CLI's message for the full
///   override list), then one error per field whose value alone is unacceptable.
public struct RunSubmission: Sendable {
    public var scenario: Scenario
    public var request: RunRequest

    /// Field names with a meaning other than a parameter key.
    public static let reservedFields: Set<String> = ["scenario", "seed"]

    /// The most live firms a run with `p` can hold: the initial firms, or every household of every
    /// village (entrants come from the households; World.swift, Demography.swift), whichever is more,
    /// plus, when villages differ in size (`village.size_spread` > 0), two per village for the
    /// rounding of their sizes (each village's households are rounded to a whole number, at least 1).
    public static func simulatedFirmBound(_ p: Parameters) -> Int {
        let villages = max(p.clusters, Int((Double(p.firms) / Double(max(p.firmsPerVillage, 1))).rounded()))
        let (pool, overflow) = villages.multipliedReportingOverflow(by: p.householdsPerVillage)
        let (bound, overflow2) = max(p.firms, pool).addingReportingOverflow(p.villageSizeSpread > 0 ? 2 * villages : 0)
        return overflow || overflow2 ? Int.max : bound
    }

    /// Firm-quarters the run simulates at most: ``simulatedFirmBound(_:)`` × (burn-in + periods).
    public static func simulatedFirmQuarters(_ p: Parameters) -> Int {
        let (q, overflow) = simulatedFirmBound(p).multipliedReportingOverflow(by: p.burnIn + p.periods)
        return overflow ? Int.max : q
    }

    public static func validate(fields: [(String, String)], maxFirmQuarters: Int) -> Result<RunSubmission, SubmissionErrors> {
        guard fields.count <= CoevoServerApp.maxFields else {
            return .failure(SubmissionErrors(errors: [FieldError(field: nil, message: "form: expected at most \(CoevoServerApp.maxFields) fields, found \(fields.count)")]))
        }
        var errors: [FieldError] = []
        var values: [String: String] = [:]
        var order: [String] = []
        for (name, raw) in fields {
            let value = raw.trimmingCharacters(in: .whitespacesAndNewlines)
            guard isFieldName(name) else {
                errors.append(FieldError(field: nil, message: "form field: expected a parameter key (letters, digits, '.', '_'), found '\(name.prefix(60))'"))
                continue
            }
            if values[name] == nil { order.append(name) }
            values[name] = value
        }
        let scenarioName = values["scenario"].flatMap { $0.isEmpty ? nil : $0 } ?? "baseline"
        guard var scenario = Scenario.builtIn(named: scenarioName) else {
            let names = Scenario.builtIn.map(\.name).joined(separator: ", ")
            errors.insert(FieldError(field: "scenario", message: "--scenario: expected a built-in scenario (\(names)), found '\(scenarioName.prefix(80))' (the server runs built-in scenarios only)"), at: 0)
            return .failure(SubmissionErrors(errors: errors))
        }
        var seed: UInt64 = 1
        if let text = values["seed"], !text.isEmpty {
            if let s = UInt64(text) { seed = s } else {
                errors.append(FieldError(field: "seed", message: "--seed: expected an integer in [0, \(UInt64.max)], found '\(text.prefix(80))'"))
            }
        }
        // Overrides in registry order, then unknown keys in the order sent.
        var overrides: [(key: String, item: String)] = []
        for info in Parameters.registry {
            if let v = values[info.key], !v.isEmpty { overrides.append((info.key, "\(info.key)=\(v)")) }
        }
        for name in order where !reservedFields.contains(name) && Parameters.registryByKey[name] == nil {
            if let v = values[name], !v.isEmpty { overrides.append((name, "\(name)=\(v)")) }
        }
        var applied = scenario
        do {
            try ScenarioLoader.apply(overrides: overrides.map(\.item), to: &applied)
        } catch {
            errors.insert(FieldError(field: nil, message: error.description), at: 0)
            // Point at each field whose value alone is unacceptable (type, range, unknown key),
            // with the message the CLI gives for that one `--set`.
            for (key, item) in overrides {
                // Enough to show; the rest would only cost time ("did you mean" per key).
                if errors.count >= SubmissionErrors.maxErrors { break }
                var p = scenario.parameters
                guard (try? p.set(key, text: String(item.dropFirst(key.count + 1)))) == nil else { continue }
                var single = scenario
                do { try ScenarioLoader.apply(overrides: [item], to: &single) } catch {
                    errors.append(FieldError(field: key, message: error.description))
                }
            }
        }
        if errors.isEmpty {
            scenario = applied
            let p = scenario.parameters
            let quarters = simulatedFirmQuarters(p)
            if quarters > maxFirmQuarters {
                errors.append(FieldError(field: "firms", message: "simulated firm-quarters: expected at most \(maxFirmQuarters) per run on this server (coevo serve --max-firm-quarters), found up to \(simulatedFirmBound(p)) firms (firms \(p.firms); villages × village.households) × (burn_in \(p.burnIn) + periods \(p.periods)) = \(quarters == Int.max ? "more" : String(quarters))"))
            }
        }
        guard errors.isEmpty else { return .failure(SubmissionErrors(errors: errors)) }
        let p = scenario.parameters
        let request = RunRequest(scenario: scenarioName, seed: seed, overrides: overrides.map(\.item),
                                 firms: p.firms, periods: p.periods, submitted: RunRequest.now())
        return .success(RunSubmission(scenario: scenario, request: request))
    }

    static func isFieldName(_ s: String) -> Bool {
        !s.isEmpty && s.count <= 100 && s.unicodeScalars.allSatisfy {
            ($0 >= "a" && $0 <= "z") || ($0 >= "A" && $0 <= "Z") || ($0 >= "0" && $0 <= "9") || $0 == "." || $0 == "_"
        }
    }
}

/// The errors of a rejected submission (at least one).
public struct SubmissionErrors: Error, Sendable, Equatable {
    /// Most errors kept (the last says how many more there were) and longest message kept.
    public static let maxErrors = 20
    public static let maxMessage = 400
    public var errors: [FieldError]

    /// Keeps at most ``maxErrors`` errors, each message cut to ``maxMessage`` characters.
    public init(errors: [FieldError]) {
        var kept = errors.prefix(Self.maxErrors).map { e in
            e.message.count <= Self.maxMessage ? e : FieldError(field: e.field, message: String(e.message.prefix(Self.maxMessage - 1)) + "…")
        }
        if errors.count > Self.maxErrors {
            kept[kept.count - 1] = FieldError(field: nil, message: "… and \(errors.count - Self.maxErrors + 1) more errors")
        }
        self.errors = kept
    }
    /// The first message: what the CLI would print for the same input.
    public var summary: String { errors.first?.message ?? "invalid request" }
    public func message(for field: String) -> String? { errors.first { $0.field == field }?.message }
}

import CoevoExperiments
import CoevoModel
@testable import CoevoServer
import Testing

/// Validation of submitted forms without a server: the messages are the CLI's.
struct SubmissionTests {
    /// The CLI's message for `--scenario baseline --set item…`.
    func cliMessage(_ items: [String]) -> String? {
        var s = Scenario.builtIn(named: "baseline")!
        do { try ScenarioLoader.apply(overrides: items, to: &s); return nil } catch { return error.description }
    }

    @Test(arguments: [
        ("demand.theta_p", "0.5"),            // below the range
        ("demand.theta_p", "abc"),            // not a number
        ("world.regions", "2.5"),             // not an integer
        ("platform.enabled", "maybe"),        // not a boolean
        ("logistics.lamda", "0.4"),           // unknown key (with a suggestion)
        ("gov.reg", "0.9"),                   // combination: policy weights sum above 1
    ])
    func messagesAreTheCLIs(key: String, value: String) throws {
        let result = RunSubmission.validate(fields: [("scenario", "baseline"), (key, value)], maxFirmQuarters: .max)
        guard case .failure(let errors) = result else { Issue.record("accepted \(key)=\(value)"); return }
        let expected = try #require(cliMessage(["\(key)=\(value)"]))
        #expect(errors.summary == expected)
        #expect(errors.summary.hasPrefix("--set: "))
    }

    @Test func fieldErrorsPointAtEachBadField() throws {
        let result = RunSubmission.validate(fields: [("demand.theta_p", "0.5"), ("world.regions", "x"), ("seed", "-1")], maxFirmQuarters: .max)
        guard case .failure(let errors) = result else { Issue.record("accepted"); return }
        #expect(errors.message(for: "demand.theta_p") == cliMessage(["demand.theta_p=0.5"]))
        #expect(errors.message(for: "world.regions") == cliMessage(["world.regions=x"]))
        #expect(errors.message(for: "seed")?.hasPrefix("--seed: expected an integer") == true)
        // The first message is the CLI's for the whole override list (registry order).
        #expect(errors.summary == cliMessage(["world.regions=x", "demand.theta_p=0.5"]))
    }

    @Test func combinationsAreJudgedTogether() {
        // mu_max = 0.03 alone breaks mu_max ≥ mu_min (baseline 0.05); with mu_min = 0.01 it is fine.
        #expect(cliMessage(["platform.mu_max=0.03"]) != nil)
        let fields = [("platform.mu_max", "0.03"), ("platform.mu_min", "0.01")]
        guard case .success(let s) = RunSubmission.validate(fields: fields, maxFirmQuarters: .max) else {
            Issue.record("rejected a valid combination"); return
        }
        #expect(s.scenario.parameters.muMin == 0.01)
        #expect(s.scenario.parameters.muMax == 0.03)
        #expect(s.request.overrides == ["platform.mu_min=0.01", "platform.mu_max=0.03"])
    }

    @Test func emptyFieldsKeepTheScenario() throws {
        guard case .success(let s) = RunSubmission.validate(
            fields: [("scenario", "no-digital"), ("seed", "7"), ("firms", ""), ("periods", "12"), ("demand.theta_p", "  ")],
            maxFirmQuarters: .max) else { Issue.record("rejected"); return }
        #expect(s.scenario.name == "no-digital")
        #expect(s.scenario.parameters.platforms == false)
        #expect(s.scenario.parameters.periods == 12)
        #expect(s.scenario.parameters.firms == Scenario.builtIn(named: "no-digital")!.parameters.firms)
        #expect(s.request.seed == 7)
        #expect(s.request.overrides == ["periods=12"])
        #expect(s.request.commandLine == "coevo run --scenario no-digital --seed 7 --set periods=12")
    }

    @Test func capOnFirmQuarters() {
        let ok = RunSubmission.validate(fields: [("firms", "1000"), ("periods", "20")], maxFirmQuarters: 70_000)
        if case .failure(let e) = ok { Issue.record("rejected at the cap: \(e.summary)") }
        let over = RunSubmission.validate(fields: [("firms", "1000"), ("periods", "21")], maxFirmQuarters: 70_000)
        guard case .failure(let e) = over else { Issue.record("accepted above the cap"); return }
        #expect(e.summary == "simulated firm-quarters: expected at most 70000 per run on this server (coevo serve --max-firm-quarters), found up to 2500 firms (firms 1000; villages × village.households) × (burn_in 8 + periods 21) = 72500")
    }

    @Test(arguments: ["../../etc/passwd", "/etc/passwd.yaml", "scenario.yaml", "baseline/..", "", "BASELINE"])
    func scenarioMustBeBuiltIn(name: String) {
        let result = RunSubmission.validate(fields: [("scenario", name)], maxFirmQuarters: .max)
        if name.isEmpty {
            // An empty choice means the default, baseline.
            guard case .success(let s) = result else { Issue.record("rejected empty scenario"); return }
            #expect(s.scenario.name == "baseline")
            return
        }
        guard case .failure(let e) = result else { Issue.record("accepted scenario '\(name)'"); return }
        #expect(e.summary.hasPrefix("--scenario: expected a built-in scenario (baseline, "))
        #expect(e.errors.first?.field == "scenario")
    }

    @Test func badFieldNamesAreRejected() {
        let result = RunSubmission.validate(fields: [("../x", "1"), ("a=b", "2")], maxFirmQuarters: .max)
        guard case .failure(let e) = result else { Issue.record("accepted"); return }
        #expect(e.errors.count == 2)
        #expect(e.summary.hasPrefix("form field: expected a parameter key"))
    }

    @Test func runIDsAreCanonicalPositiveIntegers() {
        #expect(RunStore.parseID("1") == 1)
        #expect(RunStore.parseID("123456789") == 123456789)
        for bad in ["0", "01", "-1", "+1", "1.0", "1e3", "", " 1", "1234567890", "..", "%2e%2e", "1/..", "abc"] {
            #expect(RunStore.parseID(bad) == nil, "accepted '\(bad)'")
        }
    }

    @Test func formDecoding() {
        let pairs = FormData.parse("a=1&b=x+y&c=%2E%2E%2Fz&d&e=%E4%B8%AD&f=%zz")
        #expect(pairs.map(\.0) == ["a", "b", "c", "d", "e", "f"])
        #expect(pairs.map(\.1) == ["1", "x y", "../z", "", "中", "%zz"])
    }
}

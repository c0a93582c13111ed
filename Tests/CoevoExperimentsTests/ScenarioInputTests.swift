// Bad scenario input: each kind gets one clear line naming the file (or flag), the line or key,
// what was expected and what was found.

import CoevoExperiments
import CoevoModel
import Foundation
import Testing

@Suite struct ScenarioInputTests {
    func error(_ yaml: String) -> String? {
        do { _ = try ScenarioLoader.parse(yaml: yaml, source: "s.yaml"); return nil }
        catch { return error.description }
    }
    func overrideError(_ items: [String]) -> String? {
        var s = Scenario.builtIn(named: "baseline")!
        do { try ScenarioLoader.apply(overrides: items, to: &s); return nil } catch { return error.description }
    }

    @Test func validFileParses() throws {
        let s = try ScenarioLoader.parse(yaml: """
            name: cheap-logistics
            base: no-government
            logistics:
              lambda: 0.5
            parameters:
              firms: 5000
            adoption.demonstration: 0
            """, source: "s.yaml")
        #expect(s.name == "cheap-logistics")
        #expect(s.parameters.logisticsLambda == 0.5 && s.parameters.firms == 5000 && s.parameters.demonstration == 0)
        #expect(s.parameters.govReg == 0)
    }

    @Test func unknownKeyNamesLineAndNearestKey() {
        let e = error("firms: 100000\nlogistics:\n  lamda: 0.4\n")!
        #expect(e == "s.yaml:3: unknown key 'logistics.lamda' (did you mean 'logistics.lambda'?)")
    }
    @Test func wrongType() {
        #expect(error("logistics.lambda: fast\n")! == "s.yaml:1: parameter 'logistics.lambda': expected a number in [0, 3], found 'fast'")
    }
    @Test func outOfRange() {
        #expect(error("logistics:\n  lambda: 7\n")! == "s.yaml:2: parameter 'logistics.lambda': expected a number in [0, 3] (–), found 7")
    }
    @Test func integerExpected() {
        #expect(error("firms: 2.5\n")! == "s.yaml:1: parameter 'firms': expected an integer in [500, 50000000], found '2.5'")
    }
    @Test func booleanExpected() {
        #expect(error("finance.data_credit: maybe\n")! == "s.yaml:1: parameter 'finance.data_credit': expected true or false, found 'maybe'")
    }
    @Test func listWhereValueExpected() {
        #expect(error("firms: [1, 2]\n")! == "s.yaml:1: key 'firms': expected a single value, found a list")
    }
    @Test func syntaxError() {
        let e = error("firms: 1000\n  bad: [\n")!
        #expect(e.hasPrefix("s.yaml:") && e.contains("expected valid YAML, found a syntax error"))
    }
    @Test func topLevelNotAMapping() {
        #expect(error("- 1\n- 2\n")! == "s.yaml:1: expected a mapping of parameters at the top level, found a list")
    }
    @Test func emptyDocument() {
        #expect(error("")! == "s.yaml: expected a mapping of parameters, found an empty document")
    }
    @Test func unknownBase() {
        #expect(error("base: paradise\n")!.hasPrefix("s.yaml: key 'base': expected a built-in scenario (baseline, no-digital"))
    }
    @Test func duplicateKey() {
        #expect(error("logistics.lambda: 0.3\nlogistics:\n  lambda: 0.4\n")! == "s.yaml:3: key 'logistics.lambda': expected each parameter once, found it again (first on line 1)")
    }
    @Test func policyWeightsOverOne() {
        #expect(error("gov: {reg: 0.6, pub: 0.6, tal: 0, inf: 0, bar: 0}\n")! == "s.yaml: parameter 'gov.reg+pub+tal+inf+bar': expected weights summing to at most 1, found 1.2")
    }
    @Test func explosiveInputSharingLoop() {
        #expect(error("inputs.sigma: 1.5\n")!.hasPrefix("s.yaml: parameter 'inputs.sigma': expected an input-sharing loop gain α_in·θ_P/(σ_in−1) below 1, found loop gain 4"))
    }
    @Test func setWithoutEquals() {
        #expect(overrideError(["firms"])! == "--set: expected key=value, found 'firms'")
    }
    @Test func setUnknownKey() {
        #expect(overrideError(["firm=10"])! == "--set: parameter 'firm': expected a known parameter (did you mean 'firms'?), found unknown key")
    }
    @Test func unknownScenarioName() {
        do { _ = try ScenarioLoader.resolve("basline"); Issue.record("no error") }
        catch { #expect(error.description.hasSuffix("found 'basline' (did you mean 'baseline'?)")) }
    }
    @Test func missingFile() {
        do { _ = try ScenarioLoader.resolve("/nonexistent/x.yaml"); Issue.record("no error") }
        catch { #expect(error.description == "/nonexistent/x.yaml: expected a readable scenario file, found no such file") }
    }
    @Test func everyBuiltInIsValid() throws {
        for s in Scenario.builtIn { try s.parameters.validate() }
        #expect(Scenario.builtIn.map(\.name) == ["baseline", "no-digital", "no-government", "early-policy", "late-policy",
                                                   "policy-reg", "policy-pub", "policy-tal", "policy-inf", "policy-bar"])
    }
}

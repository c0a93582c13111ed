// Scenarios (INTERFACE.md "Built-in scenarios"): a named parameter set. Built-ins cover the
// baseline, the no-digital and no-government counterfactuals, policy timing and each lever
// (MODEL.md §6). Users write YAML files that start from a built-in and set any parameter.

import CoevoModel

/// A named, validated parameter set.
public struct Scenario: Sendable {
    public var name: String
    public var summary: String
    public var parameters: Parameters

    public init(name: String, summary: String, parameters: Parameters) {
        self.name = name; self.summary = summary; self.parameters = parameters
    }

    /// The built-in scenarios, in the order `coevo scenarios` lists them.
    public static let builtIn: [Scenario] = {
        var list: [Scenario] = []
        let base = Parameters()
        list.append(Scenario(name: "baseline", summary: "default economy: platforms and government policy (2% of value added, five equal levers) throughout", parameters: base))
        var noDigital = base; noDigital.platforms = false
        list.append(Scenario(name: "no-digital", summary: "counterfactual: no platform ever exists (traditional clusters only)", parameters: noDigital))
        var noGov = base
        noGov.govReg = 0; noGov.govPub = 0; noGov.govTal = 0; noGov.govInf = 0; noGov.govBar = 0
        list.append(Scenario(name: "no-government", summary: "all policy weights 0: no public goods for digital commerce (and no tax levied)", parameters: noGov))
        var early = base; early.govStart = 0
        list.append(Scenario(name: "early-policy", summary: "policy starts with digital commerce (period 0), nothing during the burn-in", parameters: early))
        var late = base; late.govStart = 40
        list.append(Scenario(name: "late-policy", summary: "policy starts only at period 40", parameters: late))
        let levers: [(String, WritableKeyPath<Parameters, Double>, String)] = [
            ("reg", \.govReg, "law, rules and business environment (trust, fraud, protection from imitation)"),
            ("pub", \.govPub, "public services and government-guided platforms (adoption cost and propensity)"),
            ("tal", \.govTal, "talent training and sharing (entrepreneurs' learning, adoption, innovation success)"),
            ("inf", \.govInf, "e-commerce parks, logistics and information infrastructure (logistics capacity against congestion)"),
            ("bar", \.govBar, "removing regional barriers (cross-region link cost and B2B sourcing, offline distance markup)"),
        ]
        for (lever, key, what) in levers {
            var p = base
            p.govReg = 0; p.govPub = 0; p.govTal = 0; p.govInf = 0; p.govBar = 0
            p[keyPath: key] = 1
            list.append(Scenario(name: "policy-\(lever)", summary: "whole policy budget on \(lever): \(what)", parameters: p))
        }
        return list
    }()

    public static func builtIn(named name: String) -> Scenario? { builtIn.first { $0.name == name } }
}

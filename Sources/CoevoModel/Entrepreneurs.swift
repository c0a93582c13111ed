// Entrepreneurs (MODEL.md §3(8); paper §2.1.1(5)): capability E learns by doing — online trial and
// error counts more — learns from the best it can see (its village, and for online sellers the
// platform's top sellers), from talent policy G_tal, and forgets:
// E += α_do(1−E)(1 + α_on·online share) + α_demo(E_best − E)^+ + α_G·G_tal(1−E) − forgetting·E.

extension Model {
    mutating func updateEntrepreneurs() {
        let p = parameters
        for s in 0..<firms.count {
            let E = firms.capability[s]
            var best = villages[Int(firms.village[s])].bestCapability
            if firms.isOnline(s) { best = max(best, platformBestCapability) }
            let gTal = regions[Int(firms.region[s])].policy[Lever.tal.rawValue]
            let dE = p.learnByDoing * (1 - E) * (1 + p.learnOnline * firms.onlineShareLast[s])
                + p.learnDemo * max(0, best - E)
                + p.learnPolicy * gTal * (1 - E)
                - p.forgetting * E
            firms.capability[s] = min(0.999, max(0.001, E + dE))
        }
    }
}

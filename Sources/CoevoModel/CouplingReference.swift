// The stored coupling reference (bounds and entropy weights of U1 and U2), derived from the
// baseline's pooled region × period panel by `coevo ccd-reference` (see docs/ODD.md). Generated
// file: regenerate it with that command after a change to the baseline.

extension CouplingReference {
    public static let baseline = CouplingReference(
        digital: [
            CouplingIndicator(metric: "online.share", positive: true, min: 4.315906420729887e-07, max: 0.671150733906016, weight: 0.09127520115789219),
            CouplingIndicator(metric: "adoption.retail", positive: true, min: 0.0, max: 0.32392189914313807, weight: 0.07706324351085216),
            CouplingIndicator(metric: "adoption.sharing", positive: true, min: 0.0, max: 0.3701362550920073, weight: 0.1706068896345425),
            CouplingIndicator(metric: "logistics.cost", positive: false, min: 0.05270285114933651, max: 0.15, weight: 0.013118464732437662),
            CouplingIndicator(metric: "platform.fee.mean", positive: false, min: 0.06723900942177981, max: 0.10000000000000005, weight: 0.042375285087456666),
            CouplingIndicator(metric: "credit.rate.small", positive: false, min: 0.043462351777477995, max: 0.049063860731535756, weight: 0.07898516844173004),
            CouplingIndicator(metric: "adoption.iinet", positive: true, min: 0.0, max: 0.7729349736379614, weight: 0.281478542240958),
            CouplingIndicator(metric: "adoption.eco", positive: true, min: 0.0, max: 0.6108468125594672, weight: 0.24509720519413078),
        ],
        cluster: [
            CouplingIndicator(metric: "valueadded.perfirm", positive: true, min: 0.8178578869486025, max: 1.4813982013219118, weight: 0.04790698280023974),
            CouplingIndicator(metric: "quality.mean", positive: true, min: -0.11467297389200012, max: 0.13881719628478556, weight: 0.0865225202349931),
            CouplingIndicator(metric: "innovation.share", positive: true, min: 0.0, max: 0.6307432432432433, weight: 0.22148564805300414),
            CouplingIndicator(metric: "cost.average", positive: false, min: 0.5983845714802666, max: 1.3006158505026708, weight: 0.035193259542414),
            CouplingIndicator(metric: "network.crosscluster", positive: true, min: 0.0, max: 0.6393673110720562, weight: 0.4855086369153471),
            CouplingIndicator(metric: "firms.index", positive: true, min: 0.948019801980198, max: 2.0594900849858355, weight: 0.12338295245400191),
        ],
        derivedFrom: "baseline, 20000 firms, 80 quarters, seeds 1,2,3, 1440 region-quarters"
    )
}

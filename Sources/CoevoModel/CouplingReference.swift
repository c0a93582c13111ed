// The stored coupling reference (bounds and entropy weights of U1 and U2), derived from the
// baseline's pooled region × period panel by `coevo ccd-reference` (see docs/ODD.md). Generated
// file: regenerate it with that command after a change to the baseline.

extension CouplingReference {
    public static let baseline = CouplingReference(
        digital: [
            CouplingIndicator(metric: "online.share", positive: true, min: 4.3401792677787897e-07, max: 0.6933663591907626, weight: 0.09311910649819972),
            CouplingIndicator(metric: "adoption.retail", positive: true, min: 0.0, max: 0.2752216124947235, weight: 0.06254113007721802),
            CouplingIndicator(metric: "adoption.sharing", positive: true, min: 0.0, max: 0.31475733634311515, weight: 0.16463598019498757),
            CouplingIndicator(metric: "logistics.cost", positive: false, min: 0.052304374274257465, max: 0.15, weight: 0.013835013297722422),
            CouplingIndicator(metric: "platform.fee.mean", positive: false, min: 0.06706753757177918, max: 0.10000000000000006, weight: 0.046170532313707616),
            CouplingIndicator(metric: "credit.rate.small", positive: false, min: 0.037920275999965926, max: 0.04901588248295927, weight: 0.09766682408911947),
            CouplingIndicator(metric: "adoption.iinet", positive: true, min: 0.0, max: 0.8877163360067539, weight: 0.2863888036285039),
            CouplingIndicator(metric: "adoption.eco", positive: true, min: 0.0, max: 0.8471929084001688, weight: 0.23564260990054128),
        ],
        cluster: [
            CouplingIndicator(metric: "valueadded.perfirm", positive: true, min: 0.8233637615418834, max: 1.5725274166741894, weight: 0.054555850388222825),
            CouplingIndicator(metric: "quality.mean", positive: true, min: -0.11475406634576556, max: 0.1335320429283523, weight: 0.07888374783181853),
            CouplingIndicator(metric: "innovation.share", positive: true, min: 0.0, max: 0.5723658818988807, weight: 0.22157752987836501),
            CouplingIndicator(metric: "cost.average", positive: false, min: 0.5615334025155728, max: 1.3035751208548711, weight: 0.03955008955911041),
            CouplingIndicator(metric: "network.crosscluster", positive: true, min: 0.0, max: 0.6688726069487119, weight: 0.4758190694069085),
            CouplingIndicator(metric: "firms.index", positive: true, min: 0.9522240527182867, max: 1.9780271154745208, weight: 0.12961371293557475),
        ],
        derivedFrom: "baseline, 20000 firms, 80 quarters, seeds 1,2,3, 1440 region-quarters"
    )
}

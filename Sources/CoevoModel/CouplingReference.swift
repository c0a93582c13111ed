// The stored coupling reference (bounds and entropy weights of U1 and U2), derived from the
// baseline's pooled region × period panel by `coevo ccd-reference` (see docs/ODD.md). Generated
// file: regenerate it with that command after a change to the baseline.

extension CouplingReference {
    public static let baseline = CouplingReference(
        digital: [
            CouplingIndicator(metric: "online.share", positive: true, min: 4.3401792677787897e-07, max: 0.6932248173197525, weight: 0.08738057913768082),
            CouplingIndicator(metric: "adoption.retail", positive: true, min: 0.0, max: 0.36726546906187624, weight: 0.07628901003923172),
            CouplingIndicator(metric: "adoption.sharing", positive: true, min: 0.0, max: 0.36594152695025634, weight: 0.1623946189449239),
            CouplingIndicator(metric: "logistics.cost", positive: false, min: 0.05272553623358887, max: 0.15, weight: 0.012510241002245317),
            CouplingIndicator(metric: "platform.fee.mean", positive: false, min: 0.06384397953643915, max: 0.10000000000000006, weight: 0.04334129320611652),
            CouplingIndicator(metric: "credit.rate.small", positive: false, min: 0.036278732177931365, max: 0.04901588248295927, weight: 0.10930962244940647),
            CouplingIndicator(metric: "adoption.iinet", positive: true, min: 0.0, max: 0.9071606053761012, weight: 0.2662805806161992),
            CouplingIndicator(metric: "adoption.eco", positive: true, min: 0.0, max: 0.854672704816797, weight: 0.24249405460419607),
        ],
        cluster: [
            CouplingIndicator(metric: "valueadded.perfirm", positive: true, min: 0.8233637615418834, max: 1.4612425581554094, weight: 0.04596105679949349),
            CouplingIndicator(metric: "quality.mean", positive: true, min: -0.12104915568496183, max: 0.1469838995111179, weight: 0.07811256340949313),
            CouplingIndicator(metric: "innovation.share", positive: true, min: 0.0, max: 0.6447234475738038, weight: 0.22464636233010485),
            CouplingIndicator(metric: "cost.average", positive: false, min: 0.5815953017300358, max: 1.3035751208548711, weight: 0.03697765401566625),
            CouplingIndicator(metric: "network.crosscluster", positive: true, min: 0.0, max: 0.718997063474136, weight: 0.4822539188782823),
            CouplingIndicator(metric: "firms.index", positive: true, min: 0.9522240527182867, max: 2.0842749529190208, weight: 0.13204844456696002),
        ],
        derivedFrom: "baseline, 20000 firms, 80 quarters, seeds 1,2,3, 1440 region-quarters"
    )
}

// The stored coupling reference (bounds and entropy weights of U1 and U2), derived from the
// baseline's pooled region × period panel by `coevo ccd-reference` (see docs/ODD.md). Generated
// file: regenerate it with that command after a change to the baseline.

extension CouplingReference {
    public static let baseline = CouplingReference(
        digital: [
            CouplingIndicator(metric: "online.share", positive: true, min: 4.340163261193358e-07, max: 0.6760364010406533, weight: 0.09131465521285423),
            CouplingIndicator(metric: "adoption.retail", positive: true, min: 0.0, max: 0.33008921330089214, weight: 0.07829342720494412),
            CouplingIndicator(metric: "adoption.sharing", positive: true, min: 0.0, max: 0.36496350364963503, weight: 0.17034137225710183),
            CouplingIndicator(metric: "logistics.cost", positive: false, min: 0.05270807522113766, max: 0.15, weight: 0.01319968297107972),
            CouplingIndicator(metric: "platform.fee.mean", positive: false, min: 0.06634554458801761, max: 0.10000000000000003, weight: 0.044280256879615246),
            CouplingIndicator(metric: "credit.rate.small", positive: false, min: 0.043035013867923855, max: 0.04901588245741498, weight: 0.08405274814960574),
            CouplingIndicator(metric: "adoption.iinet", positive: true, min: 0.0, max: 0.8188497302261508, weight: 0.2743325597309688),
            CouplingIndicator(metric: "adoption.eco", positive: true, min: 0.0, max: 0.6126148497640924, weight: 0.24418529759383029),
        ],
        cluster: [
            CouplingIndicator(metric: "valueadded.perfirm", positive: true, min: 0.8233637642187116, max: 1.4877958382199978, weight: 0.048617330450889965),
            CouplingIndicator(metric: "quality.mean", positive: true, min: -0.12040017044317526, max: 0.14776366558119922, weight: 0.07898226795492196),
            CouplingIndicator(metric: "innovation.share", positive: true, min: 0.0, max: 0.6497175141242938, weight: 0.22785069163729973),
            CouplingIndicator(metric: "cost.average", positive: false, min: 0.594914262987285, max: 1.3035751210801, weight: 0.03667186197910725),
            CouplingIndicator(metric: "network.crosscluster", positive: true, min: 0.0, max: 0.6851107794742279, weight: 0.4787618278348018),
            CouplingIndicator(metric: "firms.index", positive: true, min: 0.9522240527182867, max: 2.0884679932869816, weight: 0.12911602014297943),
        ],
        derivedFrom: "baseline, 20000 firms, 80 quarters, seeds 1,2,3, 1440 region-quarters"
    )
}

// The stored coupling reference (bounds and entropy weights of U1 and U2), derived from the
// region × period panel pooled over the built-in scenarios by `coevo ccd-reference` (see
// docs/ODD.md §7.21). Generated file: regenerate it with that command after a model change.

extension CouplingReference {
    public static let baseline = CouplingReference(
        digital: [
            CouplingIndicator(metric: "online.share", positive: true, min: 0.0, max: 0.6976575395382855, weight: 0.09133985889153802),
            CouplingIndicator(metric: "adoption.retail", positive: true, min: 0.0, max: 0.3072983354673495, weight: 0.07257538493092848),
            CouplingIndicator(metric: "adoption.sharing", positive: true, min: 0.0, max: 0.32245543415756184, weight: 0.16840502576335553),
            CouplingIndicator(metric: "logistics.cost", positive: false, min: 0.0447639935796028, max: 0.24494090022699888, weight: 0.012853306692542518),
            CouplingIndicator(metric: "platform.fee.mean", positive: false, min: 0.0, max: 0.10000000000000006, weight: 0.08845420574400945),
            CouplingIndicator(metric: "credit.rate.small", positive: false, min: 0.03656510372962649, max: 0.04983948153495463, weight: 0.05939352392312092),
            CouplingIndicator(metric: "adoption.iinet", positive: true, min: 0.0, max: 0.8681177976952625, weight: 0.2891137996661019),
            CouplingIndicator(metric: "adoption.eco", positive: true, min: 0.0, max: 0.8510456679470764, weight: 0.2178648943884032),
        ],
        cluster: [
            CouplingIndicator(metric: "valueadded.perfirm", positive: true, min: 0.7079775537696292, max: 1.6795593035645924, weight: 0.05437916456714328),
            CouplingIndicator(metric: "quality.mean", positive: true, min: -0.4072138618440102, max: 0.13858769175842053, weight: 0.009604473606804284),
            CouplingIndicator(metric: "innovation.share", positive: true, min: 0.0, max: 0.4728132387706856, weight: 0.24030791724571388),
            CouplingIndicator(metric: "cost.average", positive: false, min: 0.5720184172699675, max: 1.3129774585542344, weight: 0.03283731286428629),
            CouplingIndicator(metric: "network.crosscluster", positive: true, min: 0.0, max: 0.6419147694103912, weight: 0.5872698105621463),
            CouplingIndicator(metric: "firms.index", positive: true, min: 0.8272146847565842, max: 1.8613247333167948, weight: 0.075601321153906),
        ],
        derivedFrom: "10 built-in scenarios pooled, 20000 firms, 80 quarters, seeds 1,2, 9600 region-quarters"
    )
}

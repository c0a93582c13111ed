// The stored coupling reference (bounds and entropy weights of U1 and U2), derived from the
// region × period panel pooled over the built-in scenarios by `coevo ccd-reference` (see
// docs/ODD.md §7.21). Generated file: regenerate it with that command after a model change.

extension CouplingReference {
    public static let baseline = CouplingReference(
        digital: [
            CouplingIndicator(metric: "online.share", positive: true, min: 0.0, max: 0.6658189453171965, weight: 0.08387801816013012),
            CouplingIndicator(metric: "adoption.retail", positive: true, min: 0.0, max: 0.33860949709477056, weight: 0.07751339788229358),
            CouplingIndicator(metric: "adoption.sharing", positive: true, min: 0.0, max: 0.3861970035065349, weight: 0.1649218843729809),
            CouplingIndicator(metric: "logistics.cost", positive: false, min: 0.04462317028787216, max: 0.34903105416316904, weight: 0.004328931698093799),
            CouplingIndicator(metric: "platform.fee.mean", positive: false, min: 0.0, max: 0.10000000000000006, weight: 0.10427426989136714),
            CouplingIndicator(metric: "credit.rate.small", positive: false, min: 0.039187406134234874, max: 0.049756736533592714, weight: 0.06068537288510242),
            CouplingIndicator(metric: "adoption.iinet", positive: true, min: 0.0, max: 0.8842629482071713, weight: 0.265712226336694),
            CouplingIndicator(metric: "adoption.eco", positive: true, min: 0.0, max: 0.6, weight: 0.23868589877333818),
        ],
        cluster: [
            CouplingIndicator(metric: "valueadded.perfirm", positive: true, min: 0.6953225090797543, max: 2.0163407366475887, weight: 0.05776502740651631),
            CouplingIndicator(metric: "quality.mean", positive: true, min: -0.5296750483172779, max: 0.09659623464251198, weight: 0.01096328082704206),
            CouplingIndicator(metric: "innovation.share", positive: true, min: 0.0, max: 0.6038274778634676, weight: 0.2550316222029471),
            CouplingIndicator(metric: "cost.average", positive: false, min: 0.3827539745606662, max: 1.3277539376931493, weight: 0.033100815495510555),
            CouplingIndicator(metric: "network.crosscluster", positive: true, min: 0.0, max: 0.7085657370517928, weight: 0.5749925794011729),
            CouplingIndicator(metric: "firms.index", positive: true, min: 0.7963483146067416, max: 2.0599097250718095, weight: 0.06814667466681108),
        ],
        derivedFrom: "10 built-in scenarios pooled, 20000 firms, 80 quarters, seeds 1,2, 9600 region-quarters"
    )
}

// The stored coupling reference (bounds and entropy weights of U1 and U2), derived from the
// region × period panel pooled over the built-in scenarios by `coevo ccd-reference` (see
// docs/ODD.md §7.21). Generated file: regenerate it with that command after a model change.

extension CouplingReference {
    public static let baseline = CouplingReference(
        digital: [
            CouplingIndicator(metric: "online.share", positive: true, min: 0.0, max: 0.6957974779861639, weight: 0.08289560147514102),
            CouplingIndicator(metric: "adoption.retail", positive: true, min: 0.0, max: 0.40625, weight: 0.06971889163096608),
            CouplingIndicator(metric: "adoption.sharing", positive: true, min: 0.0, max: 0.39767476524072143, weight: 0.1670978256545963),
            CouplingIndicator(metric: "logistics.cost", positive: false, min: 0.044857317717085045, max: 0.3079721908321709, weight: 0.0027808369778365536),
            CouplingIndicator(metric: "platform.fee.mean", positive: false, min: 0.0, max: 0.10000000000000006, weight: 0.07029932649556665),
            CouplingIndicator(metric: "credit.rate.small", positive: false, min: 0.025937369830425046, max: 0.04976883249640195, weight: 0.0844635213153258),
            CouplingIndicator(metric: "adoption.iinet", positive: true, min: 0.0, max: 0.9968813061823518, weight: 0.27413883766703906),
            CouplingIndicator(metric: "adoption.eco", positive: true, min: 0.0, max: 0.7922303156434269, weight: 0.24860515878352857),
        ],
        cluster: [
            CouplingIndicator(metric: "valueadded.perfirm", positive: true, min: 0.697854181616758, max: 1.9292941205214957, weight: 0.03684470583448343),
            CouplingIndicator(metric: "quality.mean", positive: true, min: -0.5296750483172779, max: 0.05345191478945759, weight: 0.01198605556633598),
            CouplingIndicator(metric: "innovation.share", positive: true, min: 0.0, max: 0.5247625508819539, weight: 0.23333012734876413),
            CouplingIndicator(metric: "cost.average", positive: false, min: 0.3852514955712502, max: 1.3272162133044418, weight: 0.023576805010495305),
            CouplingIndicator(metric: "network.crosscluster", positive: true, min: 0.0, max: 0.8490185287103283, weight: 0.6251051516872708),
            CouplingIndicator(metric: "firms.index", positive: true, min: 0.7963483146067416, max: 2.2683533803401077, weight: 0.0691571545526504),
        ],
        derivedFrom: "10 built-in scenarios pooled, 20000 firms, 80 quarters, seeds 1,2, 9600 region-quarters"
    )
}

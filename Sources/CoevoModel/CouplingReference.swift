// The stored coupling reference (bounds and entropy weights of U1 and U2), derived from the
// region × period panel pooled over the built-in scenarios by `coevo ccd-reference` (see
// docs/ODD.md §7.21). Generated file: regenerate it with that command after a model change.

extension CouplingReference {
    public static let baseline = CouplingReference(
        digital: [
            CouplingIndicator(metric: "online.share", positive: true, min: 0.0, max: 0.6957647644546512, weight: 0.0915566574893661),
            CouplingIndicator(metric: "adoption.retail", positive: true, min: 0.0, max: 0.23803146970204217, weight: 0.07083161942587338),
            CouplingIndicator(metric: "adoption.sharing", positive: true, min: 0.0, max: 0.30884184308841844, weight: 0.17020072136677042),
            CouplingIndicator(metric: "logistics.cost", positive: false, min: 0.05051274404553416, max: 0.267806382271472, weight: 0.009360613913089089),
            CouplingIndicator(metric: "platform.fee.mean", positive: false, min: 0.0, max: 0.10000000000000006, weight: 0.08968613052648391),
            CouplingIndicator(metric: "credit.rate.small", positive: false, min: 0.04016590026868262, max: 0.049513638173084955, weight: 0.06301195857909579),
            CouplingIndicator(metric: "adoption.iinet", positive: true, min: 0.0, max: 0.766780298577642, weight: 0.2887893876052609),
            CouplingIndicator(metric: "adoption.eco", positive: true, min: 0.0, max: 0.7356430944470812, weight: 0.2165629110940604),
        ],
        cluster: [
            CouplingIndicator(metric: "valueadded.perfirm", positive: true, min: 0.7845571218522548, max: 1.7926819615730074, weight: 0.0577379223373699),
            CouplingIndicator(metric: "quality.mean", positive: true, min: -0.4368574433431933, max: 0.1257939644181952, weight: 0.010237160763002993),
            CouplingIndicator(metric: "innovation.share", positive: true, min: 0.0, max: 0.489171974522293, weight: 0.2365970982052025),
            CouplingIndicator(metric: "cost.average", positive: false, min: 0.6006172980739893, max: 1.3294530943983782, weight: 0.032481743000704555),
            CouplingIndicator(metric: "network.crosscluster", positive: true, min: 0.0, max: 0.6087927589044316, weight: 0.5706218539957515),
            CouplingIndicator(metric: "firms.index", positive: true, min: 0.8768718801996672, max: 2.083517021797698, weight: 0.09232422169796858),
        ],
        derivedFrom: "10 built-in scenarios pooled, 20000 firms, 80 quarters, seeds 1,2, 9600 region-quarters"
    )
}

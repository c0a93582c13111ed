// The stored coupling reference (bounds and entropy weights of U1 and U2), derived from the
// region × period panel pooled over the built-in scenarios by `coevo ccd-reference` (see
// docs/ODD.md §7.21). Generated file: regenerate it with that command after a model change.

extension CouplingReference {
    public static let baseline = CouplingReference(
        digital: [
            CouplingIndicator(metric: "online.share", positive: true, min: 0.0, max: 0.6864802315932935, weight: 0.09025609817791472),
            CouplingIndicator(metric: "adoption.retail", positive: true, min: 0.0, max: 0.23184734886862546, weight: 0.07034537833337375),
            CouplingIndicator(metric: "adoption.sharing", positive: true, min: 0.0, max: 0.2526640493550196, weight: 0.17472438175653407),
            CouplingIndicator(metric: "logistics.cost", positive: false, min: 0.04957553662094989, max: 0.2540258628205569, weight: 0.009996569263331515),
            CouplingIndicator(metric: "platform.fee.mean", positive: false, min: 0.0, max: 0.10000000000000006, weight: 0.08347167903730203),
            CouplingIndicator(metric: "credit.rate.small", positive: false, min: 0.042736209864958415, max: 0.049513638173084955, weight: 0.06508523922741208),
            CouplingIndicator(metric: "adoption.iinet", positive: true, min: 0.0, max: 0.6226415094339622, weight: 0.2926093203420021),
            CouplingIndicator(metric: "adoption.eco", positive: true, min: 0.0, max: 0.48535051388249734, weight: 0.21351133386212978),
        ],
        cluster: [
            CouplingIndicator(metric: "valueadded.perfirm", positive: true, min: 0.7845571218522548, max: 1.7926819615730074, weight: 0.05491529420490799),
            CouplingIndicator(metric: "quality.mean", positive: true, min: -0.4368574433431933, max: 0.10825840225763318, weight: 0.01036693210557769),
            CouplingIndicator(metric: "innovation.share", positive: true, min: 0.0, max: 0.3821612349914237, weight: 0.2161769576995262),
            CouplingIndicator(metric: "cost.average", positive: false, min: 0.6101747301133307, max: 1.3294530943983782, weight: 0.031432596617934475),
            CouplingIndicator(metric: "network.crosscluster", positive: true, min: 0.0, max: 0.40404970087436726, weight: 0.5951617696985885),
            CouplingIndicator(metric: "firms.index", positive: true, min: 0.8768718801996672, max: 2.0693117805535146, weight: 0.09194644967346535),
        ],
        derivedFrom: "10 built-in scenarios pooled, 20000 firms, 80 quarters, seeds 1,2, 9600 region-quarters"
    )
}

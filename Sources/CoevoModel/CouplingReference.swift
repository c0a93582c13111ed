// The stored coupling reference (bounds and entropy weights of U1 and U2), derived from the
// region × period panel pooled over the built-in scenarios by `coevo ccd-reference` (see
// docs/ODD.md §7.21). Generated file: regenerate it with that command after a model change.

extension CouplingReference {
    public static let baseline = CouplingReference(
        digital: [
            CouplingIndicator(metric: "online.share", positive: true, min: 0.0, max: 0.6762975463917332, weight: 0.08174118201259595),
            CouplingIndicator(metric: "adoption.retail", positive: true, min: 0.0, max: 0.3661257606490872, weight: 0.07941880572873063),
            CouplingIndicator(metric: "adoption.sharing", positive: true, min: 0.0, max: 0.41304033540552265, weight: 0.16272037411289578),
            CouplingIndicator(metric: "logistics.cost", positive: false, min: 0.04455253233815059, max: 0.3631397220505771, weight: 0.0042005207304506974),
            CouplingIndicator(metric: "platform.fee.mean", positive: false, min: 0.0, max: 0.10000000000000006, weight: 0.10408733068785271),
            CouplingIndicator(metric: "credit.rate.small", positive: false, min: 0.038865322942058696, max: 0.04978146885446019, weight: 0.06194629917163739),
            CouplingIndicator(metric: "adoption.iinet", positive: true, min: 0.0, max: 0.9377162629757786, weight: 0.2669236626916131),
            CouplingIndicator(metric: "adoption.eco", positive: true, min: 0.0, max: 0.6920762286860582, weight: 0.23896182486422377),
        ],
        cluster: [
            CouplingIndicator(metric: "valueadded.perfirm", positive: true, min: 0.704594057998341, max: 2.0095359863424527, weight: 0.058212954815269974),
            CouplingIndicator(metric: "quality.mean", positive: true, min: -0.40471694671106057, max: 0.16271927234297714, weight: 0.009560406140918937),
            CouplingIndicator(metric: "innovation.share", positive: true, min: 0.0, max: 0.636978579481398, weight: 0.25124234114651517),
            CouplingIndicator(metric: "cost.average", positive: false, min: 0.3767849815818456, max: 1.3141968517769043, weight: 0.036426164070796296),
            CouplingIndicator(metric: "network.crosscluster", positive: true, min: 0.0, max: 0.7637172516065249, weight: 0.5651086253119889),
            CouplingIndicator(metric: "firms.index", positive: true, min: 0.8252969951083159, max: 2.0373563218390807, weight: 0.07944950851451073),
        ],
        derivedFrom: "10 built-in scenarios pooled, 20000 firms, 80 quarters, seeds 1,2, 9600 region-quarters"
    )
}

// The stored coupling reference (bounds and entropy weights of U1 and U2), derived from the
// region × period panel pooled over the built-in scenarios by `coevo ccd-reference` (see
// docs/ODD.md §7.21). Generated file: regenerate it with that command after a model change.

extension CouplingReference {
    public static let baseline = CouplingReference(
        digital: [
            CouplingIndicator(metric: "online.share", positive: true, min: 0.0, max: 0.6724354147055176, weight: 0.08280262787464303),
            CouplingIndicator(metric: "adoption.retail", positive: true, min: 0.0, max: 0.3446072319201995, weight: 0.07710939748917246),
            CouplingIndicator(metric: "adoption.sharing", positive: true, min: 0.0, max: 0.406129678114893, weight: 0.16462667388156363),
            CouplingIndicator(metric: "logistics.cost", positive: false, min: 0.04469258306395702, max: 0.34664983239481933, weight: 0.004174063060091536),
            CouplingIndicator(metric: "platform.fee.mean", positive: false, min: 0.0, max: 0.10000000000000006, weight: 0.10194434907956886),
            CouplingIndicator(metric: "credit.rate.small", positive: false, min: 0.04037432484503204, max: 0.049810732133851385, weight: 0.057726261613605265),
            CouplingIndicator(metric: "adoption.iinet", positive: true, min: 0.0, max: 0.8737166324435318, weight: 0.2697576473618735),
            CouplingIndicator(metric: "adoption.eco", positive: true, min: 0.0, max: 0.6658110882956879, weight: 0.2418589796394817),
        ],
        cluster: [
            CouplingIndicator(metric: "valueadded.perfirm", positive: true, min: 0.7074404781310415, max: 2.018420008666796, weight: 0.060318762149809774),
            CouplingIndicator(metric: "quality.mean", positive: true, min: -0.3988895508096813, max: 0.1518350362200691, weight: 0.009994292288191563),
            CouplingIndicator(metric: "innovation.share", positive: true, min: 0.0, max: 0.6080402010050251, weight: 0.24896196508666882),
            CouplingIndicator(metric: "cost.average", positive: false, min: 0.3976370185053766, max: 1.313295170524422, weight: 0.03402940161444188),
            CouplingIndicator(metric: "network.crosscluster", positive: true, min: 0.0, max: 0.6811960412718467, weight: 0.5706638627849381),
            CouplingIndicator(metric: "firms.index", positive: true, min: 0.8256302521008403, max: 1.9359967386873216, weight: 0.07603171607594991),
        ],
        derivedFrom: "10 built-in scenarios pooled, 20000 firms, 80 quarters, seeds 1,2, 9600 region-quarters"
    )
}

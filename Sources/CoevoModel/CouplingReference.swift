// The stored coupling reference (bounds and entropy weights of U1 and U2), derived from the
// region × period panel pooled over the built-in scenarios by `coevo ccd-reference` (see
// docs/ODD.md §7.21). Generated file: regenerate it with that command after a model change.

extension CouplingReference {
    public static let baseline = CouplingReference(
        digital: [
            CouplingIndicator(metric: "online.share", positive: true, min: 0.0, max: 0.6695958426885966, weight: 0.08167102288870935),
            CouplingIndicator(metric: "adoption.retail", positive: true, min: 0.0, max: 0.35280189423835834, weight: 0.0773263240807372),
            CouplingIndicator(metric: "adoption.sharing", positive: true, min: 0.0, max: 0.4146011716989635, weight: 0.16450192423891438),
            CouplingIndicator(metric: "logistics.cost", positive: false, min: 0.04514072789247251, max: 0.23415632362372282, weight: 0.011021468900376964),
            CouplingIndicator(metric: "platform.fee.mean", positive: false, min: 0.0, max: 0.10000000000000006, weight: 0.09916371440188096),
            CouplingIndicator(metric: "credit.rate.small", positive: false, min: 0.04101386227647377, max: 0.049839798000612924, weight: 0.05444973959161965),
            CouplingIndicator(metric: "adoption.iinet", positive: true, min: 0.0, max: 0.8543805204105992, weight: 0.2702083625357957),
            CouplingIndicator(metric: "adoption.eco", positive: true, min: 0.0, max: 0.6006206731916925, weight: 0.24165744336196576),
        ],
        cluster: [
            CouplingIndicator(metric: "valueadded.perfirm", positive: true, min: 0.7079775537696292, max: 1.6795593035645924, weight: 0.049799455547565055),
            CouplingIndicator(metric: "quality.mean", positive: true, min: -0.4072138618440102, max: 0.14354597511288975, weight: 0.009601089374033768),
            CouplingIndicator(metric: "innovation.share", positive: true, min: 0.0, max: 0.5370595382746051, weight: 0.2453022578102423),
            CouplingIndicator(metric: "cost.average", positive: false, min: 0.5947809864701119, max: 1.3129774585542344, weight: 0.029923355156613436),
            CouplingIndicator(metric: "network.crosscluster", positive: true, min: 0.0, max: 0.6567724326168544, weight: 0.5858315770178917),
            CouplingIndicator(metric: "firms.index", positive: true, min: 0.8272146847565842, max: 1.8934733683420855, weight: 0.0795422650936537),
        ],
        derivedFrom: "10 built-in scenarios pooled, 20000 firms, 80 quarters, seeds 1,2, 9600 region-quarters"
    )
}

// The stored coupling reference (bounds and entropy weights of U1 and U2), derived from the
// baseline's pooled region × period panel by `coevo ccd-reference` (see docs/ODD.md). Generated
// file: regenerate it with that command after a change to the baseline.

extension CouplingReference {
    public static let baseline = CouplingReference(
        digital: [
            CouplingIndicator(metric: "online.share", positive: true, min: 4.3518661010306666e-07, max: 0.671337463743575, weight: 0.09642554595010176),
            CouplingIndicator(metric: "adoption.retail", positive: true, min: 0.0, max: 0.30672206558836623, weight: 0.07796935236293695),
            CouplingIndicator(metric: "adoption.sharing", positive: true, min: 0.0, max: 0.3327250608272506, weight: 0.17496314004939711),
            CouplingIndicator(metric: "logistics.cost", positive: false, min: 0.0524592393862601, max: 0.15, weight: 0.0136141480223495),
            CouplingIndicator(metric: "platform.fee.mean", positive: false, min: 0.06779169098882049, max: 0.10000000000000003, weight: 0.04313307990243513),
            CouplingIndicator(metric: "credit.rate.small", positive: false, min: 0.044359840927502794, max: 0.04917023924412363, weight: 0.058169269257293175),
            CouplingIndicator(metric: "adoption.iinet", positive: true, min: 0.0, max: 0.7158257224135349, weight: 0.28530393665496445),
            CouplingIndicator(metric: "adoption.eco", positive: true, min: 0.0, max: 0.5364303178484108, weight: 0.2504215278005219),
        ],
        cluster: [
            CouplingIndicator(metric: "valueadded.perfirm", positive: true, min: 0.8151327601649403, max: 1.5360822837297265, weight: 0.05589584906251956),
            CouplingIndicator(metric: "quality.mean", positive: true, min: -0.12140803490001979, max: 0.14383075344189988, weight: 0.07960805931533851),
            CouplingIndicator(metric: "innovation.share", positive: true, min: 0.0, max: 0.6564277588168373, weight: 0.2298000358143054),
            CouplingIndicator(metric: "cost.average", positive: false, min: 0.6000727881647362, max: 1.3011374147336783, weight: 0.03605031838463694),
            CouplingIndicator(metric: "network.crosscluster", positive: true, min: 0.0, max: 0.5952290798939796, weight: 0.4823421916271248),
            CouplingIndicator(metric: "firms.index", positive: true, min: 0.9466338259441708, max: 1.9077775102335661, weight: 0.11630354579607494),
        ],
        derivedFrom: "baseline, 20000 firms, 80 quarters, seeds 1,2,3, 1440 region-quarters"
    )
}

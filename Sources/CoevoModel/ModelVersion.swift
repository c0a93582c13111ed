// The version of the model's outputs. Sweep stores key every run by this version, the resolved
// parameters and the seed, so a store never reuses a run made by a model that computes
// differently.

public enum ModelVersion {
    /// Change this whenever a given parameter set and seed give different outputs (any mechanism,
    /// observation or default change); speed-ups that leave outputs byte-identical keep it.
    public static let current = "2026.12.07-6"
}

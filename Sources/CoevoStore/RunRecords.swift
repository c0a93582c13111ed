/// Plain value types that flow into and out of the results store.
///
/// They deliberately do not use any CoevoModel type, so the store can be written, tested and read
/// (by reports and the web server) without the model.

/// Identity and settings of one run, stored as one row of the `runs` table.
public struct RunInfo: Sendable, Codable, Equatable {
    /// Scenario name (`baseline`, …) or the scenario file given on the command line.
    public var scenario: String
    /// Master seed. Stored in SQLite as the signed 64-bit integer with the same bits.
    public var seed: UInt64
    /// Number of firms at the start of the run.
    public var firms: Int
    /// Number of reported periods.
    public var periods: Int
    /// Program version that produced the run.
    public var version: String
    /// All parameters of the run as one JSON object (stored verbatim in `runs.parameters`).
    public var parametersJSON: String

    public init(scenario: String, seed: UInt64, firms: Int, periods: Int, version: String, parametersJSON: String) {
        self.scenario = scenario
        self.seed = seed
        self.firms = firms
        self.periods = periods
        self.version = version
        self.parametersJSON = parametersJSON
    }
}

/// One value of one metric for one unit in one period (the period is given to `recordPeriod`).
public struct SeriesValue: Sendable, Equatable {
    /// `all`, `region:<r>` or `cluster:<k>` (INTERFACE.md). Only `all` rows go to `series.csv`.
    public var unit: String
    /// Metric name as listed in INTERFACE.md, e.g. `adoption.retail`.
    public var metric: String
    /// The value. NaN is stored in SQLite as NULL (and read back as NaN); SQLite keeps no sign of
    /// zero, so -0.0 reads back from the database as 0.0 (`series.csv` keeps `-0.0`).
    public var value: Double

    public init(unit: String, metric: String, value: Double) {
        self.unit = unit
        self.metric = metric
        self.value = value
    }
}

/// Something that happened in a run (stage entered, lock-in, fall back, …).
public struct RunEvent: Sendable, Equatable {
    public var period: Int
    /// Short machine-readable kind, e.g. `stage.enter`.
    public var kind: String
    /// Free human-readable text.
    public var detail: String

    public init(period: Int, kind: String, detail: String) {
        self.period = period
        self.kind = kind
        self.detail = detail
    }
}

/// One firm in one period of the panel sample (written only for runs with `--panel`).
public struct PanelRow: Sendable, Equatable {
    /// Names of the seven cost components, in the order of `components` and of the panel columns
    /// `cost_<name>`; they add up to `averageCost`.
    public static let componentNames = ["production", "logistics", "finance", "transaction", "fees", "inventory", "fixed"]

    public var firm: UInt32
    public var period: Int
    public var cluster: Int
    public var role: String
    /// The firm's channel set, e.g. `retail+b2b`.
    public var channels: String
    public var output: Double
    public var averageCost: Double
    /// Exactly seven values, in the order of ``componentNames``.
    public var components: [Double]
    /// The firm's industry (the regression's second fixed effect is industry × period).
    public var industry: Int
    /// The mechanism stage (0–4) of the period, the label β_s is estimated by.
    public var stage: Int
    /// The regressors of the external-economies regression (MODEL.md §4): the output the firm's
    /// costs draw on, excluding its own (Y^reach), and its cluster's output excluding its own.
    public var reachableOutput: Double
    public var clusterOutput: Double

    public init(firm: UInt32, period: Int, cluster: Int, role: String, channels: String, output: Double,
                averageCost: Double, components: [Double], industry: Int, stage: Int, reachableOutput: Double,
                clusterOutput: Double) {
        self.firm = firm
        self.period = period
        self.cluster = cluster
        self.role = role
        self.channels = channels
        self.output = output
        self.averageCost = averageCost
        self.components = components
        self.industry = industry
        self.stage = stage
        self.reachableOutput = reachableOutput
        self.clusterOutput = clusterOutput
    }
}

/// One row of the `runs` table as read back by ``RunDatabase``.
public struct StoredRun: Sendable, Equatable {
    public var id: Int64
    public var scenario: String
    public var seed: UInt64
    public var firms: Int
    public var periods: Int
    /// `running` while the run is being written, `finished` once it is complete.
    public var status: String
    /// ISO 8601 UTC timestamps (`2025-01-31T12:00:00Z`); `finished` is nil until the run finishes.
    public var started: String
    public var finished: String?
    public var version: String
    public var parametersJSON: String

    public init(id: Int64, scenario: String, seed: UInt64, firms: Int, periods: Int, status: String,
                started: String, finished: String?, version: String, parametersJSON: String) {
        self.id = id
        self.scenario = scenario
        self.seed = seed
        self.firms = firms
        self.periods = periods
        self.status = status
        self.started = started
        self.finished = finished
        self.version = version
        self.parametersJSON = parametersJSON
    }
}

/// Values of `runs.status`.
public enum RunStatus {
    public static let running = "running"
    public static let finished = "finished"
}

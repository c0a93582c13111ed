import GRDB

/// The schema of `run.sqlite` (INTERFACE.md), as GRDB migrations.
///
/// Tables:
/// - `runs(id, scenario, seed, firms, periods, status, started, finished, version, parameters)`;
///   `seed` holds the UInt64 seed's bit pattern as a signed 64-bit integer; `parameters` is JSON text.
/// - `series(run_id, period, unit, metric, value)`, `value` NULL for NaN, indexed on
///   `(run_id, metric, unit, period)`.
/// - `events(run_id, period, kind, detail)`.
/// - only for panel runs: `panel(run_id, id, period, cluster, role, channels, output, average_cost,
///   cost_production, cost_logistics, cost_finance, cost_transaction, cost_fees, cost_inventory, cost_fixed,
///   industry, stage, reachable_output, cluster_output)`: the last four (written since 2026-12-07)
///   are what the external-economies regression reads besides costs and output.
///
/// The series index is a separate, last migration so that a writer can create it once after the
/// bulk load (one sort) instead of maintaining it row by row.
public enum RunSchema {
    /// Identifier of the migration creating `runs`, `series` and `events`.
    public static let tablesMigration = "v1.tables"
    /// Identifier of the migration creating `panel`.
    public static let panelMigration = "v1.panel"
    /// Identifier of the migration creating the series index.
    public static let seriesIndexMigration = "v1.series-index"
    /// Name of the series index.
    public static let seriesIndex = "series_by_metric"

    /// The migrator for a run database; `panel` adds the panel table.
    public static func migrator(panel: Bool) -> DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration(tablesMigration) { db in
            try db.execute(sql: """
                CREATE TABLE runs (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    scenario TEXT NOT NULL,
                    seed INTEGER NOT NULL,
                    firms INTEGER NOT NULL,
                    periods INTEGER NOT NULL,
                    status TEXT NOT NULL CHECK (status IN ('running', 'finished')),
                    started TEXT NOT NULL,
                    finished TEXT,
                    version TEXT NOT NULL,
                    parameters TEXT NOT NULL
                );
                CREATE TABLE series (
                    run_id INTEGER NOT NULL REFERENCES runs(id),
                    period INTEGER NOT NULL,
                    unit TEXT NOT NULL,
                    metric TEXT NOT NULL,
                    value REAL
                );
                CREATE TABLE events (
                    run_id INTEGER NOT NULL REFERENCES runs(id),
                    period INTEGER NOT NULL,
                    kind TEXT NOT NULL,
                    detail TEXT NOT NULL
                );
                """)
        }
        if panel {
            migrator.registerMigration(panelMigration) { db in
                let costs = PanelRow.componentNames.map { "cost_\($0) REAL" }.joined(separator: ", ")
                try db.execute(sql: """
                    CREATE TABLE panel (
                        run_id INTEGER NOT NULL REFERENCES runs(id),
                        id INTEGER NOT NULL,
                        period INTEGER NOT NULL,
                        cluster INTEGER NOT NULL,
                        role TEXT NOT NULL,
                        channels TEXT NOT NULL,
                        output REAL,
                        average_cost REAL,
                        \(costs),
                        industry INTEGER,
                        stage INTEGER,
                        reachable_output REAL,
                        cluster_output REAL
                    )
                    """)
            }
        }
        migrator.registerMigration(seriesIndexMigration) { db in
            try db.execute(sql: "CREATE INDEX \(seriesIndex) ON series (run_id, metric, unit, period)")
        }
        return migrator
    }

    /// The last migration to apply before bulk loading (everything except the series index).
    static func loadingTarget(panel: Bool) -> String {
        panel ? panelMigration : tablesMigration
    }
}

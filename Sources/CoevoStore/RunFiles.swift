import Foundation

/// Names of the files a run directory holds (INTERFACE.md, "Output of coevo run --out DIR"), and
/// of the temporaries they are built under.
public enum RunFiles {
    /// The SQLite results database.
    public static let database = "run.sqlite"
    /// Period series of the `all` unit as CSV.
    public static let series = "series.csv"
    /// The run summary; written last, so its presence marks a complete run directory.
    public static let summary = "summary.json"

    /// Hidden temporary name a file is built under before it is renamed into place.
    public static func partial(_ name: String) -> String { ".\(name).partial" }

    /// Hidden directory inside the output directory where every output of a run is staged under
    /// its final name until the run is published (``RunWriter``).
    public static let staging = ".coevo-staging"

    /// Every file a published run may hold, in the order an earlier run's files are removed
    /// (summary first, so an incomplete mix never looks complete).
    public static let outputs = [summary, "report.html", "sizes.csv", series, database]

    /// SQLite side files that may accompany a database file (WAL, shared memory, rollback journal).
    static func sideFiles(of database: URL) -> [URL] {
        ["-wal", "-shm", "-journal"].map { URL(fileURLWithPath: database.path + $0) }
    }

    /// `true` when `directory` holds a complete run: all three files are in place.
    public static func isComplete(_ directory: URL) -> Bool {
        [summary, series, database].allSatisfy {
            FileManager.default.fileExists(atPath: directory.appendingPathComponent($0).path)
        }
    }
}

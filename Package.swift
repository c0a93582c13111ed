// swift-tools-version: 6.1
import PackageDescription

// Dependency arrows point inward: the model and the measurement library use no I/O library.
//   coevo (CLI) → CoevoExperiments → CoevoStore → CoevoModel → CoevoMeasure; CoevoReport and
//   CoevoEmpirics (real data) stand beside them.
let package = Package(
    name: "Coevo",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "coevo", targets: ["coevo"]),
        .library(name: "CoevoModel", targets: ["CoevoModel"]),
        .library(name: "CoevoMeasure", targets: ["CoevoMeasure"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
    ],
    targets: [
        // Pure numerics shared by simulated and real data: entropy weights, coupling coordination,
        // synergy, Lotka–Volterra, Haken, stage classification.
        .target(name: "CoevoMeasure", dependencies: ["CVectorMath"]),
        // exp and log over arrays through glibc's SIMD vector math library (libmvec), opened at run
        // time; libm's scalar loop where it is absent.
        .target(name: "CVectorMath", linkerSettings: [.linkedLibrary("dl", .when(platforms: [.linux]))]),
        // Crash-safe file replacement (temporary, fsync, rename), shared by Store, Report and
        // Empirics; no dependencies.
        .target(name: "CoevoFiles"),
        // The agent-based model: parameters, state (structure-of-arrays), one file per mechanism, schedule.
        .target(name: "CoevoModel", dependencies: ["CoevoMeasure"]),
        // `coevo measure` on real data: CSV and YAML spec in, result files out.
        .target(name: "CoevoEmpirics", dependencies: ["CoevoMeasure", "CoevoFiles", "Yams"]),
        // Scenarios (built-in and YAML), replications, sweeps.
        .target(name: "CoevoExperiments", dependencies: ["CoevoModel", "CoevoMeasure", "CoevoStore", "CoevoFiles", "Yams"]),
        // Results: SQLite (GRDB), CSV, summary JSON, atomic writes.
        .target(name: "CoevoStore", dependencies: ["CoevoModel", "CoevoFiles", .product(name: "GRDB", package: "GRDB.swift")]),
        // Charts (inline SVG) and self-contained HTML reports.
        .target(name: "CoevoReport", dependencies: ["CoevoFiles"]),
        // `coevo serve`: the web page (Hummingbird 2): scenarios, parameter form, queued runs with live
        // progress, charts, two runs side by side.
        .target(name: "CoevoServer", dependencies: [
            "CoevoExperiments", "CoevoStore", "CoevoReport", "CoevoModel", "CoevoFiles",
            .product(name: "Hummingbird", package: "hummingbird"),
        ]),
        .executableTarget(
            name: "coevo",
            dependencies: [
                "CoevoModel", "CoevoMeasure", "CoevoEmpirics", "CoevoExperiments", "CoevoStore", "CoevoReport", "CoevoServer",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Mutation fuzzer for the parsers of untrusted input (scripts/fuzz).
        .executableTarget(name: "coevo-fuzz", dependencies: ["CoevoExperiments", "CoevoEmpirics", "CoevoServer", "CoevoModel"]),
        // The same targets under libFuzzer (coverage-guided); Sources/coevo-libfuzz/Targets.swift is a
        // symbolic link to Sources/coevo-fuzz/Targets.swift. Only useful when built with
        // `-Xswiftc -sanitize=fuzzer -Xswiftc -DCOEVO_LIBFUZZER` (`COEVO_FUZZ_ENGINE=libfuzzer
        // scripts/fuzz`); a plain build gives a stub that says so.
        .executableTarget(
            name: "coevo-libfuzz",
            dependencies: ["CoevoExperiments", "CoevoEmpirics", "CoevoServer", "CoevoModel"],
            swiftSettings: [.enableExperimentalFeature("Extern")]
        ),
        // Synchronous benchmark binary for profilers.
        .executableTarget(name: "coevo-bench", dependencies: ["CoevoExperiments"]),
        .testTarget(name: "CoevoModelTests", dependencies: ["CoevoModel", "CoevoExperiments", "CoevoMeasure", "CoevoStore"]),
        .testTarget(name: "CoevoExperimentsTests", dependencies: ["CoevoExperiments", "CoevoModel", "CoevoStore", "CoevoMeasure"]),
        .testTarget(name: "CoevoMeasureTests", dependencies: ["CoevoMeasure", "CoevoEmpirics"]),
        .testTarget(name: "CoevoStoreTests", dependencies: ["CoevoStore", "CoevoModel", "CoevoFiles"]),
        .testTarget(name: "CoevoReportTests", dependencies: ["CoevoReport"]),
        .testTarget(name: "CoevoServerTests", dependencies: [
            "CoevoServer", "CoevoExperiments", "CoevoModel", "CoevoStore", "CoevoReport",
            .product(name: "Hummingbird", package: "hummingbird"),
            .product(name: "HummingbirdTesting", package: "hummingbird"),
        ]),
    ]
)

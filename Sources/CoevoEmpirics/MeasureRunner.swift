/// `coevo measure DATA.csv --spec SPEC.yaml --out DIR` as a library call: read and validate,
/// analyse, then write every output file atomically. On bad input it throws a
/// `MeasureInputError` before anything is written.
public enum MeasureRunner {
    @discardableResult
    public static func run(dataPath: String, specPath: String, outDir: String) throws -> MeasureResult {
        // The output directory is checked first, so a bad --out costs no analysis.
        if let problem = AtomicFiles.problem(directory: outDir, names: []) { throw MeasureInputError(problem) }
        let spec = try MeasureSpec.load(path: specPath)
        let table = try CSVTable(contentsOf: dataPath)
        let data = try MeasureData.read(table, spec: spec)
        let result = try MeasureAnalysis.run(data, spec: spec)
        try AtomicFiles.write(MeasureOutput.files(result, spec: spec, dataFile: dataPath), to: outDir)
        return result
    }
}

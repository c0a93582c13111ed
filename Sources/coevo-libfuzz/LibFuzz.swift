// `coevo-libfuzz`: the coverage-guided libFuzzer driver for the fuzz targets of `coevo-fuzz`
// (scenario, measure, form, sweep — Targets.swift here is a symbolic link to
// Sources/coevo-fuzz/Targets.swift, so both drivers run the very same target code).
//
// Built only with the fuzzer sanitizer (scripts/fuzz does this when COEVO_FUZZ_ENGINE=libfuzzer):
//   swift build -c release -j 1 --scratch-path .build-fuzz --product coevo-libfuzz \
//     -Xswiftc -sanitize=fuzzer -Xswiftc -DCOEVO_LIBFUZZER
// Run: COEVO_FUZZ_TARGET=scenario SWIFT_BACKTRACE=enable=no \
//   .build-fuzz/release/coevo-libfuzz WORK_CORPUS SEED_CORPUS -max_total_time=60 -timeout=2 -rss_limit_mb=1024
// (every argument is libFuzzer's; SWIFT_BACKTRACE=enable=no leaves the crash signals to libFuzzer,
// which then saves the input as crash-<sha1>; rerun one input with the backtracer on for a Swift
// stack: COEVO_FUZZ_TARGET=scenario .build-fuzz/release/coevo-libfuzz crash-<sha1>).
// COEVO_FUZZ_WRITE_DICT=FILE writes the shared mutation dictionary in libFuzzer's `-dict` format
// to FILE and exits.
//
// Why a `@main` that calls LLVMFuzzerRunDriver rather than libFuzzer's own `main`: SwiftPM links
// an executable with `--defsym main=<module>_main` (so that tests can link executables), which
// overrides libFuzzer's `main` and needs a Swift entry point. Without -DCOEVO_LIBFUZZER (a plain
// `swift build`) this target builds a stub that says how to build it.

import Foundation

#if COEVO_LIBFUZZER

@_extern(c, "LLVMFuzzerRunDriver")
func LLVMFuzzerRunDriver(
    _ argc: UnsafeMutablePointer<CInt>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>,
    _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt
) -> CInt

/// The target named by COEVO_FUZZ_TARGET (checked in main before libFuzzer starts).
let selectedTarget: Target = targets[ProcessInfo.processInfo.environment["COEVO_FUZZ_TARGET"] ?? ""] ?? { @Sendable _ in false }

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOne(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let input: [UInt8] = if let data, size > 0 { Array(UnsafeBufferPointer(start: data, count: size)) } else { [] }
    _ = selectedTarget(input)
    return 0
}

/// libFuzzer's dictionary format: one quoted token a line, bytes outside printable ASCII as \xNN.
func libFuzzerDictionary() -> String {
    dictionary.map { token in
        "\"" + token.utf8.map { byte -> String in
            switch byte {
            case UInt8(ascii: "\\"): return "\\\\"
            case UInt8(ascii: "\""): return "\\\""
            case 0x20..<0x7F: return String(UnicodeScalar(byte))
            default: return "\\x" + String(format: "%02X", byte)
            }
        }.joined() + "\""
    }.joined(separator: "\n") + "\n"
}

@main
struct CoevoLibFuzz {
    static func main() {
        let environment = ProcessInfo.processInfo.environment
        if let path = environment["COEVO_FUZZ_WRITE_DICT"] {
            FileManager.default.createFile(atPath: path, contents: Data(libFuzzerDictionary().utf8))
            exit(0)
        }
        guard let name = environment["COEVO_FUZZ_TARGET"], targets[name] != nil else {
            FileHandle.standardError.write(Data("coevo-libfuzz: set COEVO_FUZZ_TARGET to one of \(targets.keys.sorted().joined(separator: ", "))\n".utf8))
            exit(2)
        }
        var argc = CommandLine.argc
        var argv = CommandLine.unsafeArgv
        exit(LLVMFuzzerRunDriver(&argc, &argv, fuzzOne))
    }
}

#else

@main
struct CoevoLibFuzz {
    static func main() {
        FileHandle.standardError.write(Data("""
            coevo-libfuzz was built without libFuzzer. Build it with
              swift build -c release --scratch-path .build-fuzz --product coevo-libfuzz -Xswiftc -sanitize=fuzzer -Xswiftc -DCOEVO_LIBFUZZER
            or run COEVO_FUZZ_ENGINE=libfuzzer scripts/fuzz.

            """.utf8))
        exit(2)
    }
}

#endif

// `coevo-fuzz TARGET SECONDS CORPUS_DIR [--seed N]`: a plain mutation fuzzer (no coverage
// feedback) for the parsers that read untrusted input. It mutates the seed corpus (bit flips,
// byte edits, chunk copies, splices, dictionary tokens), runs each input in-process, and fails:
// - on a crash (a signal handler saves the input as `crash-<target>` in the current directory;
//   the process then dies with the signal, so `scripts/fuzz` sees it),
// - on a hang: one input running longer than 2 s (saved as `hang-<target>`, exit 3),
// - on memory: resident size over 1 GB (saved as `oom-<target>`, exit 4).
// On success it prints `TARGET: N executions in S s, 0 crashes, 0 hangs, peak RSS M MB, K inputs
// rejected as bad input, J accepted`.
//
// Targets (Targets.swift, shared with the libFuzzer driver coevo-libfuzz): scenario, measure,
// form, sweep.

import Foundation
#if canImport(Glibc)
import Glibc
#endif

// The targets and the dictionary are in Targets.swift (shared with coevo-libfuzz).

// MARK: mutation

struct Rng {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
    mutating func below(_ n: Int) -> Int { n <= 1 ? 0 : Int(next() % UInt64(n)) }
}

func mutate(_ input: [UInt8], corpus: [[UInt8]], rng: inout Rng, maxSize: Int) -> [UInt8] {
    var x = input
    for _ in 0...rng.below(4) {
        switch rng.below(8) {
        case 0 where !x.isEmpty: x[rng.below(x.count)] ^= UInt8(1 << rng.below(8))
        case 1 where !x.isEmpty: x[rng.below(x.count)] = UInt8(truncatingIfNeeded: rng.next())
        case 2 where !x.isEmpty: x.remove(at: rng.below(x.count))
        case 3: x.insert(UInt8(truncatingIfNeeded: rng.next()), at: rng.below(x.count + 1))
        case 4 where !x.isEmpty:
            let a = rng.below(x.count), n = min(x.count - a, 1 + rng.below(32))
            x.insert(contentsOf: x[a..<(a + n)], at: rng.below(x.count + 1))
        case 5 where !x.isEmpty:
            let a = rng.below(x.count), n = min(x.count - a, 1 + rng.below(32))
            x.removeSubrange(a..<(a + n))
        case 6:
            x.insert(contentsOf: Array(dictionary[rng.below(dictionary.count)].utf8), at: rng.below(x.count + 1))
        default:
            let other = corpus[rng.below(corpus.count)]
            if !other.isEmpty {
                let a = rng.below(other.count), n = min(other.count - a, 1 + rng.below(64))
                x.insert(contentsOf: other[a..<(a + n)], at: rng.below(x.count + 1))
            }
        }
    }
    return x.count > maxSize ? Array(x.prefix(maxSize)) : x
}

// MARK: watchdog and crash capture

nonisolated(unsafe) var currentInput: UnsafeMutablePointer<UInt8> = .allocate(capacity: 1 << 20)
nonisolated(unsafe) var currentCount = 0
nonisolated(unsafe) var currentStart = 0.0       // monotonic seconds; 0 between inputs
nonisolated(unsafe) var crashPath: UnsafeMutablePointer<CChar> = strdup("crash")!

func now() -> Double {
    var t = timespec()
    clock_gettime(CLOCK_MONOTONIC, &t)
    return Double(t.tv_sec) + Double(t.tv_nsec) / 1e9
}

func save(_ name: String) {
    let data = Data(bytes: currentInput, count: currentCount)
    FileManager.default.createFile(atPath: name, contents: data)
}

func residentBytes() -> Int {
    guard let text = try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8) else { return 0 }
    let fields = text.split(separator: " ")
    return fields.count > 1 ? (Int(fields[1]) ?? 0) * Int(sysconf(Int32(_SC_PAGESIZE))) : 0
}

// MARK: main

let args = CommandLine.arguments
guard args.count >= 4, let target = targets[args[1]], let seconds = Double(args[2]) else {
    FileHandle.standardError.write(Data("usage: coevo-fuzz \(targets.keys.sorted().joined(separator: "|")) SECONDS CORPUS_DIR [--seed N]\n".utf8))
    exit(2)
}
let name = args[1]
var seed: UInt64 = 1
if let i = args.firstIndex(of: "--seed"), i + 1 < args.count, let s = UInt64(args[i + 1]) { seed = s }
let corpusDir = URL(fileURLWithPath: args[3])
var corpus: [[UInt8]] = ((try? FileManager.default.contentsOfDirectory(atPath: corpusDir.path)) ?? []).sorted().compactMap {
    FileManager.default.contents(atPath: corpusDir.appendingPathComponent($0).path).map { Array($0) }
}
if corpus.isEmpty { corpus = [[]] }
crashPath = strdup("crash-\(name)")!

for sig in [SIGSEGV, SIGILL, SIGTRAP, SIGABRT, SIGBUS, SIGFPE] {
    signal(sig) { number in
        let fd = open(crashPath, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        if fd >= 0 { _ = write(fd, currentInput, currentCount); close(fd) }
        signal(number, SIG_DFL)
        raise(number)
    }
}

let limitSeconds = 2.0
let limitBytes = 1 << 30
nonisolated(unsafe) var peak = 0
let watchdog = Thread {
    while true {
        Thread.sleep(forTimeInterval: 0.1)
        let start = currentStart
        if start > 0, now() - start > limitSeconds {
            save("hang-\(name)")
            FileHandle.standardError.write(Data("\(name): HANG: an input ran over \(limitSeconds) s (saved as hang-\(name))\n".utf8))
            exit(3)
        }
        let rss = residentBytes()
        peak = max(peak, rss)
        if rss > limitBytes {
            save("oom-\(name)")
            FileHandle.standardError.write(Data("\(name): MEMORY: resident size \(rss >> 20) MB over 1024 MB (saved as oom-\(name))\n".utf8))
            exit(4)
        }
    }
}
watchdog.start()

var rng = Rng(state: seed)
let maxSize = 64 * 1024
let begin = now()
var executions = 0, accepted = 0
// Every seed once, then mutations.
var queue = corpus
while now() - begin < seconds {
    let input = queue.popLast() ?? mutate(corpus[rng.below(corpus.count)], corpus: corpus, rng: &rng, maxSize: maxSize)
    currentCount = input.count
    input.withUnsafeBufferPointer { currentInput.update(from: $0.baseAddress!, count: input.count) }
    currentStart = now()
    if target(input) { accepted += 1 }
    currentStart = 0
    executions += 1
}
let elapsed = now() - begin
peak = max(peak, residentBytes())
print("\(name): \(executions) executions in \(String(format: "%.1f", elapsed)) s, 0 crashes, 0 hangs, peak RSS \(peak >> 20) MB, \(executions - accepted) inputs rejected as bad input, \(accepted) accepted")

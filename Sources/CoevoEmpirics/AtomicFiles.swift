import Foundation

/// Writes a set of files into a directory so that each appears complete or not at all: every
/// file goes to a hidden temporary name in the same directory and is renamed when written.
/// The directory is created if needed. All contents are prepared before the first write, so
/// an input error leaves nothing behind.
public enum AtomicFiles {
    public static func write(_ files: [(name: String, contents: String)], to directory: String) throws {
        let fm = FileManager.default
        do {
            try fm.createDirectory(atPath: directory, withIntermediateDirectories: true)
        } catch {
            throw MeasureInputError("\(directory): expected a writable output directory, found: \(error.localizedDescription)")
        }
        let pid = ProcessInfo.processInfo.processIdentifier
        for f in files {
            let final = (directory as NSString).appendingPathComponent(f.name)
            let tmp = (directory as NSString).appendingPathComponent(".\(f.name).tmp-\(pid)")
            guard fm.createFile(atPath: tmp, contents: Data(f.contents.utf8)) else {
                throw MeasureInputError("\(tmp): expected to write an output file, found the path not writable")
            }
            if rename(tmp, final) != 0 {
                let e = String(cString: strerror(errno))
                try? fm.removeItem(atPath: tmp)
                throw MeasureInputError("\(final): expected to rename the finished file into place, found: \(e)")
            }
        }
    }
}

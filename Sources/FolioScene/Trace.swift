import Foundation

/// Phase timestamps on stderr when `FOLIO_TRACE` is set: milliseconds since the process started,
/// resident memory, the thread, and what just finished. Costs one branch when off.
public enum Trace {
    /// Whether tracing is on (`FOLIO_TRACE` set in the environment).
    public static let enabled = ProcessInfo.processInfo.environment["FOLIO_TRACE"] != nil
    private static let lock = NSLock()

    /// Prints `label` with the time since process start, when tracing is on.
    public static func mark(_ label: @autoclosure () -> String) {
        guard enabled else { return }
        var now = timespec()
        clock_gettime(CLOCK_BOOTTIME, &now)
        let ms = Double(now.tv_sec) * 1000 + Double(now.tv_nsec) / 1e6 - processStartMs
        let thread = Thread.isMainThread ? "main" : "t" + String(UInt(pthread_self()) % 10007)
        let line = String(format: "[%7.1f ms %5.1f MiB] ", ms, residentMiB()) + thread + " " + label() + "\n"
        lock.lock(); FileHandle.standardError.write(Data(line.utf8)); lock.unlock()
    }

    /// Resident memory now (`/proc/self/statm`, second field, in pages).
    private static func residentMiB() -> Double {
        guard let statm = try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8) else { return 0 }
        let fields = statm.split(separator: " ")
        guard fields.count > 1, let pages = Double(fields[1]) else { return 0 }
        return pages * Double(sysconf(Int32(_SC_PAGESIZE))) / 1_048_576
    }

    /// The process start time on CLOCK_BOOTTIME, from /proc/self/stat (field 22, in clock ticks).
    private static let processStartMs: Double = {
        guard let stat = try? String(contentsOfFile: "/proc/self/stat", encoding: .utf8),
              let close = stat.lastIndex(of: ")") else { return 0 }
        let fields = stat[stat.index(after: close)...].split(separator: " ")
        guard fields.count > 19, let ticks = Double(fields[19]) else { return 0 }
        return ticks * 1000 / Double(sysconf(Int32(_SC_CLK_TCK)))
    }()
}

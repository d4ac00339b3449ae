import Foundation

/// What identifies the code that produced an output: Folio's version and a hash of the running
/// executable, so that a rebuilt `folio` (new analysis code, new chart engine) invalidates
/// every output even when no input changed.
public enum BuildIdentity {
    /// Folio's release version.
    public static let folioVersion = "0.1.0"

    /// Identifies the running executable by path, size, modification time and inode: any rebuild
    /// changes it. Cheaper than hashing a 25 MB binary on every run (which cost ~20 ms), and
    /// enough for a stamp that never leaves this machine (`.folio-build.json` is git-ignored).
    static let executableHash: String = {
        let path = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
        var info = stat()
        guard stat(path, &info) == 0 else { return "unknown" }
        return "\(path):\(info.st_size):\(info.st_mtim.tv_sec).\(info.st_mtim.tv_nsec):\(info.st_ino)"
    }()
}

import Foundation

/// What identifies the code that produced an output: Folio's version and a hash of the running
/// executable, so that a rebuilt `folio` (new analysis code, new chart engine) invalidates
/// every output even when no input changed.
public enum BuildIdentity {
    /// Folio's release version.
    public static let folioVersion = "0.1.0"

    /// SHA-256 of the running executable (computed once per process).
    static let executableHash: String = {
        let path = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
        return ContentHash.ofFile(path) ?? "unknown"
    }()
}

import Foundation
import FolioAnalysis

/// Loads compiled notebook libraries into this process and returns the analyses they register.
/// A library is loaded once per process; its types live as long as the process.
public enum NotebookLoader {
    private static let lock = NSLock()
    nonisolated(unsafe) private static var loaded: [String: [any Analysis.Type]] = [:]

    /// The analyses the library at `path` registers.
    public static func analyses(in path: String) throws -> [any Analysis.Type] {
        lock.lock()
        defer { lock.unlock() }
        if let known = loaded[path] { return known }
        guard let handle = dlopen(path, RTLD_NOW | RTLD_LOCAL) else {
            let reason = dlerror().map { String(cString: $0) } ?? "unknown reason"
            throw FolioError.internal("error: cannot load the compiled notebook \(path): \(reason)")
        }
        guard let symbol = dlsym(handle, NotebookCodeGenerator.entryPoint) else {
            throw FolioError.internal("error: the compiled notebook \(path) has no \(NotebookCodeGenerator.entryPoint)")
        }
        typealias Entry = @convention(c) (UnsafeMutableRawPointer) -> Void
        let registry = NotebookRegistry()
        withExtendedLifetime(registry) {
            unsafeBitCast(symbol, to: Entry.self)(Unmanaged.passUnretained(registry).toOpaque())
        }
        loaded[path] = registry.analyses
        return registry.analyses
    }
}

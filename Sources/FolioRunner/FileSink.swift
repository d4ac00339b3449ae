import Foundation

/// Where `OutputWriter` puts bytes: the disk in real runs, a failing double in tests (a full disk,
/// a revoked permission), so every failure path of a write can be exercised.
public protocol FileSink: Sendable {
    /// Creates or truncates the file at `path`, writes `bytes` and makes them durable.
    func write(_ bytes: [UInt8], to path: String) throws(FileSinkError)
}

/// Why a sink could not write a file: the path and the system's reason (`errno`).
public struct FileSinkError: Error, CustomStringConvertible, Sendable {
    public var path: String
    public var code: Int32
    public init(path: String, code: Int32) { self.path = path; self.code = code }
    public var reason: String { String(cString: strerror(code)) }
    public var description: String { "\(path): \(reason)" }
}

/// Writes with `open`/`write`/`fsync`, so a renamed file's bytes are on disk before its name is.
public struct DiskSink: FileSink {
    /// Whether to `fsync` each file (cheap for a briefing's twenty files; off only for benchmarks).
    public var durable: Bool
    public init(durable: Bool = true) { self.durable = durable }

    public func write(_ bytes: [UInt8], to path: String) throws(FileSinkError) {
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw FileSinkError(path: path, code: errno) }
        defer { close(fd) }
        var offset = 0
        while offset < bytes.count {
            let n = bytes.withUnsafeBytes { buffer in
                Foundation.write(fd, buffer.baseAddress! + offset, buffer.count - offset)
            }
            if n < 0 {
                if errno == EINTR { continue }
                throw FileSinkError(path: path, code: errno)
            }
            offset += n
        }
        if durable, fsync(fd) != 0 { throw FileSinkError(path: path, code: errno) }
    }
}

/// `fsync` on a folder, so the names renamed into it are durable; failures are ignored (some file
/// systems refuse it and the data itself is already synced).
func syncDirectory(_ path: String) {
    let fd = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
    guard fd >= 0 else { return }
    _ = fsync(fd)
    close(fd)
}

/// Linux's `renameat2(…, RENAME_EXCHANGE)`: swaps two existing paths atomically. Looked up at run
/// time (Glibc's Swift overlay does not export it); nil when the C library lacks it.
enum AtomicExchange {
    private typealias Renameat2 = @convention(c) (Int32, UnsafePointer<CChar>, Int32, UnsafePointer<CChar>, UInt32) -> Int32
    private static let function: Renameat2? = {
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "renameat2") else { return nil }
        return unsafeBitCast(symbol, to: Renameat2.self)
    }()
    private static let renameExchange: UInt32 = 2
    private static let atCurrentDirectory: Int32 = -100

    /// Swaps `a` and `b`; returns 0 or an `errno` (ENOSYS when unsupported).
    static func exchange(_ a: String, _ b: String) -> Int32 {
        guard let function else { return ENOSYS }
        return function(atCurrentDirectory, a, atCurrentDirectory, b, renameExchange) == 0 ? 0 : errno
    }
}

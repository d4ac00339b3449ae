import Foundation

/// An exclusive lock on an output folder (`flock` on `<output>/.folio.lock`), held for a whole
/// `folio run` so two runs on one folder never interleave: the second waits, or refuses with
/// `--no-wait`. The lock file is empty and stays; the lock itself ends with the process, even
/// when it is killed, so a crashed run never leaves the folder locked.
public final class OutputLock: @unchecked Sendable {
    /// The lock file's name inside the output folder.
    public static let fileName = ".folio.lock"
    private let descriptor: Int32
    public let path: String

    private init(descriptor: Int32, path: String) { self.descriptor = descriptor; self.path = path }
    deinit { close(descriptor) }

    /// Takes the lock on `outputRoot` (created if absent). When another run holds it: with `wait`,
    /// calls `waiting` with a message and blocks until it is free; without, throws `FolioError.busy`.
    /// - Parameter name: the lock file; `fileName` for whole runs, another name for short
    ///   critical sections such as the manifest update that batch children share.
    public static func acquire(outputRoot: String, wait: Bool, name: String = fileName,
                               waiting: (String) -> Void = { _ in }) throws -> OutputLock {
        try OutputWriter.makeFolder(outputRoot)
        let path = outputRoot + "/" + name
        let fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard fd >= 0 else {
            throw FolioError.input("cannot write to the output folder \(outputRoot): cannot create \(path): \(String(cString: strerror(errno)))")
        }
        if flock(fd, LOCK_EX | LOCK_NB) == 0 { return OutputLock(descriptor: fd, path: path) }
        guard errno == EWOULDBLOCK else {
            let reason = String(cString: strerror(errno))
            close(fd)
            throw FolioError.input("cannot lock \(path): \(reason)")
        }
        guard wait else {
            close(fd)
            throw FolioError.busy("another folio run is writing to \(outputRoot); not waiting (--no-wait). Try again when it ends.")
        }
        waiting("waiting for another folio run on \(outputRoot)…")
        while flock(fd, LOCK_EX) != 0 {
            if errno == EINTR { continue }
            let reason = String(cString: strerror(errno))
            close(fd)
            throw FolioError.input("cannot lock \(path): \(reason)")
        }
        return OutputLock(descriptor: fd, path: path)
    }
}

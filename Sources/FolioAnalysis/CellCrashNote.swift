import Foundation

/// What to print if a notebook cell crashes the process: Swift stops a program on a failed
/// runtime check (a `!` on nil, an index out of range, an overflow) with a signal that no `catch`
/// sees. While a cell runs, this holds a located line naming it; a signal handler writes that
/// line to stderr and exits with status 1, so the user reads where, not a bare "Illegal
/// instruction". Outputs are untouched: nothing is written until every step has finished.
public enum CellCrashNote {
    private static let capacity = 1024
    nonisolated(unsafe) private static let buffer = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity)
    nonisolated(unsafe) private static var length = 0
    private static let installed: Bool = {
        _ = buffer; length = 0
        for signal in [SIGILL, SIGTRAP, SIGSEGV, SIGBUS, SIGFPE] {
            var action = sigaction()
            action.__sigaction_handler.sa_handler = { signal in
                let count = CellCrashNote.length
                if count > 0 {
                    _ = write(2, CellCrashNote.buffer, count)
                    _exit(1)
                }
                // Not in a cell: Folio's own bug; die as the signal would have.
                Glibc.signal(signal, SIG_DFL)
                raise(signal)
            }
            sigemptyset(&action.sa_mask)
            sigaction(signal, &action, nil)
        }
        return true
    }()

    /// Names the cell now running (a line ending in a newline), or clears the note with "".
    public static func set(_ text: String) {
        _ = installed
        length = 0
        let bytes = Array(text.utf8.prefix(capacity))
        bytes.withUnsafeBufferPointer { buffer.update(from: $0.baseAddress!, count: bytes.count) }
        length = bytes.count
    }
}

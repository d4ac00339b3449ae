import Foundation

/// Progress on stderr: on a terminal one live line rewritten in place; elsewhere (CI, pipes)
/// plain lines; nothing with `--quiet`.
final class ProgressReporter: @unchecked Sendable {
    private let quiet: Bool
    private let live: Bool
    private var lineOpen = false
    private let lock = NSLock()

    init(quiet: Bool) {
        self.quiet = quiet
        live = isatty(2) == 1 && ProcessInfo.processInfo.environment["CI"] == nil
    }

    /// Shows a step in progress.
    func step(_ message: String) {
        guard !quiet else { return }
        lock.lock(); defer { lock.unlock() }
        if live {
            write("\r\u{1B}[K" + message)
            lineOpen = true
        } else {
            write(message + "\n")
        }
    }

    /// Ends the live line (if any) and prints a lasting message on stdout.
    func finish(_ message: String) {
        lock.lock(); defer { lock.unlock() }
        if lineOpen { write("\r\u{1B}[K"); lineOpen = false }
        if !quiet { print(message) }
    }

    private func write(_ text: String) { FileHandle.standardError.write(Data(text.utf8)) }
}

import Foundation

/// How a child process ended.
public struct ProcessOutcome {
    public var status: Int32
    public var signalled: Bool
    public var timedOut: Bool
    public var out: String
    public var err: String
}

/// Runs `executable` with a deadline; a run past it is killed and reported as timed out (a hang).
public func runWithDeadline(_ executable: String, _ arguments: [String], in directory: String, seconds: Double = 60) throws -> ProcessOutcome {
    let p = Process()
    p.executableURL = URL(fileURLWithPath: executable)
    p.arguments = arguments
    p.currentDirectoryURL = URL(fileURLWithPath: directory)
    let out = Pipe(), err = Pipe()
    p.standardOutput = out; p.standardError = err
    try p.run()
    let pid = p.processIdentifier
    let timer = DispatchWorkItem { kill(pid, SIGKILL) }
    DispatchQueue.global().asyncAfter(deadline: .now() + seconds, execute: timer)
    // Both pipes are drained at once: a child that fills one while the other is read would hang.
    nonisolated(unsafe) var e = Data()
    let drained = DispatchSemaphore(value: 0)
    DispatchQueue.global().async { e = err.fileHandleForReading.readDataToEndOfFile(); drained.signal() }
    let o = out.fileHandleForReading.readDataToEndOfFile()
    drained.wait()
    p.waitUntilExit()
    let timedOut = timer.isCancelled == false && p.terminationReason == .uncaughtSignal && p.terminationStatus == SIGKILL
    timer.cancel()
    return ProcessOutcome(status: p.terminationStatus, signalled: p.terminationReason == .uncaughtSignal,
                          timedOut: timedOut, out: String(decoding: o, as: UTF8.self), err: String(decoding: e, as: UTF8.self))
}

extension TestProject {
    /// The output files under `folder`, leaving out the lock file (not output: it holds no data
    /// and stays so the lock works) — what a reader of Output/ sees.
    public static func outputSnapshot(_ folder: String) -> [String: Data] {
        snapshot(folder).filter { ![".folio.lock", ".folio-manifest.lock"].contains($0.key) }
    }

    /// The bookkeeping files beside the briefings (manifest and build stamp).
    public static let bookkeeping: Set<String> = ["manifest.json", ".folio-build.json"]

    /// Staging folders left under `folder`.
    public static func stagingLeftovers(_ folder: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).filter { $0.hasPrefix(".folio-staging") }
    }

    /// Copies the committed Output/ of the repository into `folder`, as a previous run's output;
    /// with `analysis`, only that analysis's briefings and the bookkeeping beside them.
    public static func seedOutput(_ folder: String, analysis: String? = nil) throws {
        let fm = FileManager.default, from = repositoryRoot + "/Output"
        guard let analysis else { return try fm.copyItem(atPath: from, toPath: folder) }
        try fm.createDirectory(atPath: folder, withIntermediateDirectories: true)
        for name in bookkeeping.sorted() + [analysis] where fm.fileExists(atPath: from + "/" + name) {
            try fm.copyItem(atPath: from + "/" + name, toPath: folder + "/" + name)
        }
    }
}


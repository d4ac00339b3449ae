import Foundation
import Testing
import TestSupport

/// A throwaway copy of the project's `Analyses/` (with a stub Package.swift) in a scratch
/// folder (`scratchRoot`), so tests can edit narratives and data without touching the real project.
public struct TestProject {
    public let root: String

    /// The real project folder, found from this file's path.
    public static let repositoryRoot = Repository.root

    /// Test projects share the real project's notebook cache (the `folio` they run inherits
    /// this), so an unchanged notebook compiles once for the whole suite, not once a project.
    public static let sharedNotebookCache: Void = {
        setenv("FOLIO_NOTEBOOK_CACHE", repositoryRoot + "/.build/folio-notebooks", 1)
    }()

    /// Where throwaway projects go: `$FOLIO_TEST_SCRATCH` when set; else `/dev/shm` when it is
    /// writable with at least 1 GiB free (the suite holds about 10 MB at a time); else the
    /// temporary folder.
    ///
    /// Why: the tests create and delete some 10,000 files, and on this machine's ext4 (no
    /// journal) each creation scans recently deleted inodes. The suite spent 9–12 CPU-seconds in
    /// the kernel and 22–25 s wall on disk, 4.5 and 18.5–19 s on tmpfs (`swift test --skip-build`,
    /// three runs each, 2 cores). What the tests check does not depend on the file system: files
    /// are written, renamed and compared the same way. The one test that needs a disk's
    /// `chattr +i` makes its project in the temporary folder (`init(in:)`).
    public static let scratchRoot: String = {
        if let chosen = ProcessInfo.processInfo.environment["FOLIO_TEST_SCRATCH"], !chosen.isEmpty { return chosen }
        var stats = statvfs()
        let shm = "/dev/shm"
        if access(shm, W_OK) == 0, statvfs(shm, &stats) == 0,
           UInt64(stats.f_bavail) * UInt64(stats.f_frsize) >= 1 << 30 {
            return shm
        }
        return FileManager.default.temporaryDirectory.path
    }()

    /// A new project under `base` (by default `scratchRoot`).
    public init(in base: String = TestProject.scratchRoot) throws {
        _ = Self.sharedNotebookCache
        let fm = FileManager.default
        root = base + "/folio-e2e-\(UUID().uuidString)"
        try fm.createDirectory(atPath: root, withIntermediateDirectories: true)
        try fm.copyItem(atPath: Self.repositoryRoot + "/Analyses", toPath: root + "/Analyses")
        _ = fm.createFile(atPath: root + "/Package.swift", contents: Data("// test project\n".utf8))
    }

    public func read(_ relative: String) throws -> String { try String(contentsOfFile: root + "/" + relative, encoding: .utf8) }
    public func write(_ relative: String, _ text: String) throws {
        try text.write(toFile: root + "/" + relative, atomically: true, encoding: .utf8)
    }
    /// Deletes the project, first checking every PDF its runs left in place (staging folders
    /// aside) with qpdf: each must be one a strict checker accepts.
    public func remove() {
        for (path, warnings) in pdfWarnings(under: root) where !warnings.isEmpty {
            Issue.record("qpdf --check warns about \(path): \(warnings)")
        }
        try? FileManager.default.removeItem(atPath: root)
    }

    /// Every file under `folder` with its bytes, for before/after comparisons.
    public static func snapshot(_ folder: String) -> [String: Data] {
        var out: [String: Data] = [:]
        guard let e = FileManager.default.enumerator(atPath: folder) else { return out }
        while let p = e.nextObject() as? String {
            if let d = FileManager.default.contents(atPath: folder + "/" + p) { out[p] = d }
        }
        return out
    }
}

/// Runs a command and returns its exit status, stdout and stderr: `runWithDeadline`'s run (both
/// pipes drained at once, so a child that fills its stderr cannot hang the test), in `directory`
/// or this process's folder.
public func runProcess(_ executable: String, _ arguments: [String], in directory: String? = nil) throws -> (status: Int32, out: String, err: String) {
    let r = try runWithDeadline(executable, arguments, in: directory ?? FileManager.default.currentDirectoryPath)
    return (r.status, r.out, r.err)
}

/// The `folio` executable built beside the test bundle.
public func folioExecutable() -> String? {
    let candidates = [
        URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().path + "/folio",
        TestProject.repositoryRoot + "/.build/debug/folio",
    ]
    return candidates.first { FileManager.default.isExecutableFile(atPath: $0) }
}

/// The text of a PDF as `pdftotext -layout` gives it.
public func pdfText(_ path: String) throws -> String {
    try runProcess("/usr/bin/pdftotext", ["-layout", path, "-"]).out
}

/// Every PDF under `folder` (hidden folders such as staging ones aside), each with what qpdf's
/// check warns about it (nothing for a sound file).
public func pdfWarnings(under folder: String) -> [(path: String, warnings: [String])] {
    let files = FileManager.default.enumerator(atPath: folder)?.compactMap { $0 as? String }
        .filter { $0.hasSuffix(".pdf") && !$0.split(separator: "/").contains { $0.hasPrefix(".") } } ?? []
    return files.sorted().map { ($0, PDFInspection.problems(path: folder + "/" + $0)) }
}

import Foundation

/// A rendered run not yet on disk: its files and manifest entry, or, for an up-to-date run,
/// only its summary line. `commit()` writes it alone; `StagedRuns` writes several together.
public struct PendingWrite: Sendable {
    /// What a rendered run writes.
    struct Output: Sendable {
        var root: String
        /// The folder it replaces, relative to `root`, and its files (paths relative to `root`).
        var folder: String
        var files: [RenderedFile]
        var book: ManifestBook
        var key: String
        var entry: Manifest.Entry
        /// The analysis's id (for the trace) and the folder as the summary shows it.
        var id: String
        var shown: String
        /// How long the run took to compute and render, in milliseconds (its write is shared
        /// with the runs published with it).
        var renderMilliseconds: Int

        var summary: String { "Wrote \(files.count) files to \(shown) (rendered in \(renderMilliseconds) ms)" }
    }

    /// Nil for an up-to-date run.
    let output: Output?
    /// The summary of an up-to-date run.
    let upToDate: String

    init(_ output: Output) { self.output = output; upToDate = "" }
    init(upToDate summary: String) { output = nil; upToDate = summary }

    /// Writes the files and the manifest entry (staged, then swapped in); returns "Wrote N files
    /// to … (rendered in … ms)", or the up-to-date summary.
    public func commit() throws -> String {
        let staged = StagedRuns()
        defer { staged.discard() }
        try staged.add(self)
        return try staged.publish()[0]
    }
}

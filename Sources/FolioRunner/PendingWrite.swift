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

    private enum Content: Sendable {
        case rendered(Output)
        case upToDate(summary: String)
    }
    private let content: Content

    init(_ output: Output) { content = .rendered(output) }
    init(upToDate summary: String) { content = .upToDate(summary: summary) }

    /// What it writes; nil for an up-to-date run.
    var output: Output? {
        if case .rendered(let output) = content { return output }
        return nil
    }

    /// The line a command prints once it is written (or found up to date).
    var summary: String {
        switch content {
        case .rendered(let output): return output.summary
        case .upToDate(let summary): return summary
        }
    }

    /// Writes the files and the manifest entry (staged, then swapped in); returns "Wrote N files
    /// to … (rendered in … ms)", or the up-to-date summary.
    public func commit() throws -> String {
        let staged = StagedRuns()
        defer { staged.discard() }
        try staged.add(self)
        return try staged.publish()[0]
    }
}

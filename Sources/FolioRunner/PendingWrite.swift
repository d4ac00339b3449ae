/// A rendered run not yet on disk: `commit()` writes it (staged, then swapped in) and returns
/// the summary line. An up-to-date run has nothing to write and commits to its summary.
public struct PendingWrite: Sendable {
    private let write: @Sendable () throws -> String

    init(_ write: @escaping @Sendable () throws -> String) { self.write = write }
    init(upToDate summary: String) { write = { summary } }

    /// Writes the files and the manifest entry; returns "Wrote N files to … in … ms".
    public func commit() throws -> String { try write() }
}

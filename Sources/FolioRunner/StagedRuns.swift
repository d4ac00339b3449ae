import Foundation
import FolioScene

/// Rendered runs staged (written and synced) one by one into one staging folder as they are
/// ready, then published together: one manifest update, the folders swapped in one after another.
///
/// A command over several analyses stages each one's files while it renders the next (the core
/// the render leaves idle writes them), and publishes once every render has succeeded, so bad
/// input in a later analysis still leaves the output folder as it was. Staged one by one and
/// published each in turn, the state briefings' writes took 16–22 ms after the last render.
/// Not thread-safe: `WriteBehind` calls it from its one queue.
final class StagedRuns {
    private var writer: OutputWriter?
    private var staging: String?
    /// Every run added, in order.
    private var runs: [PendingWrite] = []

    /// Stages `write`'s files (nothing for an up-to-date run).
    func add(_ write: PendingWrite) throws {
        guard let output = write.output else { return runs.append(write) }
        if writer == nil {
            let writer = OutputWriter(root: output.root)
            staging = try writer.beginStaging()
            self.writer = writer
        }
        guard let writer, let staging, writer.root == output.root else {
            throw FolioError.internal("runs staged together must share an output folder: \(output.root)")
        }
        try writer.stage(output.files, in: staging)
        try writer.sync(output.files, in: staging)
        // Only the paths are needed from here on: publishing renames files, it does not write them.
        var kept = output
        kept.files = output.files.map { RenderedFile(path: $0.path, bytes: []) }
        runs.append(PendingWrite(kept))
    }

    /// Writes the manifest entries of every staged run and swaps all of them in; returns each
    /// run's summary, in the order they were added.
    func publish() throws -> [String] {
        defer { discard() }
        let outputs = runs.compactMap(\.output)
        if let writer, let staging, let book = outputs.first?.book {
            // The manifest is read, updated and written under its own lock: batch children and
            // parallel sessions each add their entry without losing another's.
            let manifestLock = try OutputLock.acquire(outputRoot: writer.root, wait: true, name: ManifestBook.lockName)
            try withExtendedLifetime(manifestLock) {
                let bookkeeping = book.updatedFiles(entries: outputs.map { ($0.key, $0.entry) })
                try writer.stage(bookkeeping, in: staging)
                try writer.publish(outputs.flatMap(\.files) + bookkeeping, from: staging, replacing: outputs.map(\.folder),
                                   unsynced: bookkeeping)
            }
            for output in outputs { Trace.mark("\(output.id): written") }
            KillPoint.reached("written")
        }
        return runs.map(\.summary)
    }

    /// Removes the staging folder, with anything staged and not published.
    func discard() {
        if let writer, let staging { writer.discard(staging) }
        writer = nil; staging = nil; runs = []
    }
}

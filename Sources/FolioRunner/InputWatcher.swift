import Foundation

/// Notices changes to a run's inputs by comparing file sizes and modification times, the
/// cheap check `folio watch` repeats; the content hashes in the manifest decide what re-renders.
public final class InputWatcher: @unchecked Sendable {
    private let session: FolioSession
    private let dataFile: String?
    private var lastState: [String: String]? = nil

    public init(session: FolioSession, dataFile: String?) {
        self.session = session
        self.dataFile = dataFile
    }

    /// The files watched: the narrative, the data file, the analysis sources and whatever the
    /// last run recorded in the manifest.
    public func files() -> [String] {
        let data = dataFile ?? session.target.defaultData
        let book = ManifestBook(projectRoot: session.projectRoot, outputRoot: session.outputRoot)
        let recorded = Manifest.load(from: book.manifestPath).entries[session.manifestKey(book, data: data)]
        let all = [session.target.narrative, data] + book.analysisSources(session.target) + (recorded.map { Array($0.inputs.keys) } ?? [])
        return Array(Set(all)).sorted()
    }

    public func describe() -> String { "\(files().count) input files" }

    /// True on the first call and whenever any watched file's size or modification time moved.
    public func changed() -> Bool {
        let now = state()
        return now != lastState
    }

    /// Records the present state as seen.
    public func rememberCurrentState() { lastState = state() }

    private func state() -> [String: String] {
        var out: [String: String] = [:]
        for f in files() {
            let path = f.hasPrefix("/") ? f : session.projectRoot + "/" + f
            let attributes = try? FileManager.default.attributesOfItem(atPath: path)
            let size = (attributes?[.size] as? NSNumber)?.intValue ?? -1
            let modified = (attributes?[.modificationDate] as? Date)?.timeIntervalSince1970 ?? -1
            out[f] = "\(size)@\(modified)"
        }
        return out
    }
}

import Foundation
import FolioAnalysis

/// Something `folio run` renders: a notebook's steps with a narrative. A notebook is one
/// target; a narrative-only analysis (a Markdown file under `Analyses/` whose front matter says
/// `uses: <notebook id>`) is another, reusing that notebook's steps with its own prose.
///
/// Everything a run needs before computing (ids, default data, the files to hash) is known
/// without compiling; the steps themselves are compiled and loaded on first use, so an
/// unchanged re-run, `list` and `check`'s bookkeeping never wait for the compiler.
public struct RunTarget: Sendable {
    /// The output folder and `--analysis` name: `state-briefing`, `one-pager`.
    public let id: String
    /// The notebook whose steps run (its id; the same as `id` unless narrative-only).
    public let analysisID: String
    /// The narrative, relative to the project root.
    public let narrative: String
    /// The notebook the target is, when it is one (nil for a narrative-only analysis).
    public let notebook: NotebookDocument?
    /// The steps' notebook file, relative to the project root (its folder holds their Swift files).
    public let stepsFile: String
    /// The data file used when `--data` is not given.
    public let defaultData: String
    /// One line for `folio list`.
    public let summary: String
    /// The steps' version, recorded in the manifest.
    public let version: String
    let loader: AnalysisLoader

    init(id: String, analysisID: String, narrative: String, notebook: NotebookDocument?, stepsFile: String,
         defaultData: String, summary: String, version: String = "1", loader: AnalysisLoader) {
        self.id = id; self.analysisID = analysisID; self.narrative = narrative; self.notebook = notebook
        self.stepsFile = stepsFile; self.defaultData = defaultData; self.summary = summary
        self.version = version; self.loader = loader
    }

    /// The compiled steps, compiling the notebook first if its code changed.
    public func analysis() throws -> any Analysis.Type { try loader.get() }

    /// The folder holding the steps' Swift files (beside the steps' notebook).
    public var sourcesFolder: String { (stepsFile as NSString).deletingLastPathComponent }
}

/// Compiles and loads a notebook's steps once, on first use, for every target that runs them.
final class AnalysisLoader: @unchecked Sendable {
    private let lock = NSLock()
    private var loaded: (any Analysis.Type)?
    private let load: @Sendable () throws -> any Analysis.Type

    init(_ load: @escaping @Sendable () throws -> any Analysis.Type) { self.load = load }

    func get() throws -> any Analysis.Type {
        lock.lock()
        defer { lock.unlock() }
        if let loaded { return loaded }
        let analysis = try load()
        loaded = analysis
        return analysis
    }
}

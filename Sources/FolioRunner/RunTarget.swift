import Foundation
import FolioAnalysis

/// Something `folio run` renders: an analysis's steps with a narrative. A compiled analysis
/// is one target; a narrative-only analysis (a Markdown file under `Analyses/` whose front
/// matter says `uses: <analysis id>`) is another, reusing those steps with its own prose.
public struct RunTarget: Sendable {
    /// The output folder and `--analysis` name: `state-briefing`, `one-pager`.
    public let id: String
    /// The steps that compute the results.
    public let analysis: any Analysis.Type
    /// The narrative, relative to the project root.
    public let narrative: String
    /// The notebook the steps were compiled from, when they come from one.
    public let notebook: NotebookDocument?

    public init(id: String, analysis: any Analysis.Type, narrative: String, notebook: NotebookDocument? = nil) {
        self.id = id; self.analysis = analysis; self.narrative = narrative; self.notebook = notebook
    }

    /// The folder holding the steps' Swift sources (beside the compiled analysis's narrative).
    public var sourcesFolder: String { (analysis.narrative as NSString).deletingLastPathComponent }
}

/// An analysis users write: steps in Swift that compute named results and charts from data,
/// and a Markdown narrative (read at run time) that cites them.
public protocol Analysis: Sendable {
    /// A stable identifier: the output folder (`Output/<id>/…`) and `--analysis` argument.
    static var id: String { get }
    /// One line for `folio list`.
    static var summary: String { get }
    /// The narrative's path relative to the project root.
    static var narrative: String { get }
    /// The data file used when `--data` is not given, relative to the project root.
    static var defaultData: String { get }
    /// Bumped by the analysis's author when its steps change meaning; recorded in the manifest.
    static var version: String { get }
    init()
    /// Runs the steps, filling `run` with results and charts.
    func run(_ run: inout AnalysisRun) throws
}

extension Analysis {
    public static var version: String { "1" }
}

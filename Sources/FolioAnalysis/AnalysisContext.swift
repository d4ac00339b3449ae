import Foundation

/// What an analysis run is given: where the project is and which data file to use.
public struct AnalysisContext: Sendable {
    /// The project folder (holding Package.swift and Analyses/).
    public var projectRoot: String
    /// The main data file, as the user named it (relative to the project root or absolute).
    public var dataFile: String
    /// The run's parameters by name: a notebook's `params:` defaults, overridden by `--param`.
    public var parameters: [String: String]

    public init(projectRoot: String, dataFile: String, parameters: [String: String] = [:]) {
        self.projectRoot = projectRoot; self.dataFile = dataFile; self.parameters = parameters
    }

    /// An absolute path for a project-relative (or already absolute) path.
    public func path(_ relative: String) -> String {
        relative.hasPrefix("/") ? relative : (projectRoot as NSString).appendingPathComponent(relative)
    }
}

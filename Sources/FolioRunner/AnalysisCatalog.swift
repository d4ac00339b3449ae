import FolioAnalysis
import StateBriefing

/// The analyses compiled into this `folio`. A new analysis is a folder under `Analyses/`, a
/// target in Package.swift, and one line here.
public enum AnalysisCatalog {
    public static let all: [any Analysis.Type] = [StateBriefing.self]

    /// The analysis called `id`, or an input error listing those that exist.
    public static func named(_ id: String) throws -> any Analysis.Type {
        guard let a = all.first(where: { $0.id == id }) else {
            throw FolioError.input("no analysis called '\(id)'; known: \(all.map { $0.id }.joined(separator: ", "))")
        }
        return a
    }
}

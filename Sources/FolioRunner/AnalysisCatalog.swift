import Foundation
import FolioAnalysis
import StateBriefing

/// The analyses compiled into this `folio`, and the narrative-only analyses found in a project.
/// A new compiled analysis is a folder under `Analyses/`, a target in Package.swift, and one
/// line here; a narrative-only one is just a Markdown file (see `RunTarget`).
public enum AnalysisCatalog {
    public static let all: [any Analysis.Type] = [StateBriefing.self]

    /// The compiled analysis called `id`, or an input error listing those that exist.
    public static func named(_ id: String) throws -> any Analysis.Type {
        guard let a = all.first(where: { $0.id == id }) else {
            throw FolioError.input("no analysis called '\(id)'; known: \(all.map { $0.id }.joined(separator: ", "))")
        }
        return a
    }

    /// Every target in the project: the compiled analyses, then the narrative-only ones found
    /// under `Analyses/` (sorted by id).
    public static func targets(in projectRoot: String) throws -> [RunTarget] {
        var targets = all.map { RunTarget(id: $0.id, analysis: $0, narrative: $0.narrative) }
        let compiledNarratives = Set(all.map { $0.narrative })
        let fm = FileManager.default
        let folders = ((try? fm.contentsOfDirectory(atPath: projectRoot + "/Analyses")) ?? []).sorted()
        var found: [RunTarget] = []
        for folder in folders {
            let files = ((try? fm.contentsOfDirectory(atPath: projectRoot + "/Analyses/" + folder)) ?? []).sorted()
            let narratives = files.filter { $0.hasSuffix(".md") && $0 != "README.md" }
            for file in narratives {
                let path = "Analyses/\(folder)/\(file)"
                guard !compiledNarratives.contains(path), let uses = usesKey(projectRoot + "/" + path) else { continue }
                let analysis = try named(uses)
                let base = narratives.count == 1 ? folder : folder + "-" + (file as NSString).deletingPathExtension
                found.append(RunTarget(id: slug(base), analysis: analysis, narrative: path))
            }
        }
        targets += found.sorted { $0.id < $1.id }
        return targets
    }

    /// The target called `id` in the project.
    public static func target(_ id: String, in projectRoot: String) throws -> RunTarget {
        let targets = try targets(in: projectRoot)
        guard let t = targets.first(where: { $0.id == id }) else {
            throw FolioError.input("no analysis called '\(id)'; known: \(targets.map(\.id).joined(separator: ", "))")
        }
        return t
    }

    /// The value of `uses:` in a Markdown file's front matter, if it has one.
    static func usesKey(_ path: String) -> String? {
        guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8),
              text.hasPrefix("---") else { return nil }
        for line in text.split(separator: "\n", omittingEmptySubsequences: false).dropFirst() {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed == "---" { break }
            if trimmed.hasPrefix("uses:") {
                let value = trimmed.dropFirst(5).trimmingCharacters(in: CharacterSet(charactersIn: " \"'"))
                return value.isEmpty ? nil : value
            }
        }
        return nil
    }

    /// `OnePager` → `one-pager`, `county_notes` → `county-notes`.
    static func slug(_ name: String) -> String {
        var out = ""
        for (i, ch) in name.enumerated() {
            if ch.isUppercase, i > 0, let last = out.last, last != "-" { out.append("-") }
            if ch.isLetter || ch.isNumber { out.append(Character(ch.lowercased())) } else if out.last != "-" { out.append("-") }
        }
        return out.trimmingCharacters(in: CharacterSet(charactersIn: "-"))
    }
}

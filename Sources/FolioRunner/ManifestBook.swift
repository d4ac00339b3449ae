import Foundation
import FolioAnalysis

/// Reads and updates the output root's manifest and the local build stamp, and answers the two
/// questions incremental runs and `folio check` ask: is a briefing up to date, and if not, which
/// inputs changed.
struct ManifestBook: Sendable {
    let projectRoot: String
    let outputRoot: String
    var manifestPath: String { outputRoot + "/manifest.json" }
    /// The lock file held while the manifest is read, updated and written.
    static let lockName = ".folio-manifest.lock"
    /// Which executable rendered each folder. Kept out of the committed manifest because builds
    /// differ between machines while their outputs do not; ignored by git.
    var buildStampPath: String { outputRoot + "/.folio-build.json" }

    /// The manifest entry key for a run of `analysis` on `data` (the data file as the user named it).
    func key(analysis: String, data: String) -> String { "\(analysis) \(data)" }

    /// Project-relative path → SHA-256 for each of `paths` ("unreadable" when it cannot be read).
    func hashes(_ paths: [String]) -> [String: String] {
        var out: [String: String] = [:]
        for p in paths {
            let absolute = p.hasPrefix("/") ? p : projectRoot + "/" + p
            out[p] = ContentHash.ofFile(absolute) ?? "unreadable"
        }
        return out
    }

    /// The analysis's Swift sources (its folder beside the narrative), so a change to a step shows
    /// up as a changed input.
    func analysisSources(_ target: RunTarget) -> [String] {
        NotebookCompiler.helperSources(in: projectRoot + "/" + target.sourcesFolder)
            .map { String($0.dropFirst(projectRoot.count + 1)) }
    }

    /// The entry a run would record.
    func entry(target: RunTarget, data: String, dpi: Double, parameters: [String: String], run: AnalysisRun,
               files: [RenderedFile]) -> Manifest.Entry {
        let inputs = run.inputFiles + [target.narrative] + analysisSources(target)
        var outputs: [String: String] = [:]
        for f in files { outputs[f.path] = ContentHash.of(f.bytes) }
        var recorded = ["data": data, "folder": "\(target.id)/\(run.outputName)", "dpi": FiguresTable.plain(dpi)]
        for (name, value) in parameters { recorded["param." + name] = value }
        return Manifest.Entry(analysis: target.analysisID, analysisVersion: target.version,
                              folioVersion: BuildIdentity.folioVersion,
                              parameters: recorded,
                              inputs: hashes(inputs), outputs: outputs)
    }

    /// True when the recorded entry's inputs, code and outputs all match what is on disk now.
    func isUpToDate(_ entry: Manifest.Entry, target: RunTarget, dpi: Double, parameters: [String: String], key: String) -> Bool {
        guard entry.analysisVersion == target.version, entry.folioVersion == BuildIdentity.folioVersion,
              entry.parameters["dpi"] == FiguresTable.plain(dpi) else { return false }
        let recordedParameters = entry.parameters.filter { $0.key.hasPrefix("param.") }
        guard recordedParameters == Dictionary(uniqueKeysWithValues: parameters.map { ("param." + $0.key, $0.value) }) else { return false }
        guard buildStamps()[key] == BuildIdentity.executableHash else { return false }
        let expectedInputs = Set(entry.inputs.keys)
        let currentSources = Set(analysisSources(target) + [target.narrative])
        guard currentSources.isSubset(of: expectedInputs) else { return false }
        guard hashes(Array(entry.inputs.keys)) == entry.inputs else { return false }
        for (path, hash) in entry.outputs where ContentHash.ofFile(outputRoot + "/" + path) != hash { return false }
        return true
    }

    /// The inputs whose hash differs from the recorded one (or that are new or gone).
    func changedInputs(recorded: Manifest.Entry?, current: Manifest.Entry) -> [String] {
        guard let recorded else { return ["(no manifest entry: never rendered here)"] }
        var changed: [String] = []
        for (path, hash) in current.inputs.sorted(by: { $0.key < $1.key }) where recorded.inputs[path] != hash {
            changed.append(recorded.inputs[path] == nil ? "\(path) (new input)" : path)
        }
        for path in recorded.inputs.keys.sorted() where current.inputs[path] == nil { changed.append("\(path) (no longer read)") }
        if recorded.parameters["dpi"] != current.parameters["dpi"] {
            changed.append("--dpi \(recorded.parameters["dpi"] ?? "?") → \(current.parameters["dpi"] ?? "?")")
        }
        for name in Set(recorded.parameters.keys).union(current.parameters.keys).sorted() where name.hasPrefix("param.")
            && recorded.parameters[name] != current.parameters[name] {
            changed.append("--param \(name.dropFirst(6)): \(recorded.parameters[name] ?? "none") → \(current.parameters[name] ?? "none")")
        }
        if recorded.analysisVersion != current.analysisVersion { changed.append("analysis version \(recorded.analysisVersion) → \(current.analysisVersion)") }
        if recorded.folioVersion != current.folioVersion { changed.append("Folio \(recorded.folioVersion) → \(current.folioVersion)") }
        return changed
    }

    func buildStamps() -> [String: String] {
        guard let data = FileManager.default.contents(atPath: buildStampPath),
              let stamps = try? JSONDecoder().decode([String: String].self, from: data) else { return [:] }
        return stamps
    }

    /// The manifest and build stamp files updated with each entry under its key.
    func updatedFiles(entries: [(key: String, entry: Manifest.Entry)]) -> [RenderedFile] {
        var manifest = Manifest.load(from: manifestPath)
        var stamps = buildStamps()
        for (key, entry) in entries {
            manifest.entries[key] = entry
            stamps[key] = BuildIdentity.executableHash
        }
        return Self.files(manifest: manifest, stamps: stamps)
    }

    /// The manifest and build stamp files, paths relative to the output root.
    static func files(manifest: Manifest, stamps: [String: String]) -> [RenderedFile] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted]
        let stampBytes = Array((try? encoder.encode(stamps)) ?? Data("{}".utf8)) + [10]
        return [RenderedFile(path: "manifest.json", bytes: manifest.encoded()),
                RenderedFile(path: ".folio-build.json", bytes: stampBytes)]
    }
}

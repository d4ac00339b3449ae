import Foundation
import FolioAnalysis
import FolioData
import FolioScene

/// The analyses of a project, found under `Analyses/` with no registration anywhere:
///
/// - a **notebook** is a folder whose Markdown file holds Swift cells (or which holds `.swift`
///   files beside it); its id is the folder's name in kebab case (`Analyses/ProbeNotebook/` →
///   `probe-notebook`), and its code is compiled on first use and whenever it changes;
/// - a **narrative-only** analysis is a Markdown file whose front matter says `uses: <id>`: it
///   reuses that notebook's steps with its own prose.
public enum AnalysisCatalog {
    /// Every target in the project: the notebooks (each compiled first if its code changed,
    /// saying so through `progress`), then the narrative-only analyses, each group by id.
    /// - Parameter only: when given, an id that must exist (else the error lists those that do).
    public static func targets(in projectRoot: String, only: String? = nil,
                               progress: @escaping @Sendable (String) -> Void = AnalysisCatalog.printProgress) throws -> [RunTarget] {
        // One command asks several times (the list, then each session): answer from memory
        // while no file under Analyses/ changed.
        let stamp = fingerprint(projectRoot)
        if let known = memory.targets(projectRoot, stamp: stamp),
           only == nil || known.contains(where: { $0.id == only }) { return known }
        let found = try scan(projectRoot, only: only, progress: progress)
        memory.remember(found, for: projectRoot, stamp: stamp)
        return found
    }

    private static let memory = Memory()

    /// The catalog's last answer for each project, with the fingerprint it was read at.
    private final class Memory: @unchecked Sendable {
        private let lock = NSLock()
        private var answers: [String: (stamp: String, targets: [RunTarget])] = [:]

        func targets(_ root: String, stamp: String) -> [RunTarget]? {
            lock.withLock { answers[root].flatMap { $0.stamp == stamp ? $0.targets : nil } }
        }

        func remember(_ targets: [RunTarget], for root: String, stamp: String) {
            lock.withLock { answers[root] = (stamp, targets) }
        }
    }

    /// Sizes and modification times of the Markdown and Swift files in the folders under `Analyses/`.
    static func fingerprint(_ projectRoot: String) -> String {
        let fm = FileManager.default
        var out = ""
        for folder in ((try? fm.contentsOfDirectory(atPath: projectRoot + "/Analyses")) ?? []).sorted() {
            let dir = projectRoot + "/Analyses/" + folder
            let files = ((try? fm.contentsOfDirectory(atPath: dir)) ?? []).filter { $0.hasSuffix(".md") }
                + NotebookCompiler.helperSources(in: dir).map { String($0.dropFirst(dir.count + 1)) }
            for file in files.sorted() {
                var info = stat()
                guard stat(dir + "/" + file, &info) == 0 else { continue }
                out += "\(folder)/\(file):\(info.st_size):\(info.st_mtim.tv_sec).\(info.st_mtim.tv_nsec)\n"
            }
        }
        return out
    }

    private static func scan(_ projectRoot: String, only: String?,
                             progress: @escaping @Sendable (String) -> Void) throws -> [RunTarget] {
        let fm = FileManager.default
        let folders = ((try? fm.contentsOfDirectory(atPath: projectRoot + "/Analyses")) ?? []).sorted()
        var documents: [(id: String, document: NotebookDocument)] = []
        var narrativeOnly: [(base: String, uses: String, path: String)] = []
        for folder in folders {
            let files = ((try? fm.contentsOfDirectory(atPath: projectRoot + "/Analyses/" + folder)) ?? []).sorted()
            let narratives = files.filter { $0.hasSuffix(".md") && $0 != "README.md" }
            let hasSwift = files.contains { $0.hasSuffix(".swift") }
            var notebookFile: String?
            for file in narratives {
                let path = "Analyses/\(folder)/\(file)"
                let base = narratives.count == 1 ? folder : folder + "-" + (file as NSString).deletingPathExtension
                if let uses = usesKey(projectRoot + "/" + path) {
                    narrativeOnly.append((base, uses, path)); continue
                }
                let text: String
                do { text = try InputText.read(path: projectRoot + "/" + path, displayPath: path) } catch {
                    // Unreadable prose is only an error where it would have been a notebook.
                    if hasSwift || narratives.count == 1 { throw FolioError.input("\(error)") }
                    continue
                }
                let document: NotebookDocument
                do { document = try NotebookDocument.parse(text, path: path) } catch { throw FolioError.input("\(error)") }
                guard !document.cells.isEmpty || hasSwift else { continue }
                let id = slug(folder)
                if let other = notebookFile {
                    throw FolioError.input("error: \(path) and \(other) are both notebooks in Analyses/\(folder)/; a folder holds one notebook (its id is the folder's name, `\(id)`), and other Markdown files there say `uses: \(id)`")
                }
                notebookFile = path
                documents.append((id, document))
            }
        }
        Trace.mark("catalog: \(documents.count) notebooks parsed")
        let known = documents.map(\.id) + narrativeOnly.map { slug($0.base) }.sorted()
        if let only, !known.contains(only) {
            throw FolioError.input("no analysis called '\(only)'; known: \(known.joined(separator: ", "))")
        }
        // Nothing is compiled here: each notebook's loader compiles (if its code changed) and
        // loads it the first time its steps run.
        var notebooks: [RunTarget] = []
        for (id, document) in documents {
            let loader = AnalysisLoader {
                let compiler = NotebookCompiler(projectRoot: projectRoot, toolchain: try SwiftToolchain.current(), progress: progress)
                let library = try compiler.library(for: document, id: id, defaultData: document.defaultData ?? "")
                guard let analysis = try NotebookLoader.analyses(in: library).first else {
                    throw FolioError.internal("error: the compiled notebook \(library) registered no analysis")
                }
                Trace.mark("catalog: \(id) loaded")
                return analysis
            }
            notebooks.append(RunTarget(id: id, analysisID: id, narrative: document.path, notebook: document,
                                       stepsFile: document.path, defaultData: document.defaultData ?? "",
                                       summary: document.summary, loader: loader))
        }
        var targets = notebooks
        var found: [RunTarget] = []
        for (base, uses, path) in narrativeOnly {
            guard let steps = notebooks.first(where: { $0.id == uses }) else {
                throw FolioError.input("\(path): error: `uses: \(uses)` names no notebook; known: \(documents.map(\.id).joined(separator: ", "))")
            }
            found.append(RunTarget(id: slug(base), analysisID: steps.id, narrative: path, notebook: nil,
                                   stepsFile: steps.stepsFile, defaultData: steps.defaultData,
                                   summary: "narrative-only, uses the steps of \(steps.id)", loader: steps.loader))
        }
        targets += found.sorted { $0.id < $1.id }
        return targets
    }

    /// Prints a compile progress line on stderr.
    @Sendable public static func printProgress(_ line: String) {
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }

    /// The target called `id` in the project.
    public static func target(_ id: String, in projectRoot: String) throws -> RunTarget {
        let targets = try targets(in: projectRoot, only: id)
        guard let t = targets.first(where: { $0.id == id }) else {
            throw FolioError.input("no analysis called '\(id)'; known: \(targets.map(\.id).joined(separator: ", "))")
        }
        return t
    }

    /// The value of `uses:` in a Markdown file's front matter, if it has one.
    static func usesKey(_ path: String) -> String? {
        guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8),
              text.hasPrefix("---") else { return nil }
        for line in NotebookDocument.lines(of: text).dropFirst() {
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

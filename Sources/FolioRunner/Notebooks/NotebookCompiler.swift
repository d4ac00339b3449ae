import Foundation
import FolioReport

/// Compiles a notebook into a shared library that `folio` loads, and keeps it: a run whose
/// notebook code (cells and `.swift` helpers) is unchanged compiles nothing.
///
/// Why a library compiled at run time rather than a SwiftPM target per notebook: a new notebook
/// is then only a folder (no edit to Package.swift, no rebuild of folio), and an edited cell costs
/// one `swiftc` invocation of under a second instead of an incremental `swift build` of the
/// package (5 s debug, 11 s release). The library is compiled against the `.swiftmodule` files
/// beside the executable and resolves Folio's symbols from the executable itself (linked with
/// `--export-dynamic`), so notebook and runner share one copy of every type.
///
/// Builds live in `.build/folio-notebooks/<executable>/<notebook>/` (or `FOLIO_NOTEBOOK_CACHE`): the generated source, the
/// driver's incremental state (so an edit to one cell recompiles that file and relinks), and
/// `lib<Module>-<key>.so`, whose key hashes the code, the compiler and the Folio modules.
public struct NotebookCompiler: Sendable {
    public let projectRoot: String
    public let toolchain: SwiftToolchain
    /// Called with a line for stderr when a notebook is compiled.
    public var progress: @Sendable (String) -> Void

    public init(projectRoot: String, toolchain: SwiftToolchain, progress: @escaping @Sendable (String) -> Void) {
        self.projectRoot = projectRoot; self.toolchain = toolchain; self.progress = progress
    }

    /// Where compiled notebooks are kept: `FOLIO_NOTEBOOK_CACHE`, else `.build/folio-notebooks`
    /// in the project (git ignores `.build`).
    var cacheRoot: String {
        let given = ProcessInfo.processInfo.environment["FOLIO_NOTEBOOK_CACHE"] ?? ""
        return given.isEmpty ? projectRoot + "/.build/folio-notebooks" : given
    }

    /// The library for notebook `id`, compiled first if its code changed since the last build.
    public func library(for document: NotebookDocument, id: String, defaultData: String) throws -> String {
        let folder = (document.path as NSString).deletingLastPathComponent
        let helpers = Self.helperSources(in: projectRoot + "/" + folder)
        let generated = NotebookCodeGenerator.source(for: document, id: id, defaultData: defaultData)
        let module = "Notebook_" + id.map { $0.isLetter || $0.isNumber ? String($0) : "_" }.joined()
        let stamp = toolchain.modulesStamp
        var keyText = [generated, toolchain.swiftc, toolchain.modules, stamp, toolchain.optimizationFlags.joined(separator: " "), "v1"]
        for helper in helpers {
            // Project-relative, so copies of a project (or of its tests) share a cache.
            keyText.append(String(helper.dropFirst(projectRoot.count)))
            keyText.append(ContentHash.ofFile(helper) ?? "unreadable")
        }
        let key = String(ContentHash.of(keyText.joined(separator: "\u{0}")).prefix(16))
        let tag = String(ContentHash.of(toolchain.modules + stamp).prefix(12))
        let buildDir = "\(cacheRoot)/\(tag)/\(id)"
        let library = "\(buildDir)/lib\(module)-\(key).so"
        // A library in use is marked as just used, so pruning (the newest few stay) never removes it.
        if utimensat(AT_FDCWD, library, nil, 0) == 0 { return library }

        // One compiler per notebook at a time, across processes (batch children, parallel runs).
        let lock = try OutputLock.acquire(outputRoot: buildDir, wait: true, name: ".lock")
        return try withExtendedLifetime(lock) {
            if FileManager.default.fileExists(atPath: library) { return library }
            let start = Date()
            progress("Compiling notebook \(id) (\(document.path), \(document.cells.filter(\.include).count) cells\(helpers.isEmpty ? "" : ", \(helpers.count) Swift files"))…")
            let cellsFile = buildDir + "/cells.swift"
            // Rewritten only when it changed, so the driver's incremental build sees what did.
            if FileManager.default.contents(atPath: cellsFile) != Data(generated.utf8) {
                try Data(generated.utf8).write(to: URL(fileURLWithPath: cellsFile))
            }
            let sources = [cellsFile] + helpers
            try writeOutputFileMap(sources, in: buildDir)
            // A fixed output name: the driver keeps its incremental state only while the command
            // line stays the same, so the key goes into the name after linking, by rename.
            let partial = "\(buildDir)/lib\(module).so.partial"
            var arguments = ["-emit-library", "-module-name", module, "-I", toolchain.modules,
                             "-parse-as-library", "-incremental", "-output-file-map", buildDir + "/output-file-map.json",
                             "-diagnostic-style=llvm", "-suppress-warnings", "-swift-version", "6",
                             "-working-directory", projectRoot, "-o", partial]
            arguments += toolchain.optimizationFlags
            // The driver compiles one file batch per job and runs one job at a time unless told;
            // the machine's core count (not this process's affinity) keeps the command line fixed.
            arguments += ["-j", String(ProcessInfo.processInfo.processorCount)]
            arguments += sources
            // FOLIO_NOTEBOOK_VERBOSE=1 shows the compiler's command and what its driver rebuilt.
            let verbose = ProcessInfo.processInfo.environment["FOLIO_NOTEBOOK_VERBOSE"] != nil
            if verbose { arguments.append("-driver-show-incremental"); progress(([toolchain.swiftc] + arguments).joined(separator: " ")) }
            let (status, output) = try Self.execute(toolchain.swiftc, arguments)
            if verbose { progress(output) }
            guard status == 0 else {
                try? FileManager.default.removeItem(atPath: partial)
                throw FolioError.input(relocate(output, cellsFile: cellsFile, document: document)
                    + "\nerror: notebook \(id) did not compile; nothing was written")
            }
            guard rename(partial, library) == 0 else {
                throw FolioError.input("cannot keep the compiled notebook at \(library): \(String(cString: strerror(errno)))")
            }
            Self.prune(buildDir, module: module, keep: 6)
            Self.pruneBuilds(in: cacheRoot, keeping: tag)
            progress(String(format: "Compiled notebook %@ in %.1f s", id, Date().timeIntervalSince(start)))
            return library
        }
    }

    /// Removes all but the `keep` most recently used libraries of `module` in `folder` (a cache
    /// hit touches its library): a few versions stay,
    /// so switching a branch back and forth (or copies of a project sharing the cache) does not
    /// recompile every time.
    static func prune(_ folder: String, module: String, keep: Int) {
        let fm = FileManager.default
        let libraries = ((try? fm.contentsOfDirectory(atPath: folder)) ?? [])
            .filter { $0.hasPrefix("lib\(module)-") && $0.hasSuffix(".so") }
            .map { name -> (String, Date) in
                (name, ((try? fm.attributesOfItem(atPath: folder + "/" + name))?[.modificationDate] as? Date) ?? .distantPast)
            }
            .sorted { $0.1 > $1.1 }
        for (name, _) in libraries.dropFirst(keep) { try? fm.removeItem(atPath: folder + "/" + name) }
    }

    /// Removes the builds for Folio modules older than the three newest (each rebuild of Folio's
    /// libraries starts a new folder), never `tag`'s.
    static func pruneBuilds(in root: String, keeping tag: String) {
        let fm = FileManager.default
        let folders = ((try? fm.contentsOfDirectory(atPath: root)) ?? [])
            .map { name -> (String, Date) in
                (name, ((try? fm.attributesOfItem(atPath: root + "/" + name))?[.modificationDate] as? Date) ?? .distantPast)
            }
            .sorted { $0.1 > $1.1 }
        for (name, _) in folders.dropFirst(3) where name != tag { try? fm.removeItem(atPath: root + "/" + name) }
    }

    /// The `.swift` files beside a notebook and in folders under it, which join its module
    /// (sorted, absolute). Read with `readdir`: a run asks several times per notebook, and
    /// Foundation's directory enumerator cost about 60,000 instructions an entry (15.5 M for the
    /// 251 entries of a state-briefings run, callgrind), `readdir` a few hundred.
    public static func helperSources(in folder: String) -> [String] {
        var files: [String] = []
        var pending = [folder]
        while let directory = pending.popLast() {
            guard let stream = opendir(directory) else { continue }
            defer { closedir(stream) }
            while let entry = readdir(stream) {
                let name = withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
                if name == "." || name == ".." { continue }
                let path = directory + "/" + name
                var isDirectory = entry.pointee.d_type == UInt8(DT_DIR)
                if entry.pointee.d_type == UInt8(DT_UNKNOWN) {
                    var info = stat()
                    isDirectory = lstat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
                }
                if isDirectory { pending.append(path) } else if name.hasSuffix(".swift") { files.append(path) }
            }
        }
        return files.sorted()
    }

    /// The driver's map from each source to its object and dependency files.
    private func writeOutputFileMap(_ sources: [String], in buildDir: String) throws {
        var map: [String: [String: String]] = ["": ["swift-dependencies": buildDir + "/module.swiftdeps"]]
        for (i, source) in sources.enumerated() {
            let stem = "\(buildDir)/\(i)-" + ((source as NSString).lastPathComponent as NSString).deletingPathExtension
            map[source] = ["object": stem + ".o", "swift-dependencies": stem + ".swiftdeps"]
        }
        let data = try JSONSerialization.data(withJSONObject: map, options: [.sortedKeys])
        if FileManager.default.contents(atPath: buildDir + "/output-file-map.json") != data {
            try data.write(to: URL(fileURLWithPath: buildDir + "/output-file-map.json"))
        }
    }

    /// The compiler's messages with paths made project-relative. Cells already carry the
    /// notebook's path and lines (`#sourceLocation`); a message about the generated wrapper
    /// (a cell that closed a brace it did not open, say) is pointed at the nearest cell.
    func relocate(_ output: String, cellsFile: String, document: NotebookDocument) -> String {
        var lines: [String] = []
        for raw in output.split(separator: "\n", omittingEmptySubsequences: false) {
            var line = String(raw)
            if line.hasPrefix(cellsFile + ":") {
                line = "\(document.path):\(document.cells.first?.fenceLine ?? 1):1: error: the code around the notebook's cells did not compile (is a brace unbalanced in a cell?): "
                    + (line.components(separatedBy: ": error: ").dropFirst().first ?? line)
            }
            line = line.replacingOccurrences(of: projectRoot + "/", with: "")
            // The driver's own summary lines add nothing to the located errors.
            if line.hasPrefix("error: compile command failed") || line.hasPrefix("error: fatalError") { continue }
            lines.append(line)
        }
        while lines.last?.isEmpty == true { lines.removeLast() }
        return lines.joined(separator: "\n")
    }

    /// Runs `tool` with `arguments`; its exit status and everything it printed.
    static func execute(_ tool: String, _ arguments: [String]) throws -> (Int32, String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tool)
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        process.standardInput = FileHandle.nullDevice
        do { try process.run() } catch {
            throw FolioError.input("error: cannot run the Swift compiler \(tool): \(error.localizedDescription)")
        }
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }
}

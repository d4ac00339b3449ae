import Foundation
import FolioAnalysis
import FolioCairo
import FolioCharts
import FolioData
import FolioReport
import FolioScene

/// One invocation of Folio over a project: finds the project, runs an analysis, renders its
/// outputs in memory, then writes them (run), compares them (check) or explains them.
public struct FolioSession: Sendable {
    public let projectRoot: String
    /// What this session renders: an analysis's steps and a narrative.
    public let target: RunTarget
    /// The steps, compiled and loaded on first use.
    public func analysis() throws -> any Analysis.Type { try target.analysis() }
    /// The output root (`Output/` by default, `--output DIR` otherwise).
    public let outputRoot: String
    let renderer: BriefingRenderer

    /// PNG resolution in dots per inch (charts are laid out in points; 200 dpi makes a 6.5-inch
    /// chart 1300 pixels wide).
    public let dpi: Double
    /// Runs shared with other sessions of the same command (see `ComputedRuns`).
    let computed: ComputedRuns?
    /// The run's parameters: the notebook's `params:` defaults with `--param` values over them.
    public let parameters: [String: String]

    /// - Parameter computed: pass one `ComputedRuns` to every session of a single command so
    ///   targets sharing an analysis and data file compute their results once; nil (the default,
    ///   and what `watch` uses) computes afresh every time.
    /// - Parameter parameters: `--param` values; each must be declared in the notebook's `params:`
    ///   unless `strictParameters` is false (a run of every analysis: each takes those it declares).
    public init(analysis id: String, output: String?, dpi: Double = 200, computed: ComputedRuns? = nil,
                parameters overrides: [String: String] = [:], strictParameters: Bool = true,
                from directory: String = FileManager.default.currentDirectoryPath) throws {
        self.computed = computed
        guard dpi.isFinite, (36...1200).contains(dpi) else {
            throw FolioError.input("--dpi must be between 36 and 1200, not \(dpi)")
        }
        self.dpi = dpi
        projectRoot = try ProjectLocator.findRoot(from: directory)
        target = try AnalysisCatalog.target(id, in: projectRoot)
        let declared = target.notebook?.parameters ?? []
        for name in overrides.keys.sorted() where strictParameters && !declared.contains(where: { $0.name == name }) {
            let known = declared.isEmpty ? "it declares no `params:`" : "it declares: \(declared.map(\.name).joined(separator: ", "))"
            throw FolioError.input("error: --param \(name): the analysis \(id) has no parameter `\(name)` (\(known))")
        }
        var parameters: [String: String] = [:]
        for (name, value) in declared { parameters[name] = overrides[name] ?? value }
        self.parameters = parameters
        if let output {
            outputRoot = output.hasPrefix("/") ? output : (directory as NSString).appendingPathComponent(output)
        } else {
            outputRoot = projectRoot + "/Output"
        }
        var renderer = try BriefingRenderer()
        renderer.pixelsPerPoint = dpi / 72
        self.renderer = renderer
    }

    /// Starts loading fonts on an idle core, before any session exists: call first thing in a
    /// command that will render at `dpi`.
    public static func prepareFonts(dpi: Double) {
        BriefingRenderer.warmUpOnce(pixelsPerPoint: dpi / 72)
    }

    /// Runs the analysis's steps only.
    public func compute(dataFile: String?) throws -> AnalysisRun {
        let data = dataFile ?? target.defaultData
        guard let computed else { return try computeAfresh(data) }
        return try computed.run("\(target.analysisID)\u{0}\(data)\u{0}\(parameterWords)") { try computeAfresh(data) }
    }

    private func computeAfresh(_ data: String) throws -> AnalysisRun {
        let context = AnalysisContext(projectRoot: projectRoot, dataFile: data, parameters: parameters)
        var run = AnalysisRun(context: context, outputName: defaultOutputName(data: data),
                              displayName: parameters.isEmpty ? target.id : "\(target.id) \(parameterWords)")
        defer { CellCrashNote.set("") }
        do {
            try target.analysis().init().run(&run)
        } catch let error where run.currentCell != nil {
            throw FolioError.input(Self.describe(error, cell: run.currentCell!, step: run.currentStep))
        } catch let error as StepError {
            throw FolioError.input(Self.describe(error.underlying, step: error.step))
        } catch {
            throw FolioError.input(Self.describe(error, step: nil))
        }
        return run
    }

    /// `island=Biscoe year=2008`: the parameters in a stable order, for keys and messages.
    var parameterWords: String {
        parameters.keys.sorted().map { "\($0)=\(parameters[$0]!)" }.joined(separator: " ")
    }

    /// The manifest key of a run on `data` with these parameters.
    func manifestKey(_ book: ManifestBook, data: String) -> String {
        let key = book.key(analysis: target.id, data: data)
        return parameters.isEmpty ? key : key + " " + parameterWords
    }

    /// The key `--shard` assigns this briefing by: the analysis, the data file's name (not its
    /// folder) and the parameters, e.g. `state-briefing alabama.txt`.
    public func shardKey(dataFile: String?) -> String {
        let name = ((dataFile ?? target.defaultData) as NSString).lastPathComponent
        return parameters.isEmpty ? "\(target.id) \(name)" : "\(target.id) \(name) \(parameterWords)"
    }

    /// The key of this briefing's entry in `manifest.json`.
    public func manifestKey(dataFile: String?) -> String {
        manifestKey(ManifestBook(projectRoot: projectRoot, outputRoot: outputRoot), data: dataFile ?? target.defaultData)
    }

    /// The output folder's name unless the steps choose one: the parameter values
    /// (`biscoe-2008`), else the data file's name (`penguins`), else `default`.
    func defaultOutputName(data: String) -> String {
        if let notebook = target.notebook, !notebook.parameters.isEmpty {
            return notebook.parameters.map { Slug.make(parameters[$0.name] ?? $0.defaultValue) }.joined(separator: "-")
        }
        let stem = ((data as NSString).lastPathComponent as NSString).deletingPathExtension
        return stem.isEmpty ? "default" : Slug.make(stem)
    }

    /// Renders every output of one run in memory, paths relative to the output root.
    public func render(dataFile: String?, progress: (String) -> Void = { _ in }) throws -> (run: AnalysisRun, folder: String, files: [RenderedFile]) {
        // Fonts load on the other core while the steps compute (once per process).
        BriefingRenderer.willRender(pixelsPerPoint: renderer.pixelsPerPoint)
        Trace.mark("\(target.id): compute start")
        let run = try compute(dataFile: dataFile)
        Trace.mark("\(target.id): computed")
        progress("\(target.id): computed \(run.names.count) results for \(run.displayName)")
        let source = try narrativeSource(run: run)
        let folder = "\(target.id)/\(run.outputName)"
        let files = try renderer.render(run: run, narrative: source, narrativeFile: target.narrative,
                                        citedChartsOnly: target.id != target.analysisID, progress: progress)
        return (run, folder, files.map { RenderedFile(path: folder + "/" + $0.path, bytes: $0.bytes) })
    }

    /// The briefing's Markdown and its PDF's page count, without drawing a chart or encoding a
    /// file: what a check of the prose and of `pages:` needs, at a fraction of a render's cost
    /// (tests read every synthetic sheet this way). The Markdown is the bytes `run` would write.
    public func proof(dataFile: String?) throws -> (markdown: String, pdfPages: Int) {
        let (run, source, report) = try assembled(dataFile: dataFile)
        let document = try renderer.document(of: report, run: run, source: source, file: target.narrative,
                                             chartEngine: ChartLayoutEngine(measurer: renderer.measurer),
                                             date: DocumentDate.make(for: run))
        return (BriefingRenderer.markdown(report), document.pages.count)
    }

    /// The briefing's Markdown alone, as `run` would write it: `proof` without laying out pages.
    public func markdown(dataFile: String?) throws -> String {
        BriefingRenderer.markdown(try assembled(dataFile: dataFile).report)
    }

    /// A run computed and its narrative assembled: what `proof` and `markdown` start from.
    private func assembled(dataFile: String?) throws -> (run: AnalysisRun, source: String, report: Report) {
        let run = try compute(dataFile: dataFile)
        let source = try narrativeSource(run: run)
        return (run, source, try BriefingRenderer.assemble(run: run, source: source, file: target.narrative))
    }

    /// Renders and writes one run unless its manifest entry shows nothing changed (or `force`);
    /// returns a one-line summary.
    public func run(dataFile: String?, force: Bool = false, progress: (String) -> Void = { _ in }) throws -> String {
        try prepare(dataFile: dataFile, force: force, progress: progress).commit()
    }

    /// The up-to-date summary when the manifest entry of a run on `dataFile` shows nothing
    /// changed since its outputs were rendered; nil when it must render.
    public func upToDate(dataFile: String?) -> PendingWrite? {
        let data = dataFile ?? target.defaultData
        let book = ManifestBook(projectRoot: projectRoot, outputRoot: outputRoot)
        let key = manifestKey(book, data: data)
        guard let recorded = Manifest.load(from: book.manifestPath).entries[key],
              book.isUpToDate(recorded, target: target, dpi: dpi, parameters: parameters, key: key) else { return nil }
        let folder = recorded.parameters["folder"] ?? target.id
        return PendingWrite(upToDate: "Up to date: \(displayPath(outputRoot + "/" + folder)) (use --force to render anyway)")
    }

    /// Renders one run in memory (the first half of `run`), leaving the write to `commit()`,
    /// so a command can write one analysis while it renders the next.
    public func prepare(dataFile: String?, force: Bool = false, progress: (String) -> Void = { _ in }) throws -> PendingWrite {
        if !force, let current = upToDate(dataFile: dataFile) { return current }
        let start = Date()
        let data = dataFile ?? target.defaultData
        let book = ManifestBook(projectRoot: projectRoot, outputRoot: outputRoot)
        let key = manifestKey(book, data: data)
        let (run, folder, files) = try render(dataFile: dataFile, progress: progress)
        Trace.mark("\(target.id): rendered")
        let entry = book.entry(target: target, data: data, dpi: dpi, parameters: parameters, run: run, files: files)
        return PendingWrite(PendingWrite.Output(
            root: outputRoot, folder: folder, files: files, book: book, key: key, entry: entry,
            id: target.id, shown: displayPath(outputRoot + "/" + folder),
            renderMilliseconds: Int(Date().timeIntervalSince(start) * 1000)))
    }

    /// Compares what a run would write with what is on disk; returns a line per stale, missing or
    /// extra file, each naming the inputs that changed since the outputs were rendered.
    public func check(dataFile: String?) throws -> [String] {
        let data = dataFile ?? target.defaultData
        let (run, folder, files) = try render(dataFile: dataFile)
        let book = ManifestBook(projectRoot: projectRoot, outputRoot: outputRoot)
        let key = manifestKey(book, data: data)
        let recorded = Manifest.load(from: book.manifestPath).entries[key]
        let current = book.entry(target: target, data: data, dpi: dpi, parameters: parameters, run: run, files: files)
        let changed = book.changedInputs(recorded: recorded, current: current)
        let because = changed.isEmpty ? "" : " (changed: \(changed.joined(separator: ", ")))"
        var stale: [String] = []
        let expected = Set(files.map(\.path))
        for file in files {
            let path = outputRoot + "/" + file.path
            guard let onDisk = FileManager.default.contents(atPath: path) else {
                stale.append("missing: \(displayPath(path))\(because)"); continue
            }
            if Array(onDisk) != file.bytes { stale.append("stale:   \(displayPath(path))\(because)") }
        }
        for extra in OutputWriter.listFiles(under: outputRoot + "/" + folder) where !expected.contains(folder + "/" + extra) {
            stale.append("extra:   \(displayPath(outputRoot + "/" + folder + "/" + extra)) (no longer produced)")
        }
        if stale.isEmpty, recorded == nil || !changed.isEmpty {
            stale.append("stale:   \(displayPath(book.manifestPath)) (its entry for \(key) does not match the inputs\(because))")
        }
        return stale
    }

    /// The narrative's text as the assembler reads it (a notebook's cells blanked out).
    private func narrativeSource(run: AnalysisRun) throws -> String {
        var source: String
        do {
            // The target's own narrative, in this session's project, whoever computed the run.
            source = try InputText.read(path: (projectRoot as NSString).appendingPathComponent(target.narrative),
                                        displayPath: target.narrative)
        } catch {
            throw FolioError.input("\(error)")
        }
        if let notebook = target.notebook { source = notebook.narrative(from: source) }
        return source
    }

    /// Every condition of the narrative for this data: where it is, what it read, which text it
    /// kept (`folio explain --conditions`); with `name`, only the conditions that read it.
    public func explainConditions(reading name: String?, dataFile: String?) throws -> String {
        let run = try compute(dataFile: dataFile)
        let report = try BriefingRenderer.assemble(run: run, source: try narrativeSource(run: run), file: target.narrative)
        let conditions = report.conditions.filter { c in
            name.map { c.names.contains($0) } ?? true
        }
        if conditions.isEmpty {
            return name.map { "no condition in \(target.narrative) reads '\($0)'\n" } ?? "\(target.narrative) has no conditions\n"
        }
        return conditions.map(\.sentence).joined(separator: "\n") + "\n"
    }

    /// The provenance chain of `name`, or the list of every result when `name` is nil.
    public func explain(_ name: String?, dataFile: String?) throws -> String {
        let run = try compute(dataFile: dataFile)
        guard let name else {
            return run.orderedResults.map { "\($0.name)\t\(ValueFormatter.formatDefault($0.value))\t\($0.value.label)" }
                .joined(separator: "\n") + "\n"
        }
        guard let text = ProvenanceExplainer.explain(name, in: run.values) else {
            // Not a name: perhaps a number as the briefing prints it ("668.7", "69.9%", "4,546").
            let matches = ProvenanceExplainer.names(printing: name, in: run.orderedResults)
            if !matches.isEmpty {
                return matches.compactMap { ProvenanceExplainer.explain($0, in: run.values) }.joined(separator: "\n")
            }
            let hint = NearMiss.suggestion(for: name, among: run.names).map { "; did you mean '\($0)'?" } ?? ""
            throw FolioError.input("no result called '\(name)'\(hint) (run `folio explain` for the list)")
        }
        return text
    }

    private func displayPath(_ path: String) -> String {
        path.hasPrefix(projectRoot + "/") ? String(path.dropFirst(projectRoot.count + 1)) : path
    }

    /// An error a notebook cell threw: where the error's own location is (a data file's line),
    /// then the cell and its step, or the cell alone.
    static func describe(_ error: any Error, cell: SourceLocation, step: String) -> String {
        var inner = error, innerStep = step
        if let wrapped = error as? StepError { inner = wrapped.underlying; innerStep = wrapped.step }
        let text = describe(inner, step: nil)
        let cellLine = "\(cell.file):\(cell.line):1"
        if text.hasPrefix("error: ") {
            return "\(cellLine): error: in step '\(innerStep)': \(text.dropFirst(7))\nnothing was written"
        }
        return "\(text)\n\(cellLine): note: raised in step '\(innerStep)', by the cell that starts here\nnothing was written"
    }

    static func describe(_ error: any Error, step: String?) -> String {
        let text = "\(error)"
        let prefix = step.map { "in step '\($0)': " } ?? ""
        // Measure errors are about a figure: lead with where it was read.
        if let measure = error as? MeasureError {
            return "\(measure.location): error: \(text)" + (step.map { " (step '\($0)')" } ?? "")
        }
        // Errors that already carry a file:line:column location lead with it.
        if text.contains(": error:") { return text + (step.map { " (step '\($0)')" } ?? "") }
        return "error: \(prefix)\(text)"
    }
}

extension FolioSession {
    /// Every analysis in the project around `directory` (compiled and narrative-only).
    public static func targets(from directory: String = FileManager.default.currentDirectoryPath) throws -> [RunTarget] {
        try AnalysisCatalog.targets(in: ProjectLocator.findRoot(from: directory))
    }

    /// The ids of `targets(from:)`.
    public static func targetIDs(from directory: String = FileManager.default.currentDirectoryPath) throws -> [String] {
        try targets(from: directory).map(\.id)
    }
}

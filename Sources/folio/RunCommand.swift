import FolioCommandLine
import Foundation
import FolioRunner
import FolioScene

/// `folio run`: renders briefings into the output folder.
struct RunCommand: FolioCommand {
    static let spec = CommandSpec(
        name: "run",
        abstract: "Run an analysis and write its briefing, charts and figures.",
        discussion: """
        Nothing is written unless the whole briefing succeeds; a failed or killed run leaves the output folder \
        as it was (files are staged in <output>/.folio-staging-<pid>/ and swapped in at the end).

        One run at a time per output folder: a second run waits for the first (it says so on stderr) \
        or, with --no-wait, exits with code 75.

        Exit codes: 0 written, 1 bad input or unwritable output (the message names the file), 2 usage, \
        70 internal error, 75 the output folder is busy (--no-wait).
        """,
        options: AnalysisOptions.specs + [
            .flag("quiet", short: "q", help: "Print nothing but errors."),
            .flag("no-wait", help: "If another folio run is writing to the output folder, exit with code 75 instead of waiting."),
            .flag("force", help: "Render even when the manifest shows nothing changed."),
            .option("jobs", short: "j", help: "Data files rendered in parallel, as child processes (default: half the cores, at least 1; each briefing already uses two threads)."),
            .option("shard", value: "K/N", help: "Render only this worker's share of the batch (1-based; also FOLIO_SHARD=K/N), into its own output folder (default .build/folio-shards/K-of-N) with a shard.json; put the shards together with `folio merge`."),
        ])

    var options: AnalysisOptions
    var quiet: Bool
    var noWait: Bool
    var force: Bool
    var jobs: Int?
    var shard: String?

    init(_ arguments: ParsedArguments) throws {
        options = try AnalysisOptions(arguments)
        quiet = arguments.flag("quiet")
        noWait = arguments.flag("no-wait")
        force = arguments.flag("force")
        jobs = try arguments.number("jobs")
        shard = arguments.value("shard")
    }

    func run() throws {
        Trace.mark("run command")
        FolioSession.prepareFonts(dpi: options.dpi)
        try CLIErrors.guarding {
            let shard = BatchRunner.isChild ? nil : try Shard.from(option: self.shard)
            var options = self.options
            if let shard, options.output == nil { options.output = shard.defaultOutput(projectRoot: try ProjectLocator.findRoot()) }
            let data = try BatchRunner.expand(options.data)
            let jobs = jobs ?? BatchRunner.defaultJobs
            let progress = ProgressReporter(quiet: quiet)
            let computed = ComputedRuns()
            let sessions = try options.sessions(computed: computed)
            Trace.mark("sessions ready")
            guard let first = sessions.first else { return }
            // Every analysis writes under the same output root: one lock for the whole run, taken
            // by the parent of a batch only (its children would otherwise wait for their parent).
            let lock = BatchRunner.isChild ? nil
                : try OutputLock.acquire(outputRoot: first.outputRoot, wait: !noWait) { CLIErrors.printErr($0) }
            defer { withExtendedLifetime(lock) {} }
            Trace.mark("locked")
            // A shard's record is written last: until then (or when the run fails) the folder has
            // none, so `folio merge` cannot take a half-finished shard for a finished one.
            if shard != nil { try? FileManager.default.removeItem(atPath: first.outputRoot + "/" + ShardRecord.fileName) }
            // A run over the analyses renders every briefing before it publishes any, so bad
            // input in one analysis leaves the output folder as it was; each briefing's files are
            // staged as soon as it is rendered (`WriteBehind.hold`). A batch over several data
            // files writes each briefing (atomically) as soon as it is rendered instead: holding
            // fifty briefings would double the memory. Writes happen on a background thread
            // either way.
            let holdWrites = data.count <= 1
            let writes = WriteBehind()
            defer { _ = try? writes.finish() }
            let files: [String?] = data.isEmpty ? [nil] : data
            var held: [(session: FolioSession, file: String?, upToDate: PendingWrite?)] = []
            for session in sessions {
                // A shard renders only the briefings whose key is its own (see `Shard`).
                let owned = files.filter { shard?.owns(session.shardKey(dataFile: $0)) ?? true }
                if owned.isEmpty { continue }
                let data = owned.compactMap { $0 }
                if data.count > 1 && jobs > 1 {
                    var arguments = ["run", "--analysis", session.target.id] + (quiet ? ["--quiet"] : []) + (force ? ["--force"] : [])
                    if let output = options.output { arguments += ["--output", output] }
                    arguments += ["--dpi", String(options.dpi)]
                    for name in session.parameters.keys.sorted() { arguments += ["--param", "\(name)=\(session.parameters[name]!)"] }
                    writes.publishHeld()
                    for line in try writes.finish() { progress.finish(line) }
                    let (summaries, status) = try BatchRunner.run(files: data, jobs: jobs, arguments: arguments)
                    for line in summaries { progress.finish(line) }
                    if status != 0 { throw ExitStatus(status) }
                    continue
                }
                for file in owned {
                    if holdWrites {
                        // Every cell runs before any file is staged: a cell that stops the program
                        // ends it at once, and must find nothing of this run in the output folder.
                        let upToDate = force ? nil : session.upToDate(dataFile: file)
                        if upToDate == nil { _ = try session.compute(dataFile: file) }
                        held.append((session, file, upToDate))
                    } else {
                        writes.enqueue(try session.prepare(dataFile: file, force: force) { progress.step($0) })
                    }
                }
            }
            for run in held {
                writes.hold(try run.upToDate ?? run.session.prepare(dataFile: run.file, force: true) { progress.step($0) })
            }
            writes.publishHeld()
            for line in try writes.finish() { progress.finish(line) }
            if let shard {
                let every = sessions.flatMap { session in files.map { (session: session, file: $0) } }
                let record = ShardRecord(shard: shard, items: every.map {
                    (shardKey: $0.session.shardKey(dataFile: $0.file), manifestKey: $0.session.manifestKey(dataFile: $0.file))
                })
                try OutputWriter(root: first.outputRoot).write([RenderedFile(path: ShardRecord.fileName, bytes: record.encoded())], replacing: [])
                progress.finish(record.briefings.isEmpty
                    ? "Shard \(shard): none of the batch's \(every.count) briefings is this shard's; wrote \(ShardRecord.fileName) to \(first.outputRoot)"
                    : "Shard \(shard): \(record.briefings.count) of \(every.count) briefings in \(first.outputRoot)")
            }
        }
    }
}

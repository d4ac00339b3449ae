import Foundation

/// Batch runs: `--data` globs expanded by Folio (when the shell did not), and several sheets
/// rendered in parallel as child processes of the same `folio` executable.
///
/// Why processes and not threads: FolioCairo serialises all Pango/fontconfig work behind one
/// lock, so threads in one process queue on it. Each child renders its share of the sheets
/// sequentially (sheets i, i+N, i+2N, … for N jobs), so process start-up is paid N times, not
/// once per sheet. A child renders exactly what `folio run --data X` would, so the bytes do not
/// depend on `--jobs`.
public enum BatchRunner {
    /// Each argument as is, or, when it holds `*`, `?` or `[`, the files it matches, sorted.
    /// A pattern that matches nothing is an error.
    public static func expand(_ arguments: [String]) throws -> [String] {
        var out: [String] = []
        for argument in arguments {
            guard argument.contains(where: { "*?[".contains($0) }) else { out.append(argument); continue }
            var g = glob_t()
            defer { globfree(&g) }
            guard glob(argument, 0, nil, &g) == 0, g.gl_pathc > 0 else {
                throw FolioError.input("error: --data '\(argument)' matches no file")
            }
            var matches: [String] = []
            for i in 0..<Int(g.gl_pathc) {
                if let p = g.gl_pathv[i] { matches.append(String(cString: p)) }
            }
            out += matches.sorted()
        }
        return out
    }

    /// Set in a batch child's environment (see `run`).
    public static let childMarker = "FOLIO_BATCH_CHILD"
    /// Whether this process is a batch child of another `folio run`.
    public static var isChild: Bool { ProcessInfo.processInfo.environment[childMarker] == "1" }

    /// The default number of jobs: the machine's cores.
    /// Half the cores (at least one): each briefing already draws on two threads, and a child
    /// process pays the cold start a warm in-process loop does not. On two cores, 51 sheets
    /// took 3.1 s with `--jobs 1` and 3.6 s with `--jobs 2`.
    public static var defaultJobs: Int { max(1, ProcessInfo.processInfo.activeProcessorCount / 2) }

    /// Runs `folio <arguments> --data …` in `jobs` child processes, each over its share of
    /// `files`; returns their summary lines in the order of `files`. Children's stderr passes
    /// through. Throws the first failing child's exit status.
    public static func run(files: [String], jobs: Int, arguments: [String]) throws -> (summaries: [String], status: Int32) {
        let n = max(1, min(jobs, files.count))
        let executable = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        var children: [(Process, Pipe, [Int])] = []
        for k in 0..<n {
            let indices = Array(stride(from: k, to: files.count, by: n))
            let p = Process()
            p.executableURL = executable
            p.arguments = arguments + ["--jobs", "1"] + indices.flatMap { ["--data", files[$0]] }
            // Children write under the parent's output root at the same time, each into its own
            // briefing folders: an output-root lock must be taken by the parent only, and a child
            // that sees this variable must not wait for it (it would wait for its own parent).
            var environment = ProcessInfo.processInfo.environment
            environment[childMarker] = "1"
            p.environment = environment
            let pipe = Pipe()
            p.standardOutput = pipe
            do { try p.run() } catch { throw FolioError.internal("cannot start a child folio: \(error)") }
            children.append((p, pipe, indices))
        }
        var summaries = [String](repeating: "", count: files.count)
        var status: Int32 = 0
        for (p, pipe, indices) in children {
            let data = pipe.fileHandleForReading.readDataToEndOfFile()
            p.waitUntilExit()
            let lines = String(decoding: data, as: UTF8.self).split(separator: "\n").map(String.init)
            for (i, line) in zip(indices, lines) { summaries[i] = line }
            if p.terminationStatus != 0 && status == 0 { status = p.terminationStatus }
        }
        return (summaries.filter { !$0.isEmpty }, status)
    }
}

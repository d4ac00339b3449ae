import FolioCommandLine
import Foundation
import FolioRunner

/// Options shared by commands that run an analysis.
struct AnalysisOptions {
    /// The PNG resolution when `--dpi` is not given; the help shows it.
    static let defaultDPI: Double = 200

    static let specs: [OptionSpec] = [
        .option("analysis", help: "The analysis to run (see `folio list`); default: every analysis in the project."),
        .option("data", value: "file", repeats: true, help: "A data file to use instead of the analysis's default (its `data:`); repeat, or give a quoted glob ('sheets/*.txt'), for several."),
        .option("output", value: "dir", help: "The folder to write into (default: Output/ in the project)."),
        .option("param", value: "name=value", repeats: true, help: "Set a notebook parameter declared in its front matter's `params:`; repeat for several. The same name given several times renders one briefing per value."),
        .option("dpi", default: "\(Int(defaultDPI))", help: "PNG resolution in dots per inch (200 makes a 6.5-inch chart 1300 px wide)."),
    ]

    var analysis: String?
    var data: [String]
    var output: String?
    var param: [String]
    var dpi: Double

    init(_ arguments: ParsedArguments) throws {
        analysis = arguments.value("analysis")
        data = arguments.repeated("data")
        output = arguments.value("output")
        param = arguments.repeated("param")
        dpi = try arguments.number("dpi") ?? Self.defaultDPI
    }
}

extension AnalysisOptions {
    /// The analyses these options name: the one given, or every analysis in the project.
    func targetIDs() throws -> [String] {
        if let analysis { return [analysis] }
        return try FolioSession.targetIDs()
    }

    /// The single analysis for commands that take one: the one given, or the project's first.
    func singleTarget() throws -> String {
        if let analysis { return analysis }
        guard let first = try FolioSession.targetIDs().first else {
            throw FolioError.input("error: the project has no analyses (no notebook under Analyses/)")
        }
        return first
    }

    /// The `--param` values as one set of overrides per briefing: a name given several times
    /// makes one set per value (several such names: every combination).
    func parameterSets() throws -> [[String: String]] {
        var values: [(name: String, values: [String])] = []
        for item in param {
            guard let eq = item.firstIndex(of: "="), eq != item.startIndex else {
                throw FolioError.input("error: --param expects name=value, not '\(item)'")
            }
            let name = String(item[..<eq]), value = String(item[item.index(after: eq)...])
            if let i = values.firstIndex(where: { $0.name == name }) { values[i].values.append(value) }
            else { values.append((name, [value])) }
        }
        var sets: [[String: String]] = [[:]]
        for (name, options) in values {
            sets = sets.flatMap { set in options.map { set.merging([name: $0]) { $1 } } }
        }
        return sets
    }

    /// A session for every analysis these options name and every parameter set. With no
    /// `--analysis`, each analysis takes the parameters it declares; a name none declares is an error.
    func sessions(computed: ComputedRuns? = nil) throws -> [FolioSession] {
        let ids = try targetIDs()
        let sets = try parameterSets()
        var sessions: [FolioSession] = []
        for id in ids {
            for set in sets {
                sessions.append(try FolioSession(analysis: id, output: output, dpi: dpi, computed: computed,
                                                 parameters: set, strictParameters: analysis != nil))
            }
        }
        if analysis == nil, let names = sets.first?.keys.sorted() {
            for name in names where !sessions.contains(where: { $0.parameters[name] != nil }) {
                throw FolioError.input("error: --param \(name): no analysis declares a parameter `\(name)` in its `params:`")
            }
        }
        // Sessions of an analysis that declares none of the given parameters are the same briefing.
        var seen: Set<String> = [], unique: [FolioSession] = []
        for session in sessions where seen.insert(session.target.id + "\u{0}" + session.parameters.description).inserted {
            unique.append(session)
        }
        // With no --analysis, --data goes to the analyses whose default data is the same kind of
        // file (a `.txt` file to the analyses that read `.txt` files, a `.csv` to those that read `.csv`).
        if analysis == nil, let first = data.first {
            let kind = (first as NSString).pathExtension.lowercased()
            unique = unique.filter { ($0.target.defaultData as NSString).pathExtension.lowercased() == kind }
            guard !unique.isEmpty else {
                throw FolioError.input("error: --data \(first): no analysis reads .\(kind) files by default; name one with --analysis")
            }
        }
        return unique
    }

    /// The one session for commands that take one analysis (the first parameter set).
    func singleSession() throws -> FolioSession {
        try FolioSession(analysis: try singleTarget(), output: output, dpi: dpi, parameters: try parameterSets()[0])
    }
}

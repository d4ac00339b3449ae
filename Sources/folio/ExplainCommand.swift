import FolioCommandLine
import FolioRunner

/// `folio explain NAME`: how a number in the briefing was made, down to its source lines.
struct ExplainCommand: FolioCommand {
    static let spec = CommandSpec(
        name: "explain",
        abstract: "Print how a result was computed, down to the source file and line of every input.",
        discussion: "Run without a name to list every result the analysis produces. Without --analysis, a name or number is looked for in every analysis, in `folio list`'s order. Give a number as the briefing prints it (668.7, 69.9%, 4,546) to find which results print that way and explain them. With --conditions, print each condition of the narrative (`::: when`, `{{ when }}`, a key figure's `when:`) with the values it read and the text it chose for this data; with a name too, only the conditions that read it.",
        arguments: [ArgumentSpec(name: "name", repeats: false, help: "A result name as the narrative cites it (missing.socialServicesShare), or a number as printed (69.9%).")],
        options: [.flag("conditions", help: "List the narrative's conditions: where each is, what it read, which text it chose.")]
            + AnalysisOptions.specs)

    var name: String?
    var conditions: Bool
    var options: AnalysisOptions

    init(_ arguments: ParsedArguments) throws {
        name = arguments.positionals.first
        conditions = arguments.flag("conditions")
        options = try AnalysisOptions(arguments)
    }

    func run() throws {
        try CLIErrors.guarding {
            if conditions {
                print(try options.singleSession().explainConditions(reading: name, dataFile: options.data.first), terminator: "")
            } else if let name, options.analysis == nil {
                print(try Self.explainInAnyAnalysis(name, options: options), terminator: "")
            } else {
                print(try options.singleSession().explain(name, dataFile: options.data.first), terminator: "")
            }
        }
    }

    /// Without `--analysis`, a name or printed number is looked for in every analysis, in
    /// `folio list`'s order, and explained by the first that has it (so `folio explain 69.9%`
    /// works in a project of several notebooks); when none has it, the first one's error is shown.
    static func explainInAnyAnalysis(_ name: String, options: AnalysisOptions) throws -> String {
        var firstError: FolioError?
        for id in try FolioSession.targetIDs() {
            var one = options
            one.analysis = id
            do {
                return try one.singleSession().explain(name, dataFile: options.data.first)
            } catch let error as FolioError {
                firstError = firstError ?? error
            }
        }
        throw firstError ?? FolioError.input("error: the project has no analyses (no notebook under Analyses/)")
    }
}

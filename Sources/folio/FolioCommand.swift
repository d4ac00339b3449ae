import FolioCommandLine
/// A subcommand of `folio`: what it accepts (its spec), how it reads its parsed words, and what it does.
protocol FolioCommand: Sendable {
    static var spec: CommandSpec { get }
    /// Reads the parsed words; throws a `UsageError` for a value it cannot use.
    init(_ arguments: ParsedArguments) throws
    func run() throws
}

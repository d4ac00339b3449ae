/// What a subcommand accepts and what its `--help` says: the one description both the parser
/// and the help text read, so the two cannot disagree.
public struct CommandSpec: Sendable {
    /// The word after `folio` (`run`).
    public let name: String
    /// One line for the command list and the top of its help.
    public let abstract: String
    /// Paragraphs after the abstract (blank-line separated); empty for none.
    public var discussion: String = ""
    public var arguments: [ArgumentSpec] = []
    public var options: [OptionSpec] = []

    public init(name: String, abstract: String, discussion: String = "", arguments: [ArgumentSpec] = [], options: [OptionSpec] = []) {
        self.name = name; self.abstract = abstract; self.discussion = discussion
        self.arguments = arguments; self.options = options
    }

    /// The option spelt `--long`.
    public func option(long: String) -> OptionSpec? { options.first { $0.long == long } }

    /// The option spelt `-c`.
    public func option(short: Character) -> OptionSpec? { options.first { $0.short == short } }

    /// `folio run [--analysis <analysis>] [--data <file> ...]`: the usage line of help and of errors.
    public var usage: String {
        var parts = ["folio", name]
        for argument in arguments { parts.append("[<\(argument.name)>\(argument.repeats ? " ..." : "")]") }
        for option in options { parts.append("[\(option.synopsis)\(option.repeats ? " ..." : "")]") }
        return parts.joined(separator: " ")
    }
}

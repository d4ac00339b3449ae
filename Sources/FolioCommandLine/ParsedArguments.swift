/// The words of one command line sorted by what they are: option values, flags given, and
/// positional arguments, each read back by name and converted with a usage error when malformed.
public struct ParsedArguments {
    public let command: CommandSpec
    public var values: [String: [String]] = [:]
    public var flags: Set<String> = []
    public var positionals: [String] = []

    public init(command: CommandSpec) { self.command = command }

    /// Whether the flag `--long` was given.
    public func flag(_ long: String) -> Bool { declared(long); return flags.contains(long) }

    /// The last value given for `--long` (a repeated single-value option keeps the last, as is usual).
    public func value(_ long: String) -> String? { declared(long); return values[long]?.last }

    /// Every value given for a repeatable `--long`, in order.
    public func repeated(_ long: String) -> [String] { declared(long); return values[long] ?? [] }

    /// `--long`'s value read as a number (`Int`, `Double`), nil when absent.
    public func number<Number: LosslessStringConvertible>(_ long: String, as type: Number.Type = Number.self) throws -> Number? {
        guard let text = value(long) else { return nil }
        guard let number = Number(text) else {
            let synopsis = command.option(long: long)?.synopsis ?? "--\(long)"
            throw UsageError(message: "The value '\(text)' is invalid for '\(synopsis)'", command: command)
        }
        return number
    }

    /// A name the command's spec does not declare is a typo in Folio, caught in debug builds
    /// (the tests), not a user's mistake.
    private func declared(_ long: String) {
        assert(command.option(long: long) != nil, "--\(long) is not an option of `folio \(command.name)`")
    }
}

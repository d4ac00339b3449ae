/// A command line `folio` cannot read: an unknown option, a missing or malformed value, a stray
/// argument. Printed with the command's usage line; exits 2.
public struct UsageError: Error {
    public let message: String
    /// The command whose usage is shown (nil before one is known).
    public let command: CommandSpec?

    public init(message: String, command: CommandSpec?) { self.message = message; self.command = command }

    /// `Error: … / Usage: … / See 'folio run --help' …`, the form swift-argument-parser used,
    /// which users and scripts may already match on.
    public var text: String {
        guard let command else { return "Error: \(message)\n  See 'folio --help' for more information.\n" }
        return "Error: \(message)\nUsage: \(command.usage)\n  See 'folio \(command.name) --help' for more information.\n"
    }
}

/// A positional argument of a command (`folio explain 69.9%`, `folio merge DIR...`).
public struct ArgumentSpec: Sendable {
    /// Its placeholder in help (`name` shows as `<name>`).
    public let name: String
    /// Takes every remaining positional word (`<folders> ...`).
    public let repeats: Bool
    public let help: String

    public init(name: String, repeats: Bool = false, help: String) {
        self.name = name; self.repeats = repeats; self.help = help
    }
}

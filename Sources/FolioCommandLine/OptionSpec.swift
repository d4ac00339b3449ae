/// One option or flag of a command: how it is spelt, what `--help` says about it, and whether it
/// takes a value (`--dpi 300`) or is a flag (`--force`).
public struct OptionSpec: Sendable {
    /// The long name without its dashes (`dpi` for `--dpi`).
    public let long: String
    /// The one-letter spelling (`q` for `-q`), if any.
    public let short: Character?
    /// The value's placeholder in help (`dir` for `--output <dir>`); nil for a flag.
    public let valueName: String?
    /// May be given several times (`--data a --data b`).
    public let repeats: Bool
    public let help: String
    /// Shown after the help as "(default: …)".
    public let defaultText: String?

    /// A flag: present or absent, no value.
    public static func flag(_ long: String, short: Character? = nil, help: String) -> OptionSpec {
        OptionSpec(long: long, short: short, valueName: nil, repeats: false, help: help, defaultText: nil)
    }

    /// An option that takes a value; `valueName` defaults to the long name.
    public static func option(_ long: String, short: Character? = nil, value: String? = nil, repeats: Bool = false,
                       default defaultText: String? = nil, help: String) -> OptionSpec {
        OptionSpec(long: long, short: short, valueName: value ?? long, repeats: repeats, help: help, defaultText: defaultText)
    }

    public var takesValue: Bool { valueName != nil }

    /// `--dpi <dpi>` or `--force`: how usage lines and error messages name it.
    public var synopsis: String { valueName.map { "--\(long) <\($0)>" } ?? "--\(long)" }

    /// `-j, --jobs <jobs>`: the left column of `--help`.
    public var label: String { (short.map { "-\($0), " } ?? "") + synopsis }
}

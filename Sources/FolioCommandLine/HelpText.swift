/// `--help` text laid out as swift-argument-parser laid it out (OVERVIEW, USAGE, ARGUMENTS,
/// OPTIONS; help in a column from the 27th character, wrapped at 80), so the help users have
/// seen reads the same.
public enum HelpText {
    static let width = 80
    static let column = 26

    /// A command's help.
    public static func of(_ command: CommandSpec) -> String {
        var out = overview(command.abstract, discussion: command.discussion)
        out += "USAGE: \(command.usage)\n\n"
        if !command.arguments.isEmpty {
            out += "ARGUMENTS:\n"
            for argument in command.arguments { out += row("<\(argument.name)>", argument.help) }
            out += "\n"
        }
        out += "OPTIONS:\n"
        for option in command.options {
            out += row(option.label, option.help + (option.defaultText.map { " (default: \($0))" } ?? ""))
        }
        out += row("-h, --help", "Show help information.")
        return out
    }

    /// The help of `folio` itself: what it is, and its commands (the first is the default).
    public static func root(abstract: String, discussion: String, commands: [CommandSpec]) -> String {
        var out = overview(abstract, discussion: discussion)
        out += "USAGE: folio <subcommand>\n\nOPTIONS:\n" + row("-h, --help", "Show help information.") + "\n"
        out += "SUBCOMMANDS:\n"
        for (i, command) in commands.enumerated() { out += row(command.name + (i == 0 ? " (default)" : ""), command.abstract) }
        out += "\n  See 'folio help <subcommand>' for detailed help.\n"
        return out
    }

    private static func overview(_ abstract: String, discussion: String) -> String {
        var out = wrap("OVERVIEW: " + abstract, indent: 0).joined(separator: "\n") + "\n\n"
        for paragraph in discussion.split(separator: "\n\n") {
            out += wrap(String(paragraph), indent: 0).joined(separator: "\n") + "\n\n"
        }
        return out
    }

    /// `  label   help…`, the help wrapped in its column (on the next line when the label is too wide).
    private static func row(_ label: String, _ help: String) -> String {
        let lines = wrap(help, indent: column)
        let head = "  " + label
        let pad = String(repeating: " ", count: column)
        if head.count + 1 > column {
            return head + "\n" + lines.map { pad + $0 }.joined(separator: "\n") + "\n"
        }
        let first = head + String(repeating: " ", count: column - head.count) + (lines.first ?? "")
        return ([first] + lines.dropFirst().map { pad + $0 }).joined(separator: "\n") + "\n"
    }

    /// Words of `text` in lines of at most `width - indent` characters (a longer word stands alone).
    private static func wrap(_ text: String, indent: Int) -> [String] {
        var lines: [String] = [], line = ""
        for word in text.split(whereSeparator: { $0 == " " || $0 == "\n" }) {
            if !line.isEmpty && line.count + 1 + word.count > width - indent {
                lines.append(line)
                line = ""
            }
            line += (line.isEmpty ? "" : " ") + word
        }
        if !line.isEmpty { lines.append(line) }
        return lines
    }
}

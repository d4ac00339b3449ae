/// Reads a command's words against its `CommandSpec`: `--name value`, `--name=value`, `-n value`,
/// flags (also bundled, `-qf`), positional arguments, and `--` before words that start with a dash.
///
/// Written here instead of taking swift-argument-parser, which Folio used until its build and
/// start-up were measured (fresh clone, 2 cores): 10 CPU-seconds of every cold CI build (16
/// compiled per file), and ~35 ms of each debug `folio` start in its debug-only validation of the
/// command definitions (a third of a failing run; the test suite starts dozens). Folio's command
/// line is seven commands and a dozen options; this module is about 260 lines, doc comments included.
public enum CommandLineParser {
    /// The parsed words, or a `UsageError` naming the first word that does not fit.
    public static func parse(_ words: [String], as command: CommandSpec) throws -> ParsedArguments {
        var parsed = ParsedArguments(command: command)
        var index = 0, onlyPositionals = false
        func fail(_ message: String) -> UsageError { UsageError(message: message, command: command) }
        func take(_ option: OptionSpec, inline: String?) throws {
            if !option.takesValue {
                if inline != nil { throw fail("The flag '--\(option.long)' does not take a value") }
                parsed.flags.insert(option.long)
                return
            }
            let value: String
            if let inline {
                value = inline
            } else {
                guard index + 1 < words.count, !isOptionLike(words[index + 1]) else {
                    throw fail("Missing value for '\(option.synopsis)'")
                }
                index += 1
                value = words[index]
            }
            parsed.values[option.long, default: []].append(value)
        }
        while index < words.count {
            let word = words[index]
            if onlyPositionals || !isOptionLike(word) {
                parsed.positionals.append(word)
            } else if word == "--" {
                onlyPositionals = true
            } else if word.hasPrefix("--") {
                let body = word.dropFirst(2)
                let name = String(body.prefix { $0 != "=" })
                let inline = body.contains("=") ? String(body.drop { $0 != "=" }.dropFirst()) : nil
                guard let option = command.option(long: name) else { throw fail("Unknown option '--\(name)'") }
                try take(option, inline: inline)
            } else {
                // `-q`, `-j 2`, `-j2`, or bundled flags `-qf`.
                var letters = Array(word.dropFirst())
                while !letters.isEmpty {
                    let letter = letters.removeFirst()
                    guard let option = command.option(short: letter) else { throw fail("Unknown option '-\(letter)'") }
                    if option.takesValue {
                        try take(option, inline: letters.isEmpty ? nil : String(letters))
                        letters = []
                    } else {
                        try take(option, inline: nil)
                    }
                }
            }
            index += 1
        }
        let allowed = command.arguments.contains { $0.repeats } ? Int.max : command.arguments.count
        if parsed.positionals.count > allowed {
            throw fail("Unexpected argument '\(parsed.positionals[allowed])'")
        }
        return parsed
    }

    /// `-x` or `--name`, but not `-` alone nor a negative number (`--param delta=-3` is a value).
    public static func isOptionLike(_ word: String) -> Bool {
        guard word.hasPrefix("-"), word.count > 1 else { return false }
        return !(word.dropFirst().first.map { $0.isNumber || $0 == "." } ?? false)
    }
}

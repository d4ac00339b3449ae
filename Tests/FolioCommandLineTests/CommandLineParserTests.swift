import FolioCommandLine
import Testing
import TestSupport

/// The parser reads the spellings users type, and refuses what does not fit with the usage error
/// `folio` prints (exit 2).
@Suite struct CommandLineParserTests {
    let command = CommandSpec(
        name: "demo", abstract: "A demo.",
        arguments: [ArgumentSpec(name: "name", help: "A name.")],
        options: [
            .option("output", short: "o", value: "dir", help: "Where."),
            .option("data", value: "file", repeats: true, help: "Inputs."),
            .option("jobs", short: "j", help: "How many."),
            .flag("quiet", short: "q", help: "Hush."),
            .flag("force", short: "f", help: "Anyway."),
        ])

    func parse(_ words: [String]) throws -> ParsedArguments { try CommandLineParser.parse(words, as: command) }

    func usageError(_ words: [String]) -> String {
        (expect(throws: UsageError.self) { _ = try parse(words) })?.text ?? ""
    }

    @Test func readsEverySpelling() throws {
        let a = try parse(["--output", "out", "--data=a.txt", "--data", "b.txt", "-j2", "-qf", "x"])
        expectEqual(a.value("output"), "out")
        expectEqual(a.repeated("data"), ["a.txt", "b.txt"])
        expectEqual(try a.number("jobs", as: Int.self), 2)
        expect(a.flag("quiet") && a.flag("force"))
        expectEqual(a.positionals, ["x"])
        let b = try parse(["-o", "elsewhere", "-j", "3", "--", "--not-an-option"])
        expectEqual(b.value("output"), "elsewhere")
        expectEqual(try b.number("jobs", as: Int.self), 3)
        expect(!b.flag("quiet"))
        expectEqual(b.positionals, ["--not-an-option"])
        // A negative number is a value, not an option.
        expectEqual(try parse(["--jobs", "-1"]).number("jobs", as: Int.self), -1)
        expectEqual(try parse([]).number("jobs", as: Int.self), nil)
    }

    @Test func refusesWhatDoesNotFitWithTheUsageLine() throws {
        let unknown = usageError(["--colour"])
        expect(unknown.hasPrefix("Error: Unknown option '--colour'\nUsage: folio demo [<name>] [--output <dir>] [--data <file> ...]"), "\(unknown)")
        expect(unknown.contains("See 'folio demo --help'"), "\(unknown)")
        expect(usageError(["-z"]).hasPrefix("Error: Unknown option '-z'"))
        expect(usageError(["--output"]).hasPrefix("Error: Missing value for '--output <dir>'"))
        expect(usageError(["--output", "--quiet"]).hasPrefix("Error: Missing value for '--output <dir>'"))
        expect(usageError(["--quiet=yes"]).hasPrefix("Error: The flag '--quiet' does not take a value"))
        expect(usageError(["one", "two"]).hasPrefix("Error: Unexpected argument 'two'"))
        let malformed = (expect(throws: UsageError.self) { _ = try parse(["--jobs", "many"]).number("jobs", as: Int.self) })?.message
        expectEqual(malformed, "The value 'many' is invalid for '--jobs <jobs>'")
    }

    @Test func helpListsEveryOptionWithinEightyColumns() {
        let help = HelpText.of(command)
        expect(help.hasPrefix("OVERVIEW: A demo.\n\nUSAGE: folio demo "), "\(help)")
        for option in command.options { expect(help.contains("  " + option.label), "\(option.label) in \(help)") }
        expect(help.contains("  <name>"))
        expect(help.contains("  -h, --help"))
        let long = CommandSpec(name: "wide", abstract: String(repeating: "word ", count: 40),
                               options: [.option("an-option-with-a-very-long-name", value: "placeholder", help: String(repeating: "help ", count: 30))])
        let wide = HelpText.of(long)
        for line in wide.split(separator: "\n") where !line.hasPrefix("USAGE:") { expect(line.count <= 80, "\(line.count): \(line)") }
        // A label too wide for its column puts the help on the next line, in the column.
        expect(wide.contains("  --an-option-with-a-very-long-name <placeholder>\n                          help help"), "\(wide)")
        let root = HelpText.root(abstract: "Tool.", discussion: "", commands: [command, long])
        expect(root.contains("  demo (default)") && root.contains("  wide "), "\(root)")
    }
}

import Foundation
import Testing
import TestSupport
import EndToEndSupport
import FolioRunner

/// One bad input from `Tests/Corpus/<name>/`: its files and what `folio run` must say about it.
struct CorpusCase: CustomTestStringConvertible, Sendable {
    var name: String
    var folder: String
    var exitCode: Int32
    var expected: [String]
    /// The case's input files (all but `expected.txt`), sorted.
    var files: [String]
    var testDescription: String { name }

    static let root = TestProject.repositoryRoot + "/Tests/Corpus"

    static let all: [CorpusCase] = {
        let fm = FileManager.default
        let names = ((try? fm.contentsOfDirectory(atPath: root)) ?? []).filter {
            fm.fileExists(atPath: root + "/" + $0 + "/expected.txt")
        }.sorted()
        return names.map { name in
            let text = (try? String(contentsOfFile: root + "/" + name + "/expected.txt", encoding: .utf8)) ?? ""
            var code: Int32 = -1
            var expected: [String] = []
            for line in text.split(separator: "\n").map(String.init) where !line.isEmpty {
                if line.hasPrefix("exit: ") { code = Int32(line.dropFirst(6)) ?? -1 } else { expected.append(line) }
            }
            let files = ((try? fm.contentsOfDirectory(atPath: root + "/" + name)) ?? []).filter { $0 != "expected.txt" }.sorted()
            return CorpusCase(name: name, folder: root + "/" + name, exitCode: code, expected: expected, files: files)
        }
    }()

    /// The analysis the case's files belong to.
    var analysis: String { files.contains { $0.hasPrefix("penguins") } ? "penguins" : "state-briefing" }

    /// Whether the case runs through the `folio` binary (see `CorpusTests`): the notebook cases,
    /// and the first case of each other family (the word before the first `-` of its name).
    var runsAsProcess: Bool {
        let family = name.prefix { $0 != "-" }
        return family == "notebook" || CorpusCase.all.first { $0.name.prefix { $0 != "-" } == family }?.name == name
    }

    /// Sets the case up in a new project over a seeded output, makes `attempt` (a run the case's
    /// input must stop: its exit code and message), and checks the refusal and that the output
    /// is byte for byte as it was.
    func expectRefused(_ attempt: (_ project: TestProject, _ output: String, _ arguments: (command: [String], dataFile: String?))
                        throws -> (code: Int32, message: String)) throws {
        let project = try TestProject()
        defer { project.remove() }
        let out = project.root + "/out"
        try TestProject.seedOutput(out, analysis: analysis)
        let before = TestProject.outputSnapshot(out)
        let (code, message) = try attempt(project, out, try install(into: project, output: out))
        expectEqual(code, exitCode, "\(name): exit \(code): \(message)")
        expectClearMessage(message)
        expectEqual(TestProject.outputSnapshot(out), before, "\(name): the output folder changed")
        expect(TestProject.stagingLeftovers(out).isEmpty, "\(name): staging left behind")
    }

    /// Checks a refusal's message: every expected substring, and none of what a crash or a
    /// non-finite number prints.
    func expectClearMessage(_ message: String) {
        for needle in expected {
            expect(message.contains(needle), "\(name): the message should contain \(needle.debugDescription): \(message)")
        }
        for bad in ["nan", "inf ", "Fatal error", "Swift runtime failure"] {
            expect(!message.contains(bad), "\(name): \(bad) in \(message)")
        }
    }

    /// Puts the case's files into `project` and returns the `folio run` arguments, a run of the
    /// analysis the files belong to (that a failure in one analysis writes none of the others is
    /// `RunEndToEndTests`' to show, once, not every case's), and the data file they name.
    func install(into project: TestProject, output: String) throws -> (command: [String], dataFile: String?) {
        let fm = FileManager.default
        var arguments = ["run", "--analysis", analysis, "--output", output]
        var dataFile: String?
        for file in files {
            let destination: String
            if file == "briefing.md" {
                destination = "Analyses/StateBriefing/briefing.md"
            } else if file == "penguins.md" {
                destination = "Analyses/Penguins/penguins.md"
            } else if file.hasSuffix(".csv") {
                destination = "Analyses/Data/" + file
            } else {
                destination = "Analyses/Data/" + file
                arguments += ["--data", destination]
                dataFile = destination
            }
            try? fm.removeItem(atPath: project.root + "/" + destination)
            try fm.copyItem(atPath: folder + "/" + file, toPath: project.root + "/" + destination)
        }
        return (arguments, dataFile)
    }
}

/// Every bad input in the corpus is refused with exit 1 (never 0, never a signal, never a hang),
/// a message naming the file and position and saying what was expected, and the previous output
/// left byte for byte as it was. Most cases run in this process, through the session a
/// `folio run` makes (the error, its exit code and the write are the session's; the command adds
/// only the printing). The notebook cases, and the first case of every other family, run
/// through the real `folio` binary: a notebook case compiles its own variant of the notebook,
/// which must not be loaded beside the real one, and one process run per family proves the
/// command prints what the session says.
@Suite struct CorpusTests {
    @Test func theCorpusHasEnoughCases() {
        expect(CorpusCase.all.count >= 25)
        expect(CorpusCase.all.allSatisfy { $0.exitCode == 1 && !$0.expected.isEmpty })
        expect(CorpusCase.all.contains { $0.runsAsProcess } && CorpusCase.all.contains { !$0.runsAsProcess })
    }

    @Test(arguments: CorpusCase.all.filter(\.runsAsProcess))
    func badInputIsRefusedClearlyByFolio(_ c: CorpusCase) throws {
        let exe = try require(folioExecutable())
        try c.expectRefused { project, _, arguments in
            let result = try runWithDeadline(exe, arguments.command, in: project.root)
            expect(!result.timedOut, "\(c.name): folio hung")
            expect(!result.signalled, "\(c.name): folio crashed with signal \(result.status): \(result.err)")
            return (result.status, result.err)
        }
    }

    @Test(.timeLimit(.minutes(1)), arguments: CorpusCase.all.filter { !$0.runsAsProcess })
    func badInputIsRefusedClearly(_ c: CorpusCase) throws {
        try c.expectRefused { project, out, arguments in
            let error = try require(expect(throws: FolioError.self) {
                _ = try FolioSession(analysis: c.analysis, output: out, from: project.root).run(dataFile: arguments.dataFile)
            })
            return (error.exitCode, error.description)
        }
    }
}

import Foundation
import Testing
import TestSupport
import EndToEndSupport

/// Notebooks through the real `folio`: a new folder is a new analysis, errors in cells point at
/// the notebook's own lines, prose edits compile nothing, parameters make briefings of their own.
@Suite struct NotebookEndToEndTests {
    /// A project with a copy of the penguins notebook as `Analyses/<folder>/`.
    func projectWithCopy(_ folder: String = "PenguinsCopy") throws -> TestProject {
        let project = try TestProject()
        try FileManager.default.copyItem(atPath: project.root + "/Analyses/Penguins", toPath: project.root + "/Analyses/\(folder)")
        return project
    }

    func folio(_ arguments: [String], in project: TestProject) throws -> ProcessOutcome {
        try runWithDeadline(try require(folioExecutable()), arguments, in: project.root, seconds: 120)
    }

    /// The 1-based line of the first line of `text` that contains `needle`.
    func line(of needle: String, in text: String) throws -> Int {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        return try require(lines.firstIndex { $0.contains(needle) }) + 1
    }

    @Test func aCopiedNotebookFolderIsANewAnalysisWithNoOtherEdit() throws {
        let project = try projectWithCopy()
        defer { project.remove() }
        let list = try folio(["list"], in: project)
        expectEqual(list.status, 0, "\(list.err)")
        expect(list.out.contains("penguins-copy"))
        let run = try folio(["run", "--analysis", "penguins-copy", "--dpi", "72", "--output", "out"], in: project)
        expectEqual(run.status, 0, "\(run.err)")
        let md = try project.read("out/penguins-copy/biscoe/briefing.md")
        expect(md.contains("344 penguins"))
        for chart in ["island-species", "body-mass", "bill-shape"] {
            expect(FileManager.default.fileExists(atPath: project.root + "/out/penguins-copy/biscoe/charts/\(chart).png"))
        }
        // The cells' code is not in the briefing unless echoed; the echoed cell is, without its options.
        let narrative = try require(md.components(separatedBy: "## Methods and sources").first)
        expect(!md.contains("//| step"))
        expect(narrative.contains("let onIsland = try penguins.filter(\"island\", equals: island)"))
        expect(!narrative.contains("try run.set(\"penguins.count\""))
        // `methods-code: true`: every step's code is in the methods appendix, under its cell.
        expect(md.contains("### Step load (cell at penguins.md:"))
        expectEqual(md.components(separatedBy: "## Methods and sources").last?.contains("try run.set(\"penguins.count\""), true)
    }

    /// The README's complete example, pasted as a reader would: a folder, a CSV and a notebook.
    @Test func theReadmeExampleRunsAsWritten() throws {
        let readme = try String(contentsOfFile: TestProject.repositoryRoot + "/README.md", encoding: .utf8)
        let section = try require(readme.components(separatedBy: "### A complete example").dropFirst().first)
        func block(after fence: String, closing: String) throws -> String {
            let start = try require(section.range(of: fence + "\n"))
            let end = try require(section.range(of: "\n" + closing + "\n", range: start.upperBound..<section.endIndex))
            return String(section[start.upperBound..<end.lowerBound]) + "\n"
        }
        let project = try TestProject()
        defer { project.remove() }
        try FileManager.default.createDirectory(atPath: project.root + "/Analyses/Orchard", withIntermediateDirectories: true)
        try project.write("Analyses/Orchard/trees.csv", try block(after: "```csv", closing: "```"))
        try project.write("Analyses/Orchard/orchard.md", try block(after: "````markdown", closing: "````"))
        let list = try folio(["list"], in: project)
        expect(list.out.contains("orchard"))
        let north = try folio(["run", "--analysis", "orchard", "--output", "out"], in: project)
        expectEqual(north.status, 0, "\(north.err)")
        let md = try project.read("out/orchard/north/briefing.md")
        expect(md.contains("We counted apples on 4 trees."))
        expect(md.contains("The north block holds 50.0% of the trees"))
        expect(md.contains("an apple weighs 169.0 g on average"), "the empty weight is left out: (152 + 180 + 175) / 3")
        let south = try folio(["run", "--analysis", "orchard", "--param", "block=south", "--output", "out"], in: project)
        expectEqual(south.status, 0, "\(south.err)")
        expect(try project.read("out/orchard/south/briefing.md").contains("The south block holds 50.0%"))
    }

    @Test func aCompileErrorPointsAtTheNotebookLineAndWritesNothing() throws {
        let project = try projectWithCopy()
        defer { project.remove() }
        let path = "Analyses/PenguinsCopy/penguins.md"
        var text = try project.read(path)
        text = text.replacingOccurrences(of: "let everyone = penguins.countFigure(", with: "let everyone: Int = penguins.countFigure(")
        try project.write(path, text)
        let out = project.root + "/out"
        try TestProject.seedOutput(out)
        let before = TestProject.outputSnapshot(out)
        let result = try folio(["run", "--output", "out"], in: project)
        expectEqual(result.status, 1)
        let line = try line(of: "let everyone: Int", in: text)
        expect(result.err.contains("\(path):\(line):30: error: cannot convert value of type 'Figure' to specified type 'Int'"), "\(result.err)")
        expect(result.err.contains("let everyone: Int = penguins.countFigure(label: \"Penguins in the study\")\n                    ~~~~~~~~~^"), "source line and caret: \(result.err)")
        expect(result.err.contains("nothing was written"))
        expectEqual(TestProject.outputSnapshot(out), before)
    }

    @Test func anErrorACellThrowsNamesTheCellAndItsStep() throws {
        let project = try projectWithCopy()
        defer { project.remove() }
        let path = "Analyses/PenguinsCopy/penguins.md"
        var text = try project.read(path)
        text = text.replacingOccurrences(of: "let onIsland = try penguins.filter(\"island\",", with: "let onIsland = try penguins.filter(\"islnd\",")
        try project.write(path, text)
        let result = try folio(["run", "--analysis", "penguins-copy", "--output", "out"], in: project)
        expectEqual(result.status, 1)
        expect(result.err.contains("Analyses/Data/penguins.csv: error: no column `islnd`; did you mean `island`?"), "\(result.err)")
        let fence = try line(of: "//| step: island", in: text) - 1
        expect(result.err.contains("\(path):\(fence):1: note: raised in step 'island'"), "\(result.err)")
        expect(!FileManager.default.fileExists(atPath: project.root + "/out/penguins-copy"))
    }

    @Test func aCellThatTrapsIsNamedAndNothingIsWritten() throws {
        let project = try projectWithCopy()
        defer { project.remove() }
        let path = "Analyses/PenguinsCopy/penguins.md"
        let needle = "let species = try penguins.values(of: \"species\")"
        let text = try project.read(path).replacingOccurrences(of: needle, with: needle + "\n_ = species[species.count]")
        try project.write(path, text)
        let out = project.root + "/out"
        try TestProject.seedOutput(out)
        let before = TestProject.outputSnapshot(out)
        let result = try folio(["run", "--output", "out"], in: project)
        expectEqual(result.status, 1, "a failed runtime check in a cell is the notebook's error, exit 1: \(result.err)")
        expect(!result.signalled)
        expect(result.err.contains("Index out of range"), "Swift's own message stays: \(result.err)")
        let fence = try line(of: "//| step: load", in: text) - 1
        expect(result.err.contains("\(path):\(fence):1: error: the cell of step 'load' stopped the program"), "\(result.err)")
        expectEqual(TestProject.outputSnapshot(out), before)
    }

    @Test func aBadCellOptionIsLocated() throws {
        let project = try projectWithCopy()
        defer { project.remove() }
        let path = "Analyses/PenguinsCopy/penguins.md"
        let text = try project.read(path).replacingOccurrences(of: "//| echo: true", with: "//| ecko: true")
        try project.write(path, text)
        let result = try folio(["run", "--output", "out"], in: project)
        expectEqual(result.status, 1)
        let line = try line(of: "//| ecko", in: text)
        expect(result.err.contains("\(path):\(line):5: error: unknown cell option `ecko`"), "\(result.err)")
        expect(result.err.contains("did you mean `echo`?"))
    }

    @Test func aProseEditCompilesNothingAndACodeEditCompilesOnlyThatNotebook() throws {
        let project = try projectWithCopy()
        defer { project.remove() }
        let path = "Analyses/PenguinsCopy/penguins.md"
        // 72 dpi: what is compiled is tested, not pixels.
        let first = try folio(["run", "--dpi", "72", "--output", "out"], in: project)
        expectEqual(first.status, 0, "\(first.err)")
        try project.write(path, try project.read(path).replacingOccurrences(of: "## Who was measured", with: "## Who was counted"))
        let prose = try folio(["run", "--dpi", "72", "--output", "out"], in: project)
        expectEqual(prose.status, 0, "\(prose.err)")
        expect(!prose.err.contains("Compiling"), "a prose edit compiles nothing: \(prose.err)")
        expect(try project.read("out/penguins-copy/biscoe/briefing.md").contains("## Who was counted"))
        // A label no earlier run has compiled (the notebook cache is shared between runs of the suite).
        try project.write(path, try project.read(path).replacingOccurrences(
            of: "label: \"Share of the penguins that are \\(name)\"", with: "label: \"Share \(UUID().uuidString) \\(name)\""))
        let code = try folio(["run", "--dpi", "72", "--output", "out"], in: project)
        expectEqual(code.status, 0, "\(code.err)")
        expect(code.err.contains("Compiling notebook penguins-copy"))
        expect(!code.err.contains("Compiling notebook state-briefing") && !code.err.contains("Compiling notebook penguins ("))
    }

    @Test func aParameterMakesABriefingOfItsOwnAndIsPartOfTheManifest() throws {
        let project = try TestProject()
        defer { project.remove() }
        let run = try folio(["run", "--analysis", "penguins", "--param", "island=Dream", "--param", "island=Torgersen",
                             "--dpi", "72", "--output", "out"], in: project)
        expectEqual(run.status, 0, "\(run.err)")
        let dream = try project.read("out/penguins/dream/briefing.md")
        expect(dream.contains("## One island: Dream"))
        // Conditions word each island's species: Dream has no Gentoo, Torgersen only Adélie, so
        // neither prints "0.0% Gentoo" nor the Gentoo key figure.
        expect(dream.contains("Of the 124 penguins measured on Dream: no Gentoo, "), "\(dream)")
        expect(dream.contains("% Chinstrap penguins (Figure 1)"), "\(dream)")
        expect(!dream.contains("are Gentoo"))
        let torgersen = try project.read("out/penguins/torgersen/briefing.md")
        expect(torgersen.contains("Of the 52 penguins measured on Torgersen: no Gentoo, 100.0% Adélie and no Chinstrap penguins"), "\(torgersen)")
        let manifest = try project.read("out/manifest.json")
        expect(manifest.contains("\"param.island\" : \"Dream\""))
        let check = try folio(["check", "--analysis", "penguins", "--param", "island=Dream", "--dpi", "72", "--output", "out"], in: project)
        expectEqual(check.status, 0, "\(check.out)\(check.err)")
        let unknown = try folio(["run", "--analysis", "penguins", "--param", "islnd=Dream", "--output", "out"], in: project)
        expectEqual(unknown.status, 1)
        expect(unknown.err.contains("--param islnd: the analysis penguins has no parameter `islnd` (it declares: island)"))
    }
}

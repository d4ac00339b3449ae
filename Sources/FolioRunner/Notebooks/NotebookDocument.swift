import Foundation
import FolioReport

/// A notebook's Markdown file read for its code: the Swift cells in order, and the front-matter
/// keys that concern running them (`params:`, `echo:`, `data:`, `summary:`). The prose is read
/// later by the report assembler, like any narrative.
public struct NotebookDocument: Sendable {
    /// The file, relative to the project root (`Analyses/Penguins/penguins.md`).
    public var path: String
    public var cells: [NotebookCell]
    /// Declared parameters and their defaults, in the order written.
    public var parameters: [(name: String, defaultValue: String)]
    /// The data file used when `--data` is not given, if the front matter names one.
    public var defaultData: String?
    /// One line for `folio list` (the `summary:` key, else the title's literal text).
    public var summary: String
    /// True when the front matter says `uses:`: a narrative-only analysis, not a notebook.
    public var usesOtherAnalysis: Bool
    /// `methods-code: true`: the methods appendix shows the code of each step it lists.
    public var methodsCode: Bool = false

    /// Front-matter keys the runner reads from a notebook (the report reads the others).
    static let runnerKeys = ["params", "echo", "data", "summary", "methods-code"]
    /// Options a cell may set.
    static let cellOptions = ["step", "echo", "include"]

    /// Reads the notebook at `path` (project-relative) from `text`; every problem in the front
    /// matter or the cell options is reported at once, located in the file.
    public static func parse(_ text: String, path: String) throws(NarrativeError) -> NotebookDocument {
        let lines = Self.lines(of: text).map { $0.hasSuffix("\r") ? String($0.dropLast()) : String($0) }
        var problems: [Diagnostic] = []
        func problem(_ message: String, line: Int, column: Int = 1, length: Int = 1, suggestion: String? = nil) {
            problems.append(Diagnostic(file: path, position: SourcePosition(line: line, column: column), length: length,
                                       message: message, suggestion: suggestion,
                                       sourceLine: lines.indices.contains(line - 1) ? lines[line - 1] : ""))
        }

        // Front matter: the lines between a first-line `---` and the next `---`.
        var bodyStart = 0
        var yaml: [String] = []
        if lines.first?.trimmingCharacters(in: .whitespaces) == "---" {
            guard let end = lines.indices.dropFirst().first(where: { lines[$0].trimmingCharacters(in: .whitespaces) == "---" }) else {
                problem("unclosed front matter: expected a closing `---` line", line: 1, length: 3)
                throw NarrativeError(diagnostics: problems)
            }
            yaml = Array(lines[1..<end])
            bodyStart = end + 1
        }
        var document = NotebookDocument(path: path, cells: [], parameters: [], defaultData: nil, summary: "",
                                         usesOtherAnalysis: false)
        var echoDefault = false
        let entries: [RunnerFrontMatter.Entry]
        if yaml.isEmpty {
            entries = []
        } else if let read = RunnerFrontMatter.read(yaml, problem: problem) {
            entries = read
        } else {
            throw NarrativeError(diagnostics: problems)
        }
        for entry in entries {
            let line = entry.line
            switch entry.key {
            case "uses": document.usesOtherAnalysis = true
            case "summary": document.summary = entry.value
            case "title": if document.summary.isEmpty { document.summary = entry.value }
            case "data":
                if !entry.value.isEmpty { document.defaultData = entry.value }
                else { problem("bad front matter: `data` must be a file path", line: line) }
            case "echo", "methods-code":
                guard let flag = ["true": true, "false": false][entry.value] else {
                    problem("bad front matter: `\(entry.key)` must be `true` or `false`", line: line); continue
                }
                if entry.key == "echo" { echoDefault = flag } else { document.methodsCode = flag }
            case "params":
                for (key, at, column, value) in entry.children {
                    guard Self.isParameterName(key) else {
                        problem("bad front matter: parameter names are letters, digits and `_` (`\(key)`)", line: at,
                                column: column, length: max(1, key.count)); continue
                    }
                    document.parameters.append((key, value))
                }
            default: break
            }
        }

        // Cells: fenced blocks whose info string starts with `swift`, outside other fences.
        var i = bodyStart
        var steps: [String: Int] = [:]
        while i < lines.count {
            guard let fence = Fence(opening: lines[i]) else { i += 1; continue }
            var j = i + 1
            while j < lines.count, !fence.isClosed(by: lines[j]) { j += 1 }
            if fence.isSwift {
                let fenceLine = i + 1
                let body = Array(lines[(i + 1)..<min(j, lines.count)])
                var cell = NotebookCell(index: document.cells.count + 1, step: "cell-\(document.cells.count + 1)",
                                        echo: echoDefault, include: true, fenceLine: fenceLine, lines: body)
                for (k, raw) in body.enumerated() {
                    guard NotebookCell.isOptionLine(raw) else { break }
                    let line = fenceLine + 1 + k
                    let indent = raw.prefix(while: { $0 == " " || $0 == "\t" }).count
                    let option = raw.dropFirst(indent + 3)
                    guard let colon = option.firstIndex(of: ":") else {
                        problem("a cell option is written `//| name: value`", line: line, column: indent + 1, length: raw.count - indent)
                        continue
                    }
                    let name = option[..<colon].trimmingCharacters(in: .whitespaces)
                    let value = option[option.index(after: colon)...].trimmingCharacters(in: .whitespaces)
                    let column = indent + 4 + (option.prefix(while: { $0 == " " }).count)
                    switch name {
                    case "step":
                        guard Self.isStepName(value) else {
                            problem("a step name is letters, digits, `-`, `_` and `.` (`\(value)`)", line: line, column: column,
                                    length: raw.count - column + 1); continue
                        }
                        cell.step = value
                    case "echo", "include":
                        guard let flag = ["true": true, "false": false][value] else {
                            problem("`\(name)` must be `true` or `false`, not `\(value)`", line: line, column: column,
                                    length: raw.count - column + 1); continue
                        }
                        if name == "echo" { cell.echo = flag } else { cell.include = flag }
                    default:
                        problem("unknown cell option `\(name)`", line: line, column: column, length: max(1, name.count),
                                suggestion: NearMiss.suggestion(for: name, among: cellOptions))
                    }
                }
                if let earlier = steps[cell.step] {
                    problem("the step `\(cell.step)` is already the cell at line \(earlier); each cell is a step of its own",
                            line: fenceLine)
                }
                steps[cell.step] = fenceLine
                if j >= lines.count { problem("this Swift cell has no closing fence", line: fenceLine) }
                document.cells.append(cell)
            }
            i = j + 1
        }
        if !problems.isEmpty { throw NarrativeError(diagnostics: problems) }
        return document
    }

    static func isParameterName(_ s: String) -> Bool {
        guard let first = s.first, first.isLetter || first == "_" else { return false }
        return s.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_") }
    }

    static func isStepName(_ s: String) -> Bool {
        !s.isEmpty && s.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "-_.".contains($0)) }
    }
}

/// A Markdown code fence: its character, length and info string.
struct Fence {
    let character: Character
    let length: Int
    let info: String

    /// The fence a line opens, if it opens one (up to three spaces of indent, three or more
    /// backticks or tildes).
    init?(opening line: String) {
        let indent = line.prefix(while: { $0 == " " }).count
        guard indent <= 3 else { return nil }
        let rest = line.dropFirst(indent)
        guard let c = rest.first, c == "`" || c == "~" else { return nil }
        let run = rest.prefix(while: { $0 == c }).count
        guard run >= 3 else { return nil }
        let info = rest.dropFirst(run).trimmingCharacters(in: .whitespaces)
        if c == "`" && info.contains("`") { return nil }
        character = c; length = run; self.info = info
    }

    /// True for ` ```swift ` (the info string's first word is `swift`).
    var isSwift: Bool { info.split(separator: " ").first.map { $0.lowercased() == "swift" || $0 == "{swift}" } ?? false }

    func isClosed(by line: String) -> Bool {
        let indent = line.prefix(while: { $0 == " " }).count
        guard indent <= 3 else { return false }
        let rest = line.dropFirst(indent)
        let run = rest.prefix(while: { $0 == character }).count
        return run >= length && rest.dropFirst(run).allSatisfy { $0 == " " || $0 == "\t" }
    }
}

extension NotebookDocument {
    /// `text` cut at every `\n`, empty lines included; a `\r\n` ends a line too, its `\r` kept.
    /// Cut as bytes: `String.split(separator: "\n")` compares whole characters, which took
    /// about a millisecond a notebook (6.9 M instructions for the two, callgrind) and never
    /// cut at a `\r\n`, itself one character.
    static func lines(of text: String) -> [Substring] {
        text.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).map { Substring($0) }
    }

    /// The notebook's text as the report reads it: each cell that is not echoed becomes blank
    /// lines, and an echoed cell loses its option lines (its fence moves down to the last of
    /// them), so every line of prose keeps its number for located errors.
    public func narrative(from text: String) -> String {
        var lines = Self.lines(of: text).map(String.init)
        for cell in cells {
            let fence = cell.fenceLine - 1
            guard lines.indices.contains(fence) else { continue }
            let end = min(lines.count - 1, fence + cell.lines.count + 1)
            if cell.echo && cell.include {
                let options = cell.lines.prefix(while: NotebookCell.isOptionLine).count
                guard options > 0 else { continue }
                let opening = lines[fence]
                for k in fence..<(fence + options) { lines[k] = "" }
                lines[fence + options] = opening
            } else {
                for k in fence...end { lines[k] = "" }
            }
        }
        return lines.joined(separator: "\n")
    }
}

import Foundation
import FolioAnalysis
import FolioData
import FolioReport

/// The briefing's closing "Methods and sources" section, generated from the provenance of every
/// value the narrative cites, so it can never disagree with what was computed. Values are grouped
/// by the step that made them, one line each: name, value, interval, formula, source lines.
enum MethodsAppendix {
    /// How much the section says.
    enum Detail {
        /// Every cited value under its step: formula, interval, source lines.
        case full
        /// One paragraph naming the files and lines read, for a PDF held to a page limit; the
        /// HTML and Markdown keep the full section.
        case compact
    }

    /// The anchor of the section's heading.
    static let anchor = "sec-methods"

    /// Blocks to append after the narrative.
    static func blocks(for report: Report, run: AnalysisRun, detail: Detail = .full) -> [Block] {
        var seen = Set<String>()
        let cited = report.citedNames.filter { seen.insert($0).inserted && run[$0] != nil }
        var files: [String: Set<Int>] = [:]
        for name in cited { collectSources(name, run: run, into: &files, visited: []) }
        if detail == .compact { return compact(files, conditions: !report.conditions.isEmpty) }
        var byStep: [String: [[Block]]] = [:]
        for name in cited {
            guard let value = run[name] else { continue }
            var text = " = \(ValueFormatter.formatDefault(value))"
            if let i = value.interval {
                let style = ValueFormatter.intervalStyle(value.kind, near: value.number ?? 1)
                text += " (95% \(style.format(i.lower)) to \(style.format(i.upper)), \(i.method == .wilson ? "Wilson" : i.method == .studentT ? "Student t" : "exact Poisson"))"
            }
            text += ": \(value.provenance.formula)"
            let sources = FiguresTable.sources(value.provenance).map(shorten)
            if !sources.isEmpty { text += "; from \(sources.joined(separator: ", "))" }
            if let caveat = value.caveat { text += ". Caveat: \(caveat)" }
            byStep[value.provenance.step, default: []].append([.paragraph([.code(name), .text(text)])])
        }
        var blocks: [Block] = [
            .heading(.generated(level: 2, "Methods and sources", anchor: anchor)),
            .paragraph([.text("Every number in this briefing was computed by Folio from the files below; none was typed into the text. "
                + "Shares and ratios are taken only between figures that count the same thing over the same period. "
                + "Each value the text cites is listed under the step that computed it, with its formula and the source lines it rests on; "),
                .code("folio explain NAME"), .text(" prints the full chain.")]),
            .heading(.generated(level: 3, "Files and lines read", anchor: "sec-methods-files")),
            .list(.bullets(files.keys.sorted().map { file in
                let lines = (files[file] ?? []).sorted().map(String.init).joined(separator: ", ")
                return [.paragraph([.code(file), .text(": lines \(lines)")])]
            })),
        ]
        for step in run.steps where byStep[step] != nil {
            // A notebook's step is a cell: its heading says where, and its code follows when asked for.
            let cell = run.orderedResults.lazy.compactMap { $0.value.provenance.step == step ? $0.value.provenance.cell : nil }.first
            let place = cell.map { " (cell at \(shorten($0.file)):\($0.line))" } ?? ""
            blocks.append(.heading(.generated(level: 3, "Step \(step)\(place)", anchor: "sec-methods-step-\(step)")))
            if let code = run.cellCode[step] { blocks.append(.codeBlock(code)) }
            blocks.append(.list(.bullets(byStep[step] ?? [])))
        }
        if !report.conditions.isEmpty { blocks += conditionBlocks(report.conditions) }
        return blocks
    }

    /// "Text chosen by conditions": each condition, where it is written, what it found and which
    /// text it kept.
    private static func conditionBlocks(_ conditions: [ConditionOutcome]) -> [Block] {
        let items = conditions.map { c -> [Block] in
            let place = "\(shorten(c.file)):\(c.position.line)"
            let reach = c.reached ? "" : " (it sits in text another condition left out)"
            return [.paragraph([.code(c.condition), .text(" (\(place)) is \(c.holds ? "true" : "false"): \(c.reason); \(c.chosen)\(reach).")])]
        }
        return [
            .heading(.generated(level: 3, "Text chosen by conditions", anchor: "sec-methods-conditions")),
            .paragraph([.text("Where the narrative words a sentence differently for different data, the conditions below chose which words were printed.")]),
            .list(.bullets(items)),
        ]
    }

    /// The section as one paragraph naming the files and lines read.
    private static func compact(_ files: [String: Set<Int>], conditions: Bool) -> [Block] {
        var inlines: [Inline] = [.text("Every number here was computed by Folio from ")]
        let read = files.keys.sorted()
        for (k, file) in read.enumerated() {
            if k > 0 { inlines.append(.text(k == read.count - 1 ? " and " : ", ")) }
            let lines = (files[file] ?? []).sorted().map(String.init).joined(separator: ", ")
            inlines += [.code(shorten(file)), .text(" (lines \(lines))")]
        }
        inlines += [.text("; none was typed into the text. The HTML and Markdown versions list each value's formula "
            + (conditions ? "and source lines and which wording each condition chose, and " : "and source lines, and ")),
            .code("folio explain NAME"), .text(" prints the full chain.")]
        return [.heading(.generated(level: 2, "Methods and sources", anchor: anchor)), .paragraph(inlines)]
    }

    /// `blocks` with the methods section (from the last heading at `anchor` to the end) replaced
    /// by `section`.
    static func replacingSection(in blocks: [Block], with section: [Block]) -> [Block] {
        let start = blocks.lastIndex { if case .heading(let h) = $0 { h.anchor == anchor } else { false } } ?? blocks.endIndex
        return Array(blocks[..<start]) + section
    }

    /// `Analyses/Data/population-2023.csv:26` → `population-2023.csv:26`.
    private static func shorten(_ source: String) -> String {
        source.split(separator: "/").last.map(String.init) ?? source
    }

    /// Adds the file and line of every published figure under `name`, following derived results.
    private static func collectSources(_ name: String, run: AnalysisRun, into files: inout [String: Set<Int>], visited: Set<String>) {
        guard !visited.contains(name), let value = run[name] else { return }
        for input in value.provenance.inputs {
            switch input {
            case .figure(let f): files[f.source.file, default: []].insert(f.source.line)
            case .source(let loc, _): files[loc.file, default: []].insert(loc.line)
            case .result(let r): collectSources(r, run: run, into: &files, visited: visited.union([name]))
            }
        }
    }
}

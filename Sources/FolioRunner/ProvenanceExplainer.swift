import FolioAnalysis
import FolioData
import FolioFormat
import Foundation

/// `folio explain NAME`: the chain from a result down to the source lines it rests on.
public enum ProvenanceExplainer {
    public static func explain(_ name: String, in results: [String: ResultValue]) -> String? {
        guard results[name] != nil else { return nil }
        var lines: [String] = []
        var seen: Set<String> = []
        walk(name, results, depth: 0, &lines, &seen)
        return lines.joined(separator: "\n") + "\n"
    }

    /// The results that print as `text` in some form the narrative can ask for (default,
    /// count, percent with 0–3 decimals, one or two decimals), so `folio explain 668.7` works.
    public static func names(printing text: String, in results: [(name: String, value: ResultValue)]) -> [String] {
        let wanted = text.trimmingCharacters(in: .whitespaces)
        guard !wanted.isEmpty else { return [] }
        return results.filter { _, value in
            guard let n = value.number else { return value.text == wanted }
            var forms = [ValueFormatter.formatDefault(value), NumberStyle.count.format(n),
                         NumberStyle.decimal(places: 1).format(n), NumberStyle.decimal(places: 2).format(n)]
            if value.kind == .proportion { forms += (0...3).map { NumberStyle.percent(places: $0).format(n) } }
            return forms.contains(wanted) || forms.contains { $0.hasPrefix(wanted + " ") }
        }.map(\.name)
    }

    private static func walk(_ name: String, _ results: [String: ResultValue], depth: Int,
                             _ lines: inout [String], _ seen: inout Set<String>) {
        let pad = String(repeating: "  ", count: depth)
        guard let v = results[name] else { lines.append("\(pad)\(name): (unknown)"); return }
        var head = "\(pad)\(name) = \(ValueFormatter.formatDefault(v))"
        if let i = v.interval {
            let style = ValueFormatter.intervalStyle(v.kind, near: v.number ?? 1)
            head += "  [95% \(style.format(i.lower)) to \(style.format(i.upper)), \(i.methodDescription)]"
        }
        lines.append(head)
        lines.append("\(pad)  \(v.label)")
        let cell = v.provenance.cell.map { " (cell at \($0.file):\($0.line))" } ?? ""
        lines.append("\(pad)  step '\(v.provenance.step)'\(cell): \(v.provenance.formula)")
        if let c = v.caveat { lines.append("\(pad)  caveat: \(c)") }
        guard seen.insert(name).inserted else { return }
        for input in v.provenance.inputs {
            switch input {
            case .figure(let f):
                let value = f.value.map { FiguresTable.plain($0) } ?? "not reported"
                lines.append("\(pad)  ← \(f.source): \(f.geography) \(f.measure) = \(value) \(f.unit) (\(f.period), \(f.qualifier))")
                if !f.excerpt.isEmpty { lines.append("\(pad)      \"\(f.excerpt)\"") }
            case .result(let r):
                walk(r, results, depth: depth + 1, &lines, &seen)
            case .source(let loc, let d):
                lines.append("\(pad)  ← \(loc): \(d)")
            }
        }
    }
}

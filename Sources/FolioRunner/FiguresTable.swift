import Foundation
import FolioAnalysis
import FolioData
import FolioFormat

/// `figures.csv`: every value the run produced, with its interval, formula and sources, so any
/// number in the briefing can be traced without running Folio.
public enum FiguresTable {
    public static let header = ["name", "label", "kind", "value", "lower", "upper", "interval_method", "qualifier",
                                "step", "cell", "formula", "sources", "caveat"]

    public static func csv(_ results: [(name: String, value: ResultValue)]) -> String {
        var lines = [header.joined(separator: ",")]
        for (name, v) in results {
            let number = v.number.map(plain) ?? (v.kind == .text ? (v.text ?? "") : "")
            let fields: [String] = [
                name, v.label, kindName(v.kind), number,
                v.interval.map { plain($0.lower) } ?? "", v.interval.map { plain($0.upper) } ?? "",
                v.interval?.method.rawValue ?? "", v.qualifier.rawValue, v.provenance.step,
                v.provenance.cell.map { "\($0.file):\($0.line)" } ?? "", v.provenance.formula,
                sources(v.provenance).joined(separator: "; "), v.caveat ?? "",
            ]
            lines.append(fields.map(escape).joined(separator: ","))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// `file:line` of each direct input, or the result names it was derived from.
    static func sources(_ p: Provenance) -> [String] {
        p.inputs.map {
            switch $0 {
            case .figure(let f): return "\(f.source.file):\(f.source.line)"
            case .result(let n): return n
            case .source(let loc, _): return "\(loc.file):\(loc.line)"
            }
        }
    }

    static func kindName(_ k: ValueKind) -> String {
        switch k {
        case .count(let u): return "count(\(u.name))"
        case .proportion: return "proportion"
        case .rate(let per, let pop): return "rate(per \(Int(per)) \(pop))"
        case .ratio: return "ratio"
        case .mean(let u): return "mean(\(u.name))"
        case .text: return "text"
        }
    }

    /// Full precision without exponent or locale: up to 10 significant decimals, trailing zeros cut.
    static func plain(_ v: Double) -> String {
        var s = USNumberFormatter.grouped(v, places: 10).replacingOccurrences(of: ",", with: "")
        if s.contains(".") {
            while s.hasSuffix("0") { s.removeLast() }
            if s.hasSuffix(".") { s.removeLast() }
        }
        return s
    }

    static func escape(_ field: String) -> String {
        guard field.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" }) else { return field }
        return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}

import FolioCharts
import FolioFormat
import FolioReport
import FolioScene

/// A resolver over a few NCMEC-like values, with the filters the real one offers.
struct FakeResolver: InlineValueResolver {
    enum Value { case text(String), number(Double, interval: ClosedRange<Double>?), notReported }
    let values: [String: Value] = [
        "state.name": .text("Mississippi"),
        "missing.cases": .number(412, interval: nil),
        "missing.socialServicesShare": .number(0.699, interval: 0.652...0.743),
        "national.socialServicesShare": .number(0.777, interval: nil),
        "cybertipline.reports": .number(4546, interval: nil),
        "cybertipline.perThousand": .number(6.6874, interval: nil),
        "trafficking.engagements": .number(0, interval: nil),
        "byState.reports": .notReported,
    ]

    /// Proportions are the names ending in `Share`; counts of reports the `reports` names; rates
    /// `perThousand`; other numbers are counts of cases.
    func operand(name: String) throws(InlineResolutionError) -> ConditionOperand {
        guard let value = values[name] else { throw .unknownName }
        let kind: ConditionOperand.Kind = name.hasSuffix("Share") ? .proportion
            : name.hasSuffix("reports") ? .number(description: "a count of reports")
            : name.hasSuffix("perThousand") ? .number(description: "a rate per 1,000 children")
            : .number(description: "a count of cases")
        switch value {
        case .text(let s): return ConditionOperand(kind: .text, text: s, shown: s)
        case .number(let v, _):
            let shown = kind == .proportion ? NumberStyle.percent(places: 1).format(v) : NumberStyle.count.format(v)
            return ConditionOperand(kind: kind, number: v, shown: shown)
        case .notReported: return ConditionOperand(kind: kind, shown: "not reported")
        }
    }
    static let filters = ["count", "percent", "decimals", "interval", "upper"]

    var availableNames: [String] { Array(values.keys) }

    func resolve(name: String, filters: [FilterCall]) throws(InlineResolutionError) -> String {
        guard let value = values[name] else { throw .unknownName }
        var text: String
        switch value {
        case .text(let s): text = s
        case .number(let v, _): text = NumberStyle.decimal(places: 1).format(v)
        case .notReported: return "not reported"
        }
        for f in filters {
            guard Self.filters.contains(f.name) else { throw .unknownFilter(name: f.name, known: Self.filters) }
            if f.name == "upper" { text = text.uppercased(); continue }
            guard case .number(let v, let interval) = value else {
                throw .filterMismatch(filter: f.name, message: "`\(name)` is text, not a number")
            }
            switch f.name {
            case "count": text = NumberStyle.count.format(v)
            case "percent": text = NumberStyle.percent(places: 1).format(v)
            case "decimals":
                guard let p = f.argument.flatMap(Int.init) else {
                    throw .filterMismatch(filter: f.name, message: "expects a whole number of places")
                }
                text = NumberStyle.decimal(places: p).format(v)
            case "interval":
                guard let i = interval else {
                    throw .filterMismatch(filter: f.name, message: "`\(name)` has no interval")
                }
                text = "95% CI " + NumberStyle.percent(places: 1).format(i.lowerBound) + "–"
                    + NumberStyle.percent(places: 1).format(i.upperBound)
            default: break
            }
        }
        return text
    }
}

/// Width = 0.5 × size × characters (tags stripped), line height 1.2 × size (+ line spacing),
/// wrapping by character count.
struct FakeMeasurer: TextMeasurer {
    func measure(_ text: TextItem) -> TextMetrics {
        let raw: String
        switch text.content {
        case .plain(let s): raw = s
        case .markup(let s): raw = Self.stripTags(s)
        }
        let size = text.font.size
        let charWidth = 0.5 * size
        let lineHeight = 1.2 * size + text.lineSpacing * size
        var lines: [Int] = []
        for paragraph in raw.split(separator: "\n", omittingEmptySubsequences: false) {
            guard let width = text.width else { lines.append(paragraph.count); continue }
            let perLine = max(1, Int(width / charWidth))
            var current = 0
            for word in paragraph.split(separator: " ") {
                let w = word.count
                if current == 0 { current = w } else if current + 1 + w <= perLine { current += 1 + w } else {
                    lines.append(current); current = w
                }
                while current > perLine { lines.append(perLine); current -= perLine }
            }
            lines.append(current)
        }
        let widest = Double(lines.max() ?? 0) * charWidth
        return TextMetrics(width: widest, height: Double(lines.count) * lineHeight, baseline: 0.9 * size,
                           lineCount: lines.count)
    }

    static func stripTags(_ s: String) -> String {
        var out = "", inTag = false
        for c in s {
            if c == "<" { inTag = true } else if c == ">" { inTag = false } else if !inTag { out.append(c) }
        }
        return out.replacingEntities()
    }
}

extension String {
    func replacingEntities() -> String {
        var s = self
        for (e, r) in [("&lt;", "<"), ("&gt;", ">"), ("&quot;", "\""), ("&#39;", "'"), ("&amp;", "&")] {
            s = s.split(separator: e, omittingEmptySubsequences: false).joined(separator: r)
        }
        return s
    }
}

enum Fixtures {
    static let composition = Chart(
        id: "missing-composition", title: "Most missing children in Mississippi had run from care",
        source: "Source: NCMEC 2023 state fact sheet",
        mark: .stackedBars(StackedBarMark(categories: ["Mississippi"], segments: [
            Series(name: "Endangered runaway (care)", values: [0.699], emphasized: true),
            Series(name: "Other", values: [0.301]),
        ], axis: ValueAxis(title: "Share of cases", style: .percent(places: 0)), normalized: true)),
        altText: "A bar showing 69.9% of missing children ran from social services care.")

    static let reports = Chart(
        id: "cybertipline-rank", title: "Reports per 1,000 children, by state",
        source: "Source: NCMEC CyberTipline 2023",
        mark: .rankedDots(RankedDotMark(items: [RankedItem(label: "Mississippi", value: 6.7, highlighted: true)],
                                         axis: ValueAxis(title: "Reports per 1,000"))),
        altText: "Mississippi ranks in the middle.")

    static let charts: [String: Chart] = [composition.id: composition, reports.id: reports]

    static let briefing = """
    ---
    title: "Missing and exploited children in {{ state.name }}, 2023"
    subtitle: "What NCMEC's 2023 fact sheet says about {{ state.name }}"
    date: March 2024
    author: Folio briefing desk
    keywords: [NCMEC, "{{ state.name }}", missing children]
    ---
    ## Missing children

    NCMEC handled **{{ missing.cases | count }}** missing-child cases from {{ state.name }} in 2023. \
    {{ missing.socialServicesShare | percent }} of them ({{ missing.socialServicesShare | interval }}) \
    were endangered runaways from social services care (see @fig-missing-composition).

    ![Most missing children in {{ state.name }} had run from care](chart:missing-composition)

    ## Exploitation reports

    | Measure | {{ state.name }} |
    |---|---|
    | CyberTipline reports | {{ cybertipline.reports | count }} |
    | Per 1,000 children | {{ cybertipline.perThousand | decimals(1) }} |

    - Reports are counted by the *apparent* location of the upload.
    - See [the fact sheet](https://www.missingkids.org/ourwork/ncmecdata) for definitions.

    > Counts below 10 are suppressed in the fact sheet.

    """
}

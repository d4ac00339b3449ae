import FolioAnalysis
import FolioCharts
import FolioData
import FolioFormat
import FolioScene

/// The briefing's charts, built from the steps' results so titles and values never disagree
/// with the prose.
enum BriefingCharts {
    static let sheetSource = "Source: NCMEC, state fact sheet 2023"
    static let censusSource = "US Census Bureau, Vintage 2023 population estimates"

    static func add(_ inputs: BriefingInputs, to run: inout AnalysisRun) throws {
        let state = inputs.sheet.stateName
        try run.chart(missingComposition(state, run))
        try run.chart(shareOfNational(state, run))
        try run.chart(byStateRanking(inputs, run))
        try run.chart(childRates(state, run))
        try run.chart(programmeCounts(state, run))
        try run.chart(twoCyberTiplineCounts(state, run))
        try run.chart(countsAndRates(state, run))
    }

    private static func number(_ run: AnalysisRun, _ name: String) throws -> Double {
        guard let n = try run.require(name).number else { throw RatioError.missingValue(name) }
        return n
    }

    private static func pct(_ v: Double, _ places: Int = 1) -> String { NumberStyle.percent(places: places).format(v) }

    /// 100% stacked bars: the state's cases from care against the nation's.
    static func missingComposition(_ state: String, _ run: AnalysisRun) throws -> Chart {
        let ss = run["missing.socialServices"]?.number, cases = run["missing.cases"]?.number
        let usSS = try number(run, "national.missing.socialServices"), usCases = try number(run, "national.missing.cases")
        let usShare = usSS / usCases
        let share: Double? = if let ss, let cases, cases > 0 { ss / cases } else { nil }
        let title: String
        if let share {
            let comparison = abs(share - usShare) < 0.005 ? "about the same share as" : (share < usShare ? "a smaller share than" : "a larger share than")
            title = "\(pct(share, 0)) of \(state)'s missing-child cases were children missing from care, \(comparison) the \(pct(usShare, 0)) nationally"
        } else if cases == 0 {
            title = "\(pct(usShare, 0)) of missing-child cases nationally were children missing from care; \(state) had no missing-child cases"
        } else {
            title = "\(pct(usShare, 0)) of missing-child cases nationally were children missing from care; \(state)'s split was not reported"
        }
        let missingLabel = cases == 0 ? "no cases" : "not reported"
        let other: Double? = if let ss, let cases { cases - ss } else { nil }
        return Chart(
            id: "missing-composition",
            title: title,
            subtitle: "Missing-child cases handled by NCMEC in 2023, by type",
            source: "\(sheetSource). National cases are not broken down beyond social services.",
            mark: .stackedBars(StackedBarMark(
                categories: [state, "United States"],
                segments: [
                    Series(name: "Missing from social services", values: [ss, usSS],
                           labels: [share.map { pct($0) } ?? missingLabel, pct(usShare)], emphasized: true),
                    Series(name: "All other cases", values: [other, usCases - usSS],
                           labels: [share.map { pct(1 - $0) } ?? missingLabel, pct(1 - usShare)]),
                ],
                axis: ValueAxis(title: "Share of missing-child cases", style: .percent(places: 0)),
                normalized: true)),
            size: Size(468, 200),
            altText: cases == 0
                ? "Stacked bars: \(state) had no missing-child cases; nationally \(pct(usShare)) of \(NumberStyle.count.format(usCases)) were children missing from social services."
                : "Stacked bars: \(share.map { pct($0) } ?? "a share not reported") of \(state)'s \(cases.map { NumberStyle.count.format($0) } ?? "(not reported)") missing-child cases were children missing from social services, against \(pct(usShare)) of \(NumberStyle.count.format(usCases)) nationally.")
    }

    /// The state's share of national figures that count the same thing, against its population shares.
    static func shareOfNational(_ state: String, _ run: AnalysisRun) throws -> Chart {
        let programmes = ShareOfNationalStep.programmes
        var values: [Double?] = [], intervals: [ClosedRange<Double>?] = [], labels: [String?] = []
        for p in programmes {
            let v = try run.require("share.\(p.name)")
            values.append(v.number)
            intervals.append(v.interval.map { $0.lower...$0.upper })
            labels.append(v.number.map { pct($0, 2) })
        }
        let children = try number(run, "share.children"), residents = try number(run, "share.residents")
        // Title and alternative text say what the step found, so they agree with the prose.
        let finding = try run.require("finding.sharesVsChildren").text ?? ""
        let vsChildren = try run.require("finding.sharesVsChildren.detail").text ?? ""
        let vsResidents = try run.require("finding.sharesVsResidents.detail").text ?? ""
        return Chart(
            id: "share-of-national",
            title: "\(state)'s share of national caseloads is \(finding) its \(pct(children, 2)) share of US children",
            subtitle: "\(state) as a share of the national 2023 figure, with 95% intervals",
            source: "\(sheetSource); \(censusSource)",
            note: "Only figures that count the same thing over the same period in the state and the nation are shown.",
            mark: .dots(DotMark(
                categories: programmes.map(\.label),
                series: [Series(name: state, values: values, intervals: intervals, labels: labels, emphasized: true)],
                axis: ValueAxis(title: "Share of the national figure", style: .percent(places: 1)),
                referenceLines: [
                    ReferenceLine(value: children, label: "Share of US children \(pct(children, 2))"),
                    ReferenceLine(value: residents, label: "Share of US residents \(pct(residents, 2))"),
                ],
                lollipop: false)),
            size: Size(468, 250),
            altText: "Dots with 95% intervals for \(state)'s share of national missing-child cases, cases missing from social services and Team HOPE survivors and families, against reference lines for its share of US children (\(pct(children, 2))) and residents (\(pct(residents, 2))). Against the share of children, \(vsChildren); against the share of residents, \(vsResidents).")
    }

    /// The 50 states ranked by CyberTipline reports per 100,000 residents, the state highlighted.
    static func byStateRanking(_ inputs: BriefingInputs, _ run: AnalysisRun) throws -> Chart {
        let ranked = try ByStateStep.rates(inputs)
        let state = inputs.sheet.stateName
        let rank = try run.require("byState.rank").text ?? ""
        let median = try number(run, "byState.medianRate")
        return Chart(
            id: "cybertipline-by-state",
            title: rank == "not ranked" ? "\(state) is not in NCMEC's by-state table; the \(ranked.count) states' CyberTipline reports per resident"
                : "\(state) ranks \(rank) of \(ranked.count) states in CyberTipline reports per resident",
            subtitle: "CyberTipline reports in 2023 by the state the upload resolved to, per 100,000 residents",
            source: "Source: NCMEC, 2023 CyberTipline Reports by State; \(censusSource)",
            note: "Upload location is not where the child lives; these counts differ from the fact sheet's reports made available to law enforcement.",
            mark: .rankedDots(RankedDotMark(
                items: ranked.map { RankedItem(label: $0.name, value: $0.rate, highlighted: $0.code == inputs.sheet.stateCode) },
                axis: ValueAxis(title: "Reports per 100,000 residents", style: .count),
                referenceLines: [ReferenceLine(value: median, label: "Median state \(NumberStyle.decimal(places: 1).format(median))")])),
            size: Size(468, 620),
            altText: "Dot plot of the \(ranked.count) states ranked by CyberTipline reports per 100,000 residents; \(state) is \(rank).")
    }

    /// Rates per 100,000 children with exact Poisson intervals: small counts, wide intervals.
    static func childRates(_ state: String, _ run: AnalysisRun) throws -> Chart {
        let rates = PerCapitaStep.childRates
        var values: [Double?] = [], intervals: [ClosedRange<Double>?] = [], labels: [String?] = []
        var widest = (label: "", ratio: 0.0, interval: "")
        for r in rates {
            let v = try run.require("rate.\(r.name).perChildren")
            values.append(v.number)
            intervals.append(v.interval.map { $0.lower...$0.upper })
            labels.append(v.number.map { NumberStyle.decimal(places: 1).format($0) })
            if let i = v.interval, let n = v.number, n > 0, (i.upper - i.lower) / n > widest.ratio {
                let style = NumberStyle.decimal(places: 1)
                widest = (r.label, (i.upper - i.lower) / n, "\(style.format(i.lower)) to \(style.format(i.upper))")
            }
        }
        return Chart(
            id: "rates-per-children",
            title: "Small counts make uncertain rates: \(widest.label.lowercased()) could be anywhere from \(widest.interval) per 100,000 children",
            subtitle: "\(state), 2023, per 100,000 children under 18, with exact 95% Poisson intervals",
            source: "\(sheetSource); \(censusSource)",
            mark: .dots(DotMark(
                categories: rates.map(\.label),
                series: [Series(name: state, values: values, intervals: intervals, labels: labels, emphasized: true)],
                axis: ValueAxis(title: "Per 100,000 children", style: .decimal(places: 0)),
                lollipop: false)),
            size: Size(468, 230),
            altText: "Dots with interval whiskers for \(rates.count) rates per 100,000 children in \(state).")
    }

    /// The state's programme counts side by side.
    static func programmeCounts(_ state: String, _ run: AnalysisRun) throws -> Chart {
        let items: [(String, String)] = [
            ("cybertipline.reports", "CyberTipline reports to law enforcement"),
            ("connect.newUsers", "New NCMEC CONNECT users"),
            ("missing.cases", "Missing-child cases"),
            ("cvip.submissions", "CVIP submissions reviewed"),
            ("teamHope.supported", "Team HOPE survivors and families"),
            ("trafficking.engagements", "Trafficking case engagements"),
            ("mentalHealth.connections", "Mental-health connections"),
        ]
        var values: [Double?] = [], labels: [String?] = []
        for (name, _) in items {
            let v = try run.require(name)
            values.append(v.number)
            labels.append(ValueFormatter.formatDefault(v))
        }
        let largest = zip(items, values).max { ($0.1 ?? 0) < ($1.1 ?? 0) }
        let second = zip(items, values).map { $0.1 ?? 0 }.sorted(by: >).dropFirst().first ?? 0
        let multiple = (largest?.1 ?? 0) / max(second, 1)
        return Chart(
            id: "programme-counts",
            title: "\(largest?.0.1 ?? "") outnumber every other \(state) count \(NumberStyle.decimal(places: 0).format(multiple.rounded(.down)))-fold or more",
            subtitle: "NCMEC programme counts for \(state), 2023",
            source: sheetSource,
            note: "Each programme counts a different thing; the bars show scale, not shares of one whole.",
            mark: .bars(BarMark(
                orientation: .horizontal,
                categories: items.map(\.1),
                series: [Series(name: state, values: values, labels: labels, emphasized: true)],
                axis: ValueAxis(title: "Count in 2023", style: .count))),
            size: Size(468, 270),
            altText: "Horizontal bars of \(items.count) NCMEC programme counts for \(state) in 2023.")
    }

    /// The two CyberTipline figures for the state, which measure different things.
    static func twoCyberTiplineCounts(_ state: String, _ run: AnalysisRun) throws -> Chart {
        let available = run["cybertipline.reports"]?.number, uploads = try run.require("byState.reports").number
        let availableText = available.map { NumberStyle.count.format($0) } ?? "not reported"
        let uploadsText = uploads.map { NumberStyle.count.format($0) } ?? "not reported"
        return Chart(
            id: "cybertipline-two-counts",
            title: "Two CyberTipline counts for \(state) measure different things",
            subtitle: "Reports in 2023; neither is a subset of the other",
            source: "\(sheetSource); NCMEC, 2023 CyberTipline Reports by State",
            mark: .bars(BarMark(
                orientation: .horizontal,
                categories: ["Made available to \(state) law enforcement (fact sheet)",
                             "Upload resolved to \(state) (by-state table)"],
                series: [Series(name: "Reports", values: [available, uploads],
                                labels: [availableText, uploadsText],
                                emphasized: true)],
                axis: ValueAxis(title: "CyberTipline reports, 2023", style: .count))),
            size: Size(468, 170),
            altText: "Two bars: \(availableText) reports made available to \(state) law enforcement and \(uploadsText) reports whose upload resolved to \(state).")
    }

    /// The state's counts and rates per 100,000 children with their 95% intervals, as a table
    /// (placed with `table:counts-and-rates`); every cell is formatted from a run result.
    static func countsAndRates(_ state: String, _ run: AnalysisRun) throws -> Chart {
        let measures: [(count: String, rate: String, label: String)] = [
            ("cybertipline.reports", "rate.cybertipline.perChildren", "CyberTipline reports to law enforcement"),
            ("missing.cases", "rate.missingCases.perChildren", "Missing-child cases"),
            ("missing.socialServices", "rate.socialServices.perChildren", "Missing from social services"),
            ("cvip.submissions", "rate.cvipSubmissions.perChildren", "CVIP submissions reviewed"),
            ("trafficking.engagements", "rate.traffickingEngagements.perChildren", "Trafficking case engagements"),
        ]
        func cell(_ name: String, _ filter: String, _ argument: String? = nil) throws -> String {
            try ValueFormatter.format(run.require(name), name: name, filters: [FilterRequest(name: filter, argument: argument)])
        }
        let rows = try measures.map { m in
            [m.label, try cell(m.count, "count"), try cell(m.count, "interval"),
             try cell(m.rate, "decimals", "1"), try cell(m.rate, "interval")]
        }
        return Chart(
            id: "counts-and-rates",
            title: "\(state)'s counts and rates per 100,000 children, with 95% intervals",
            subtitle: "\(state), 2023; exact (Garwood) Poisson intervals",
            source: "\(sheetSource); \(censusSource)",
            mark: .table(TableMark(
                columns: ["Measure", "Count", "95% interval", "Per 100,000 children", "95% interval"],
                rows: rows, numericColumns: [1, 2, 3, 4])),
            size: Size(468, 190),
            altText: "Table of \(measures.count) counts for \(state) in 2023 with their rates per 100,000 children and exact 95% intervals.")
    }
}

import Foundation
import FolioKit

/// The penguins notebook's charts, built from the results its cells computed, so every title
/// states what the numbers show and never disagrees with them.
enum PenguinCharts {
    static let source = "Source: Gorman, Williams & Fraser (2014), Palmer Station LTER; palmerpenguins data (CC0)"

    /// The results `<prefix>.<species>` for each species as one series of dots with interval
    /// whiskers and labels, and the species ranked by value (largest first).
    static func series(_ prefix: String, species: [String], name: String, run: AnalysisRun,
                       label: (Double) -> String) throws -> (series: Series, ranked: [(String, Double)]) {
        var values: [Double?] = [], intervals: [ClosedRange<Double>?] = [], labels: [String?] = []
        for s in species {
            let result = try run.require("\(prefix).\(s)")
            values.append(result.number)
            intervals.append(result.interval.map { $0.lower...$0.upper })
            labels.append(result.number.map(label))
        }
        let ranked = zip(species, values).compactMap { s, v in v.map { (s, $0) } }.sorted { $0.1 > $1.1 }
        return (Series(name: name, values: values, intervals: intervals, labels: labels, emphasized: true), ranked)
    }

    /// "Adelie 26%, Gentoo 74%, …" for alt text.
    static func listed(_ species: [String], _ series: Series) -> String {
        zip(species, series.labels ?? []).map { "\($0) \($1 ?? "not reported")" }.joined(separator: ", ")
    }

    /// Each species' share of the penguins measured on one island, with Wilson intervals.
    static func islandShares(island: String, species: [String], run: AnalysisRun) throws -> Chart {
        let percent = NumberStyle.percent(places: 0)
        let (dots, ranked) = try series("island.share", species: species, name: island, run: run) { percent.format($0) }
        let top = ranked.first.map { "\($0.0) penguins make up \(percent.format($0.1)) of those measured on \(island)" }
            ?? "No penguins were measured on \(island)"
        return Chart(
            id: "island-species",
            title: top,
            subtitle: "Share of the penguins measured on \(island), 2007–2009, by species, with 95% Wilson intervals",
            source: source,
            mark: .dots(DotMark(categories: species, series: [dots],
                                axis: ValueAxis(title: "Share of the island's penguins", style: .percent(places: 0), domain: 0...1))),
            size: Size(468, 170),
            altText: "Dots with 95% intervals for the share of each species among the penguins measured on \(island): "
                + listed(species, dots) + ".")
    }

    /// Mean body mass by species with Student t intervals.
    static func bodyMass(species: [String], run: AnalysisRun) throws -> Chart {
        let (dots, ranked) = try series("mass", species: species, name: "Mean body mass", run: run) {
            NumberStyle.count.format($0) + " g"
        }
        let title: String
        if let heaviest = ranked.first, let lightest = ranked.last, ranked.count > 1 {
            title = "\(heaviest.0) penguins are the heaviest, \(NumberStyle.decimal(places: 2).format(heaviest.1 / lightest.1)) times the mass of \(lightest.0) penguins on average"
        } else {
            title = "Mean body mass by species"
        }
        return Chart(
            id: "body-mass",
            title: title,
            subtitle: "Mean body mass in grams, 2007–2009, with 95% Student t intervals for the mean",
            source: source,
            note: "Penguins whose body mass was not recorded are left out.",
            mark: .dots(DotMark(categories: species, series: [dots],
                                axis: ValueAxis(title: "Body mass (g)", style: .count, includesZero: false))),
            size: Size(468, 170),
            altText: "Dots with 95% intervals for mean body mass by species: " + listed(species, dots) + ".")
    }

    /// Bill length over bill depth by species: the shape of the bill.
    static func billShape(species: [String], run: AnalysisRun) throws -> Chart {
        let (dots, ranked) = try series("bill.ratio", species: species, name: "Length / depth", run: run) {
            NumberStyle.decimal(places: 2).format($0)
        }
        let title = ranked.first.map { "\($0.0) penguins have the longest, slimmest bills: \(NumberStyle.decimal(places: 1).format($0.1)) times as long as deep" }
            ?? "Bill length over depth by species"
        return Chart(
            id: "bill-shape",
            title: title,
            subtitle: "Bill length divided by bill depth for each penguin, mean by species, with 95% Student t intervals",
            source: source,
            mark: .dots(DotMark(categories: species, series: [dots],
                                axis: ValueAxis(title: "Bill length / bill depth", style: .decimal(places: 1), includesZero: false))),
            size: Size(468, 170),
            altText: "Dots with 95% intervals for the mean ratio of bill length to bill depth by species: " + listed(species, dots) + ".")
    }
}

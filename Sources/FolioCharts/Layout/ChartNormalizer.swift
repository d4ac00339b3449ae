/// A chart checked and cleaned for layout: counts agree, non-finite values are gaps, stacked
/// values are shares when normalised, ranked items are sorted largest first.
struct NormalizedChart: Sendable {
    var chart: Chart
    var mark: ChartMark
}

/// Phase 1 of the pipeline: validates the chart specification and cleans its data.
struct ChartNormalizer: Sendable {
    let chart: Chart

    func normalize() throws -> NormalizedChart {
        func fail(_ message: String) -> ChartLayoutError {
            ChartLayoutError(chartID: chart.id, phase: .normalize, message: message)
        }
        guard chart.size.width > 40, chart.size.height > 40,
              chart.size.width.isFinite, chart.size.height.isFinite else {
            throw fail("canvas \(chart.size.width)×\(chart.size.height) pt is too small to draw on")
        }
        switch chart.mark {
        case .bars(var m):
            m.series = try clean(m.series, categories: m.categories, fail)
            return NormalizedChart(chart: chart, mark: .bars(m))
        case .stackedBars(var m):
            m.segments = try clean(m.segments, categories: m.categories, fail)
            if m.normalized {
                for c in m.categories.indices {
                    let total = m.segments.reduce(0.0) { $0 + max(0, $1.values[c] ?? 0) }
                    for s in m.segments.indices {
                        if let v = m.segments[s].values[c] { m.segments[s].values[c] = total > 0 ? max(0, v) / total : 0 }
                    }
                }
            }
            return NormalizedChart(chart: chart, mark: .stackedBars(m))
        case .dots(var m):
            m.series = try clean(m.series, categories: m.categories, fail)
            return NormalizedChart(chart: chart, mark: .dots(m))
        case .rankedDots(var m):
            m.items = m.items.filter { $0.value.isFinite }
            guard !m.items.isEmpty else { throw fail("ranked dot plot has no items with a finite value") }
            m.items = m.items.enumerated().sorted {
                $0.element.value != $1.element.value ? $0.element.value > $1.element.value : $0.offset < $1.offset
            }.map(\.element)
            return NormalizedChart(chart: chart, mark: .rankedDots(m))
        case .table(let m):
            guard !m.columns.isEmpty else { throw fail("table has no columns") }
            guard !m.rows.isEmpty else { throw fail("table has no rows") }
            if let bad = m.rows.firstIndex(where: { $0.count != m.columns.count }) {
                throw fail("table row \(bad) has \(m.rows[bad].count) cells for \(m.columns.count) columns")
            }
            return NormalizedChart(chart: chart, mark: .table(m))
        }
    }

    private func clean(_ series: [Series], categories: [String],
                       _ fail: (String) -> ChartLayoutError) throws -> [Series] {
        guard !categories.isEmpty else { throw fail("no categories to draw") }
        guard !series.isEmpty else { throw fail("no series to draw") }
        return try series.map { s in
            guard s.values.count == categories.count else {
                throw fail("series '\(s.name)' has \(s.values.count) values for \(categories.count) categories")
            }
            if let iv = s.intervals, iv.count != categories.count {
                throw fail("series '\(s.name)' has \(iv.count) intervals for \(categories.count) categories")
            }
            var s = s
            s.values = s.values.map { v in v.flatMap { $0.isFinite ? $0 : nil } }
            s.intervals = s.intervals?.map { r in
                r.flatMap { $0.lowerBound.isFinite && $0.upperBound.isFinite ? $0 : nil }
            }
            return s
        }
    }
}

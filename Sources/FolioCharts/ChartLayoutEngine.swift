import FolioScene

/// Turns a `Chart` into a `Scene`: trains scales, places ticks, measures and places every text,
/// and draws marks. Errors name the phase and the chart.
///
/// The pipeline runs in named phases, each its own type: `ChartNormalizer` (normalize) →
/// `AxisTrainer` (trainScales, ticks: `NiceTickLocator`/`LogTickLocator` + `TickFormatter`) →
/// `FrameLayout` and a `BodyLayout` per mark (layout: every text measured through `measurer`)
/// → marks drawn by the body layout (drawMarks).
///
/// Canvas size: the width is always `chart.size.width`. The height is `chart.size.height` unless
/// the content needs more — a ranked list of 50 states, many wrapped category labels, a long table —
/// in which case the scene is taller than asked; tables shrink to their content. Read `Scene.size`
/// for the real height.
public struct ChartLayoutEngine: Sendable {
    public var theme: ChartTheme
    public var measurer: any TextMeasurer
    public init(theme: ChartTheme = .standard, measurer: any TextMeasurer) {
        self.theme = theme; self.measurer = measurer
    }

    /// Lays out `chart` on its own canvas (`chart.size`, taller if the content needs it).
    public func layout(_ chart: Chart) throws -> Scene {
        let normalized = try ChartNormalizer(chart: chart).normalize()
        let text = TextKit(measurer: measurer, theme: theme)
        let frame = FrameLayout(chart: chart, text: text)
        let head = frame.head()
        let m = theme.margin, width = chart.size.width
        let probeFoot = frame.foot(canvasHeight: chart.size.height)
        let probe = Rect(x: m, y: head.bottom, width: width - 2 * m, height: probeFoot.top - head.bottom)
        let body = try makeBody(normalized, text: text, probe: probe)
        var height = chart.size.height
        let need = try phase(.layout, chart) { try body.requiredHeight(in: probe) }
        if need > probe.height || body.shrinksToFit { height = (height + need - probe.height).rounded(.up) }
        let foot = frame.foot(canvasHeight: height)
        let rect = Rect(x: m, y: head.bottom, width: width - 2 * m, height: foot.top - head.bottom)
        let items = try phase(.drawMarks, chart) { try body.draw(in: rect) }
        return Scene(size: Size(width, height), background: theme.background, items: head.items + items + foot.items)
    }

    private func makeBody(_ n: NormalizedChart, text: TextKit, probe: Rect) throws -> any BodyLayout {
        let trainer = AxisTrainer(chartID: n.chart.id)
        let target = max(2, min(8, Int(probe.width * 0.6 / 60)))
        func finite(_ xs: [Double?]) -> [Double] { xs.compactMap { $0 } }
        return try phase(.trainScales, n.chart) {
            switch n.mark {
            case .bars(let mark):
                let axis = try trainer.train(mark.axis, values: mark.series.flatMap { finite($0.values) },
                                             extras: mark.referenceLines.map(\.value), forceZero: true, targetCount: target)
                if mark.orientation == .vertical {
                    let vertical = VerticalBarsLayout(text: text, mark: mark, axis: axis)
                    if vertical.fits(in: probe) { return vertical }
                }
                return HorizontalBarsLayout(text: text, mark: mark, axis: axis)
            case .stackedBars(let mark):
                let totals = mark.categories.indices.map { c in mark.segments.reduce(0.0) { $0 + max(0, $1.values[c] ?? 0) } }
                var axisSpec = mark.axis
                if mark.normalized { axisSpec.style = .percent(places: 0); axisSpec.domain = 0...1 }
                let axis = try trainer.train(axisSpec, values: totals, forceZero: true, targetCount: min(target, 5))
                if mark.orientation == .vertical {
                    let vertical = VerticalStackedBarsLayout(text: text, mark: mark, axis: axis)
                    if vertical.fits(in: probe) { return vertical }
                }
                return StackedBarsLayout(text: text, mark: mark, axis: axis)
            case .dots(let mark):
                let ends = mark.series.flatMap { ($0.intervals ?? []).compactMap { $0 }.flatMap { [$0.lowerBound, $0.upperBound] } }
                let axis = try trainer.train(mark.axis, values: mark.series.flatMap { finite($0.values) },
                                             extras: ends + mark.referenceLines.map(\.value), forceZero: mark.lollipop, targetCount: target)
                return DotsLayout(text: text, mark: mark, axis: axis)
            case .rankedDots(let mark):
                let axis = try trainer.train(mark.axis, values: mark.items.map(\.value),
                                             extras: mark.referenceLines.map(\.value), forceZero: false, targetCount: target)
                return RankedDotsLayout(text: text, mark: mark, axis: axis)
            case .table(let mark):
                return TableLayout(text: text, mark: mark)
            }
        }
    }

    /// Runs `body`, re-labelling any foreign error with the chart id and `phase`.
    private func phase<T>(_ phase: ChartLayoutError.Phase, _ chart: Chart, _ body: () throws -> T) throws -> T {
        do { return try body() } catch let e as ChartLayoutError { throw e } catch {
            throw ChartLayoutError(chartID: chart.id, phase: phase, message: "\(error)")
        }
    }
}

/// A value axis ready to draw: its scale (range not yet set), tick values and tick labels.
struct TrainedAxis: Sendable {
    var scale: any ContinuousScale
    var ticks: [Double]
    var labels: [String]
    var title: String
    var style: NumberStyle
}

/// Phases 2 and 3 of the pipeline: trains an axis domain on the data (plus zero for bars,
/// reference lines and interval ends), then places round ticks that cover it.
struct AxisTrainer: Sendable {
    let chartID: String
    var linearLocator: any TickLocator = NiceTickLocator()
    var logLocator: any TickLocator = LogTickLocator()

    /// - Parameters:
    ///   - values: data values; `extras`: reference lines and interval ends that must also show.
    ///   - forceZero: bars always start at zero.
    ///   - targetCount: about how many tick intervals fit the axis length.
    func train(_ axis: ValueAxis, values: [Double], extras: [Double] = [], forceZero: Bool,
               targetCount: Int) throws -> TrainedAxis {
        let all = (values + extras).filter(\.isFinite)
        let formatter = TickFormatter(style: axis.style)
        switch axis.scale {
        case .linear:
            var lo = all.min() ?? 0, hi = all.max() ?? 0
            if axis.includesZero || forceZero { lo = min(lo, 0); hi = max(hi, 0) }
            if let d = axis.domain, d.lowerBound.isFinite, d.upperBound.isFinite {
                lo = d.lowerBound; hi = d.upperBound
            }
            let ticks = linearLocator.ticks(for: lo...max(lo, hi), targetCount: targetCount)
            guard let first = ticks.first, let last = ticks.last, ticks.allSatisfy(\.isFinite) else {
                throw ChartLayoutError(chartID: chartID, phase: .ticks, message: "no ticks for \(lo)…\(hi)")
            }
            var domain = min(first, lo)...max(last, hi)
            var shown = ticks
            if let d = axis.domain {
                domain = d.lowerBound...max(d.lowerBound, d.upperBound)
                shown = ticks.filter { $0 >= d.lowerBound - 1e-12 && $0 <= d.upperBound + 1e-12 }
            }
            return TrainedAxis(scale: LinearScale(domain: domain), ticks: shown,
                               labels: formatter.labels(for: shown), title: axis.title, style: axis.style)
        case .log:
            let positive = all.filter { $0 > 0 }
            var lo = positive.min() ?? 1, hi = positive.max() ?? 10
            if let d = axis.domain, d.lowerBound > 0 { lo = d.lowerBound; hi = max(d.lowerBound, d.upperBound) }
            let ticks = logLocator.ticks(for: lo...hi, targetCount: targetCount)
            guard let first = ticks.first, let last = ticks.last else {
                throw ChartLayoutError(chartID: chartID, phase: .ticks, message: "no log ticks for \(lo)…\(hi)")
            }
            let domain = min(first, lo)...max(last, hi)
            return TrainedAxis(scale: LogScale(domain: domain), ticks: ticks,
                               labels: formatter.labels(for: ticks), title: axis.title, style: axis.style)
        }
    }
}

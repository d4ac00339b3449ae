/// A chart that cannot be laid out, naming the chart and the pipeline phase that refused it.
public struct ChartLayoutError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The named phases of the layout pipeline, in order.
    public enum Phase: String, Hashable, Sendable {
        case normalize, trainScales, ticks, layout, drawMarks
    }
    public var chartID: String
    public var phase: Phase
    public var message: String
    public init(chartID: String, phase: Phase, message: String) {
        self.chartID = chartID; self.phase = phase; self.message = message
    }
    public var description: String { "chart '\(chartID)' [\(phase.rawValue)]: \(message)" }
}

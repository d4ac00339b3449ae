import Foundation
import FolioData

/// The mean of a sample of measurements, with a 95% Student-t interval for the mean.
/// Missing cells are left out (and said in the provenance); a sample with no values is "not
/// reported", a sample of one value has no interval.
public struct Mean: Measure {
    public var sample: Sample
    public var label: String

    public init(_ sample: Sample, label: String) { self.sample = sample; self.label = label }

    public var resultKind: ValueKind { .mean(sample.unit) }
    public var resultLabel: String { label }

    public func evaluate(step: String) throws -> ResultValue {
        let values = sample.values
        guard !values.isEmpty else { throw MeasureError.notReported(sample.figure) }
        let n = Double(values.count)
        let mean = values.reduce(0, +) / n
        var interval: Interval?
        if values.count > 1 {
            let variance = values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / (n - 1)
            let half = StudentT.quantile975(degreesOfFreedom: values.count - 1) * (variance / n).squareRoot()
            interval = Interval(lower: mean - half, upper: mean + half, method: .studentT)
        }
        return ResultValue(kind: .mean(sample.unit), number: mean, interval: interval, label: label,
                           provenance: Provenance(step: step, formula: "mean of \(sample.what) (\(sample.description))",
                                                  inputs: [.figure(sample.figure)]))
    }
}

/// The 97.5th percentile of Student's t distribution, for two-sided 95% intervals.
enum StudentT {
    /// Exact table values up to 30 degrees of freedom, then the Cornish-Fisher expansion
    /// (error below 1e-4 there).
    static func quantile975(degreesOfFreedom df: Int) -> Double {
        let table: [Double] = [12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228,
                               2.201, 2.179, 2.160, 2.145, 2.131, 2.120, 2.110, 2.101, 2.093, 2.086,
                               2.080, 2.074, 2.069, 2.064, 2.060, 2.056, 2.052, 2.048, 2.045, 2.042]
        if df >= 1 && df <= 30 { return table[df - 1] }
        let z = 1.959964, v = Double(df)
        let z3 = z * z * z, z5 = z3 * z * z, z7 = z5 * z * z
        return z + (z3 + z) / (4 * v) + (5 * z5 + 16 * z3 + 3 * z) / (96 * v * v)
            + (3 * z7 + 19 * z5 + 17 * z3 - 15 * z) / (384 * v * v * v)
    }
}

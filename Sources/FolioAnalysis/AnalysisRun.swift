import FolioData
import FolioCharts
import FolioScene

/// The state of one analysis run: its context, the current step, and the named results and
/// charts produced so far, in the order the steps made them.
public struct AnalysisRun: Sendable {
    public let context: AnalysisContext
    /// The name of the output folder under the analysis's folder (e.g. `biscoe`).
    public var outputName: String
    /// Words for the run in progress lines (e.g. "penguins island=Biscoe").
    public var displayName: String
    /// The step now running, recorded in every result's provenance.
    public private(set) var currentStep: String = "setup"
    public private(set) var names: [String] = []
    public private(set) var values: [String: ResultValue] = [:]
    public private(set) var charts: [Chart] = []
    /// The files the steps read, as the user would name them (project-relative or absolute),
    /// for the manifest: a change to any of them makes the outputs stale.
    public private(set) var inputFiles: [String] = []
    /// The names of the steps run so far, in order.
    public private(set) var steps: [String] = []
    /// The notebook cell now running (its opening fence), when the steps come from a notebook;
    /// recorded in every result's provenance and named by errors the cell throws.
    public private(set) var currentCell: SourceLocation?
    /// The notebook's parameters (front-matter defaults overridden by `--param key=value`).
    public var parameters: [String: String] { context.parameters }

    public init(context: AnalysisContext, outputName: String = "default", displayName: String = "") {
        self.context = context; self.outputName = outputName; self.displayName = displayName
    }

    /// Runs `body` as the step called `name`; an error from it is wrapped to name the step.
    public mutating func step(_ name: String, _ body: (inout AnalysisRun) throws -> Void) throws {
        let previous = currentStep
        currentStep = name
        steps.append(name)
        defer { currentStep = previous }
        do { try body(&self) } catch let error as StepError { throw error } catch {
            throw StepError(step: name, underlying: error)
        }
    }

    /// Starts the notebook cell whose fence is at `line` of `file` as the step `name`: the code
    /// Folio generates from a notebook calls this before each cell's code.
    /// - Parameter code: the cell's code, kept for the methods appendix when the notebook asks
    ///   for it (`methods-code: true`).
    public mutating func enterCell(step name: String, file: String, line: Int, code: String? = nil) {
        Trace.mark("cell \(name) (\(file):\(line))")
        currentStep = name
        steps.append(name)
        currentCell = SourceLocation(file: file, line: line)
        if let code { cellCode[name] = code }
        CellCrashNote.set("\(file):\(line):1: error: the cell of step '\(name)' stopped the program (a failed runtime check: a `!` on nil, an index out of range, an overflow, …); nothing was written\n")
    }

    /// The code of each step's cell, by step, when the notebook shows code in its methods appendix.
    public private(set) var cellCode: [String: String] = [:]

    /// The parameter called `name`, or an error listing the parameters the notebook declares.
    public func parameter(_ name: String) throws -> String {
        guard let value = context.parameters[name] else {
            throw StepError(step: currentStep, underlying: RunError.unknownParameter(name, known: context.parameters.keys.sorted()))
        }
        return value
    }

    /// Notes that a step read `path` (relative to the project root, or absolute).
    public mutating func recordInput(_ path: String) {
        if !inputFiles.contains(path) { inputFiles.append(path) }
    }

    /// The result called `name`, if a step produced it.
    public subscript(name: String) -> ResultValue? { values[name] }

    /// The result called `name`, or an error naming it and the step asking.
    public func require(_ name: String) throws -> ResultValue {
        guard let v = values[name] else { throw StepError(step: currentStep, underlying: RunError.unknownResult(name)) }
        return v
    }

    /// Evaluates `measure` in the current step and stores it as `name`. A measure whose input the
    /// source did not report gives a "not reported" value (never zero), which the narrative
    /// prints as such; every other measure error stops the step.
    ///
    /// A zero denominator stops the step unless `zeroWhole` is `.notDefined`: then the value has
    /// no number and prints "not defined" (a share of a state's cases when it had none).
    @discardableResult
    public mutating func set(_ name: String, _ measure: any Measure, zeroWhole: ZeroWhole = .error) throws -> ResultValue {
        var value: ResultValue
        do {
            value = try measure.evaluate(step: currentStep)
        } catch MeasureError.zeroDenominator(let figure) where zeroWhole == .notDefined {
            value = ResultValue(kind: measure.resultKind, number: nil, label: measure.resultLabel,
                provenance: Provenance(step: currentStep,
                    formula: "\(figure.geography) \(figure.measure) is zero, so it cannot be a denominator", inputs: [.figure(figure)]))
            value.isUndefined = true
        } catch RatioError.zeroDenominator(let input) where zeroWhole == .notDefined {
            value = ResultValue(kind: measure.resultKind, number: nil, label: measure.resultLabel,
                provenance: Provenance(step: currentStep, formula: "\(input) is zero, so it cannot be a denominator", inputs: [.result(input)]))
            value.isUndefined = true
        } catch MeasureError.notReported(let figure) {
            value = ResultValue(kind: measure.resultKind, number: nil, label: measure.resultLabel,
                provenance: Provenance(step: currentStep,
                    formula: "\(figure.geography) \(figure.measure) is absent from the source",
                    inputs: [.figure(figure)]))
        } catch RatioError.missingValue(let input) {
            value = ResultValue(kind: measure.resultKind, number: nil, label: measure.resultLabel,
                provenance: Provenance(step: currentStep, formula: "\(input) is not reported",
                                       inputs: [.result(input)]))
        }
        try set(name, value: value)
        return value
    }

    /// Stores a ready value as `name`; each name may be set once. A deferred interval is computed
    /// here, so every stored result carries its interval.
    public mutating func set(_ name: String, value: ResultValue) throws {
        guard values[name] == nil else { throw RunError.duplicateResult(name) }
        names.append(name)
        var stored = value.resolvingInterval
        if stored.provenance.cell == nil { stored.provenance.cell = currentCell }
        values[name] = stored
    }

    /// Adds a chart; its id must be unique in the run.
    public mutating func chart(_ chart: Chart) throws {
        guard !charts.contains(where: { $0.id == chart.id }) else { throw RunError.duplicateChart(chart.id) }
        charts.append(chart)
    }

    /// Every result in the order it was produced.
    public var orderedResults: [(name: String, value: ResultValue)] { names.compactMap { n in values[n].map { (n, $0) } } }
}

/// What `AnalysisRun.set` does with a measure whose denominator is zero.
public enum ZeroWhole: Sendable {
    /// Stop the step with an error naming the zero figure: usually the data is wrong.
    case error
    /// Store a value with no number that prints "not defined": for wholes that can honestly be
    /// zero, such as a small state's cases.
    case notDefined
}

/// Mistakes in how a step uses the run.
public enum RunError: Error, Equatable, CustomStringConvertible {
    case duplicateResult(String)
    case duplicateChart(String)
    case unknownResult(String)
    case unknownParameter(String, known: [String])
    public var description: String {
        switch self {
        case .duplicateResult(let n): return "the result '\(n)' is set twice"
        case .duplicateChart(let n): return "the chart '\(n)' is added twice"
        case .unknownResult(let n): return "no step has produced '\(n)' yet"
        case .unknownParameter(let n, let known):
            return "no parameter called '\(n)'" + (known.isEmpty ? " (the front matter declares no `params:`)" : "; declared: \(known.joined(separator: ", "))")
        }
    }
}

/// An error raised inside a step, naming the step.
public struct StepError: Error, CustomStringConvertible {
    public var step: String
    public var underlying: any Error
    public var description: String { "in step '\(step)': \(underlying)" }
}

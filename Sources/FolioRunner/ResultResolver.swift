import FolioAnalysis
import FolioFormat
import FolioReport

/// Lets the narrative's `{{ name | filter }}` read an analysis run's results.
struct ResultResolver: InlineValueResolver {
    var values: [String: ResultValue]
    var availableNames: [String]

    init(run: AnalysisRun) {
        values = run.values
        availableNames = run.names
    }

    func note(for name: String) -> String? { values[name]?.caveat }

    func operand(name: String) throws(InlineResolutionError) -> ConditionOperand {
        guard let value = values[name] else { throw .unknownName }
        let kind: ConditionOperand.Kind
        switch value.kind {
        case .text: kind = .text
        case .proportion: kind = .proportion
        case .count(let unit): kind = .number(description: unit.plural.isEmpty ? "a count" : "a count of \(unit.plural)")
        case .rate(let per, let population):
            kind = .number(description: "a rate per \(NumberStyle.count.format(per)) \(population)")
        case .ratio: kind = .number(description: "a ratio")
        case .mean(let unit): kind = .number(description: unit.plural.isEmpty ? "a mean" : "a mean in \(unit.plural)")
        }
        return ConditionOperand(kind: kind, number: value.number, text: value.text,
                                shown: ValueFormatter.formatDefault(value))
    }

    func resolve(name: String, filters: [FilterCall]) throws(InlineResolutionError) -> String {
        guard let value = values[name] else { throw .unknownName }
        do {
            return try ValueFormatter.format(value, name: name,
                                             filters: filters.map { FilterRequest(name: $0.name, argument: $0.argument) })
        } catch let error as FormatError {
            switch error {
            case .unknownFilter(let f): throw .unknownFilter(name: f, known: ValueFormatter.filterNames)
            case .filterMismatch(let f, let m), .badArgument(let f, let m): throw .filterMismatch(filter: f, message: m)
            }
        } catch {
            throw .filterMismatch(filter: filters.first?.name ?? "", message: "\(error)")
        }
    }
}

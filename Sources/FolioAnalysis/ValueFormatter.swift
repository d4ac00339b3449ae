import Foundation
import FolioData
import FolioFormat

/// A filter applied to a value in the narrative: `percent`, `percent(2)`, `count`, ...
public struct FilterRequest: Hashable, Sendable {
    public var name: String
    public var argument: String?
    public init(name: String, argument: String? = nil) { self.name = name; self.argument = argument }
}

/// Why a value could not be formatted as asked.
public enum FormatError: Error, Equatable, CustomStringConvertible {
    case unknownFilter(String)
    case filterMismatch(filter: String, message: String)
    case badArgument(filter: String, message: String)

    public var description: String {
        switch self {
        case .unknownFilter(let f):
            return "unknown filter '\(f)'; known filters: \(ValueFormatter.filterNames.joined(separator: ", "))"
        case .filterMismatch(_, let m), .badArgument(_, let m): return m
        }
    }
}

/// Writes results as the briefing prints them, in US style: `4,546`, `69.9%`,
/// `668.7 per 100,000 children`, `60.5% to 77.9%`. Not-reported values print as "not reported",
/// shares of a zero whole as "not defined"; lower bounds as "more than …"; `count("engagement")`
/// puts the noun in the right number. No NaN or infinity can come out of it.
public enum ValueFormatter {
    /// Every filter the narrative may use, for error messages and suggestions.
    public static let filterNames = ["count", "words", "compact", "percent", "decimals", "per100k", "interval", "times", "label",
                                     "caveat"]

    /// Formats `value` (called `name` in messages) through at most one filter.
    public static func format(_ value: ResultValue, name: String, filters: [FilterRequest]) throws -> String {
        guard filters.count <= 1 else {
            throw FormatError.filterMismatch(filter: filters[1].name,
                message: "only one filter may follow a name; '\(name)' has \(filters.count)")
        }
        guard let filter = filters.first else { return formatDefault(value) }
        func mismatch(_ wanted: String) -> FormatError {
            .filterMismatch(filter: filter.name,
                            message: "'\(filter.name)' needs \(wanted), but '\(name)' is \(value.kind.name)")
        }
        switch filter.name {
        case "label": return value.label
        case "caveat":
            guard let c = value.caveat else {
                throw FormatError.filterMismatch(filter: "caveat", message: "'\(name)' has no caveat to print")
            }
            return c
        default: break
        }
        if value.kind == .text { throw mismatch("a number") }
        if filter.name == "count" || filter.name == "words" {
            guard case .count = value.kind else { throw mismatch("a count") }
            return counted(value, words: filter.name == "words", noun: filter.argument.map(CountedNoun.init))
        }
        guard let number = value.number else { return missingWords(value) }
        switch filter.name {
        case "compact":
            guard case .count = value.kind else { throw mismatch("a count") }
            return qualified(NumberStyle.compact(places: 1).format(number), value.qualifier)
        case "percent":
            guard value.kind == .proportion else { throw mismatch("a proportion") }
            return qualified(NumberStyle.percent(places: try places(filter, default: 1)).format(number), value.qualifier)
        case "decimals":
            return qualified(NumberStyle.decimal(places: try places(filter, default: 1)).format(number), value.qualifier)
        case "per100k":
            guard case .rate(let per, let population) = value.kind else { throw mismatch("a rate") }
            guard per == 100_000 else { throw mismatch("a rate per 100,000") }
            return qualified("\(NumberStyle.decimal(places: 1).format(number)) per 100,000 \(population)", value.qualifier)
        case "times":
            guard value.kind == .ratio else { throw mismatch("a ratio") }
            return qualified("\(NumberStyle.decimal(places: try places(filter, default: 2)).format(number)) times", value.qualifier)
        case "interval":
            guard let interval = value.interval else {
                throw FormatError.filterMismatch(filter: "interval", message: "'\(name)' has no interval")
            }
            let style = intervalStyle(value.kind, near: number)
            return "\(style.format(interval.lower)) to \(style.format(interval.upper))"
        default:
            throw FormatError.unknownFilter(filter.name)
        }
    }

    /// "not reported", or "not defined" for a share or rate of a zero whole.
    public static func missingWords(_ value: ResultValue) -> String {
        value.isUndefined ? "not defined" : "not reported"
    }

    /// A count as digits (`count`) or, zero to ten, as words (`words`), with its noun in the right
    /// number when one is given: "13 engagements", "one engagement", "no engagements", "an
    /// unreported number of engagements".
    static func counted(_ value: ResultValue, words: Bool, noun: CountedNoun?) -> String {
        guard let number = value.number else {
            return noun.map { "an unreported number of \($0.plural)" } ?? missingWords(value)
        }
        let word = words && (0...10).contains(number) && number == number.rounded() ? NumberWords.cardinal(Int(number)) : nil
        let digits = word ?? NumberStyle.count.format(number)
        guard let noun else { return qualified(digits, value.qualifier) }
        if value.qualifier == .lowerBound { return qualified("\(digits) \(noun.plural)", value.qualifier) }
        return noun.phrase(number, written: digits)
    }

    /// The form a value takes with no filter.
    public static func formatDefault(_ value: ResultValue) -> String {
        if value.kind == .text { return value.text ?? "" }
        guard let n = value.number else { return missingWords(value) }
        switch value.kind {
        case .count: return qualified(NumberStyle.count.format(n), value.qualifier)
        case .proportion: return qualified(NumberStyle.percent(places: percentPlaces(n)).format(n), value.qualifier)
        case .rate(let per, let population):
            return qualified("\(NumberStyle.decimal(places: 1).format(n)) per \(NumberStyle.count.format(per)) \(population)", value.qualifier)
        case .ratio: return qualified(NumberStyle.decimal(places: 2).format(n), value.qualifier)
        case .mean(let unit):
            let number = NumberStyle.decimal(places: 1).format(n)
            return qualified(unit.plural.isEmpty ? number : "\(number) \(unit.plural)", value.qualifier)
        case .text: return value.text ?? ""
        }
    }

    /// Decimal places that keep at least two significant digits of a small percentage
    /// (69.9%, 0.36%, 0.036%).
    public static func percentPlaces(_ fraction: Double) -> Int {
        let a = abs(fraction)
        return a >= 0.01 || a == 0 ? 1 : (a >= 0.001 ? 2 : 3)
    }

    /// The number style used for a kind's intervals and tables, for values near `value`.
    public static func intervalStyle(_ kind: ValueKind, near value: Double = 1) -> NumberStyle {
        switch kind {
        case .proportion: return .percent(places: percentPlaces(value))
        case .count, .rate, .mean: return .decimal(places: 1)
        case .ratio, .text: return .decimal(places: 2)
        }
    }

    private static func qualified(_ text: String, _ qualifier: Qualifier) -> String {
        qualifier == .lowerBound ? "more than \(text)" : text
    }

    private static func places(_ filter: FilterRequest, default d: Int) throws -> Int {
        guard let arg = filter.argument else { return d }
        guard let n = Int(arg.trimmingCharacters(in: .whitespaces)), (0...6).contains(n) else {
            throw FormatError.badArgument(filter: filter.name,
                message: "'\(filter.name)' takes a number of decimal places from 0 to 6, not '\(arg)'")
        }
        return n
    }
}

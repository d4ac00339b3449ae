import FolioData
import Foundation

/// Reads an NCMEC 2023-template state fact sheet (text extracted from the PDF) into a `FactSheet`.
///
/// Works for any state's sheet: it finds the state's name in the heading ("<State> Data") or in
/// "Listed below are <State> specific statistics", looks its code up in a `StateDirectory`, and
/// recognises each figure's sentence with a tolerant pattern (`FactSheetTemplate`). State figures
/// whose sentence or table row is absent are kept with `value == nil` (not reported, not zero);
/// programme-wide figures are part of the template's fixed text, so their absence is an error.
/// The three missing-children table rows must add up to the stated total when all are reported.
public enum FactSheetParser {
    /// Parses sheet text; `file` names it in errors and figure sources.
    public static func parse(text: String, file: String, states: StateDirectory) throws -> FactSheet {
        let sheetText = SheetText(text)
        if sheetText.isBlank { throw DataError.emptyFile(file: file) }
        return try Run(text: sheetText, file: file, states: states).parse()
    }

    /// Reads `path` (refusing empty, binary and non-UTF-8 files) and parses it; errors name `displayPath`.
    public static func parse(contentsOf path: String, displayPath: String, states: StateDirectory) throws -> FactSheet {
        try parse(text: InputText.read(path: path, displayPath: displayPath), file: displayPath, states: states)
    }
}

/// One parse: the sheet's text and what has been found so far.
private struct Run {
    let text: SheetText
    let file: String
    let states: StateDirectory

    /// A match in a paragraph: the named groups' ranges and the paragraph.
    struct Found {
        var paragraph: SheetText.Paragraph
        var match: PatternMatch
        func range(_ name: String) -> NSRange { match.range(name) }
        func string(_ name: String) -> String { paragraph.string(range(name)) }
        func has(_ name: String) -> Bool { range(name).location != NSNotFound }
    }

    func parse() throws -> FactSheet {
        let (stateName, stateLocation) = try findStateName()
        guard let stateCode = states.code(forName: stateName) else {
            throw DataError.placeNotFound(at: stateLocation, name: "state \"\(stateName)\"", table: "the population table", expected: "one of the 50 states or DC")
        }
        let year = try findYear()
        var figures: [Figure] = []
        var total: Figure?
        for (sentence, pattern) in zip(FactSheetTemplate.sentences, FactSheetTemplate.sentencePatterns) {
            let geography = sentence.scope == .state ? Geography(stateCode) : .us
            let found = findAll(pattern)
            if found.count > 1 {
                throw DataError.duplicateFigure(at: location(found[1], "value"), measure: sentence.measure,
                                                firstLine: location(found[0], "value").line)
            }
            guard let hit = found.first else {
                if sentence.scope == .national {
                    throw DataError.missingFigure(file: file, measure: sentence.measure,
                                                  expected: "the template's sentence matching /\(sentence.pattern)/")
                }
                figures.append(notReported(sentence.measure, geography, sentence.unit, .year(year),
                                           sentence.label(stateName), at: stateLocation))
                continue
            }
            if sentence.scope == .state { try checkPlace(hit, stateName) }
            let published = try number(hit, expectation: sentence.expectation, unit: sentence.unit)
            let sentenceRange = hit.paragraph.sentenceRange(around: hit.match.range)
            let sentenceYear = self.year(in: hit.paragraph, sentence: sentenceRange, before: hit.range("value")) ?? year
            let figure = Figure(
                measure: sentence.measure, geography: geography, value: published.value, unit: sentence.unit,
                period: sentence.periodKind == .year ? .year(sentenceYear) : .cumulative(through: sentenceYear),
                qualifier: published.qualifier, source: location(hit, "value"),
                excerpt: hit.paragraph.string(sentenceRange).collapsingWhitespace, label: sentence.label(stateName))
            figures.append(figure)
            if sentence.scope == .state, sentence.measure == FactSheetTemplate.tableTotalMeasure { total = figure }
        }
        let rows = try tableRows(stateCode: stateCode, stateName: stateName,
                                 period: total?.period ?? .year(year), fallback: total?.source ?? stateLocation)
        try checkRowsAddUp(rows, total: total)
        // Keep the state's figures together, the table rows after their total.
        let insertAt = (figures.firstIndex { $0.measure == FactSheetTemplate.tableTotalMeasure && $0.geography != .us } ?? -1) + 1
        figures.insert(contentsOf: rows, at: insertAt)
        let ordered = figures.filter { $0.geography != .us } + figures.filter { $0.geography == .us }
        return FactSheet(stateName: stateName, stateCode: stateCode, year: year, figures: ordered, file: file,
                         stateNameLocation: stateLocation)
    }

    // MARK: State and year

    /// The state's name and where it appears, from the heading or the "Listed below" sentence.
    func findStateName() throws -> (String, SourceLocation) {
        let hasMarker = text.paragraphs.contains { FactSheetTemplate.organisation.firstMatch(in: $0.text) != nil }
        guard hasMarker else {
            throw DataError.wrongFormat(
                file: file, format: FactSheet.formatName, expected: #"the heading "The National Center for Missing and Exploited Children <State> Data""#)
        }
        for line in text.lines {
            guard let match = FactSheetTemplate.heading.firstMatch(in: line.text),
                  let r = Range(match.range("state"), in: line.text) else { continue }
            let name = String(line.text[r]).collapsingWhitespace
            let offset = match.range("state").location
            let position = offset < line.positions.count ? line.positions[offset] : SheetText.Position(line: line.number, column: 1)
            return (name, SourceLocation(file: file, line: position.line, column: position.column))
        }
        if let hit = findAll(FactSheetTemplate.listedBelow).first {
            return (hit.string("state").collapsingWhitespace, location(hit, "state"))
        }
        throw DataError.wrongFormat(
            file: file, format: FactSheet.formatName, expected: #"the state's name in "<State> Data" or "Listed below are <State> specific statistics""#)
    }

    /// The sheet's year: the first "In YYYY" in the text.
    func findYear() throws -> Int {
        // Paragraph by paragraph, stopping at the first: the sheet's heading paragraphs have it.
        for paragraph in text.paragraphs {
            for match in FactSheetTemplate.year.matches(in: paragraph.text) {
                if let year = Int(paragraph.string(match.range("year"))) { return year }
            }
        }
        throw DataError.wrongFormat(file: file, format: FactSheet.formatName, expected: #"a reporting year such as "In 2023,""#)
    }

    /// The last "In YYYY" in `sentence` before `before`, if any.
    func year(in paragraph: SheetText.Paragraph, sentence: NSRange, before: NSRange) -> Int? {
        let end = before.location == NSNotFound ? sentence.location + sentence.length : before.location
        let range = NSRange(location: sentence.location, length: max(0, end - sentence.location))
        guard let match = FactSheetTemplate.year.matches(in: paragraph.text, range: range).last else { return nil }
        return Int(paragraph.string(match.range("year")))
    }

    /// Throws unless a state sentence names the sheet's state.
    func checkPlace(_ hit: Found, _ stateName: String) throws {
        let place = hit.string("place").collapsingWhitespace
        if place.lowercased() != stateName.lowercased() {
            throw DataError.placeMismatch(at: location(hit, "place"), what: "the sheet's state", expected: stateName, found: place)
        }
    }

    // MARK: Numbers

    /// The published number in a match's `value` group.
    func number(_ hit: Found, expectation: String, unit: Unit) throws -> PublishedNumber {
        let raw = hit.string("value")
        guard let published = PublishedNumber.parse(raw, isLowerBound: hit.has("more")) else {
            throw DataError.unparsableNumber(at: location(hit, "value"), expected: expectation, found: raw.collapsingWhitespace)
        }
        guard PublishedNumber.inRange(published.value) else {
            throw DataError.numberOutOfRange(at: location(hit, "value"),
                                             expected: "\(expectation) of at most \(PublishedNumber.largestText) (too large)",
                                             found: raw.collapsingWhitespace)
        }
        if unit == .percent, published.value > 100 {
            throw DataError.numberOutOfRange(at: location(hit, "value"), expected: "a percentage from 0 to 100",
                                             found: raw.collapsingWhitespace + "%")
        }
        return published
    }

    // MARK: The missing-children table

    /// The three table rows; an absent row is kept as not reported.
    func tableRows(stateCode: String, stateName: String, period: Period, fallback: SourceLocation) throws -> [Figure] {
        var rows: [Figure] = []
        for (row, pattern) in zip(FactSheetTemplate.tableRows, FactSheetTemplate.tableRowPatterns) {
            var found: Figure?
            for line in text.lines {
                guard let match = pattern.firstMatch(in: line.text) else { continue }
                let valueRange = match.range("value")
                let raw = Range(valueRange, in: line.text).map { String(line.text[$0]) } ?? ""
                let offset = valueRange.location == NSNotFound ? 0 : valueRange.location
                let position = offset < line.positions.count ? line.positions[offset]
                    : SheetText.Position(line: line.number, column: (line.positions.last?.column ?? 0) + 1)
                let source = SourceLocation(file: file, line: position.line, column: position.column)
                if let first = found {
                    throw DataError.duplicateFigure(at: source, measure: row.measure, firstLine: first.source.line)
                }
                var value: Double?
                if !FactSheetTemplate.notReportedMarkers.contains(raw.lowercased()) {
                    guard let published = PublishedNumber.parse(raw) else {
                        let before = Range(NSRange(location: 0, length: offset), in: line.text).map { String(line.text[$0]) } ?? ""
                        let label = before.collapsingWhitespace.trimmingCharacters(in: CharacterSet(charactersIn: " :"))
                        throw DataError.unparsableNumber(at: source, expected: "a count after \"\(label)\"", found: raw)
                    }
                    guard PublishedNumber.inRange(published.value) else {
                        throw DataError.numberOutOfRange(
                            at: source, expected: "a count of at most \(PublishedNumber.largestText) (too large)", found: raw)
                    }
                    value = published.value
                }
                found = Figure(measure: row.measure, geography: Geography(stateCode), value: value, unit: .cases,
                               period: period, qualifier: .exact, source: source,
                               excerpt: line.text.collapsingWhitespace, label: row.label(stateName))
            }
            rows.append(found ?? notReported(row.measure, Geography(stateCode), .cases, period, row.label(stateName), at: fallback))
        }
        return rows
    }

    /// Throws when all rows and the total are reported and the rows' sum differs from the total.
    func checkRowsAddUp(_ rows: [Figure], total: Figure?) throws {
        guard let total, let stated = total.value else { return }
        let values = rows.compactMap(\.value)
        guard values.count == rows.count else { return }
        let sum = values.reduce(0, +)
        if sum != stated {
            throw DataError.partsDoNotAddUp(
                parts: "the \(rows.count) missing-case rows", partLines: rows.map(\.source.line),
                partsSum: sum, total: total.source, totalValue: stated)
        }
    }

    // MARK: Helpers

    func notReported(_ measure: String, _ geography: Geography, _ unit: Unit, _ period: Period,
                     _ label: String, at location: SourceLocation) -> Figure {
        Figure(measure: measure, geography: geography, value: nil, unit: unit, period: period, qualifier: .exact,
               source: location, excerpt: "not reported in the sheet", label: label)
    }

    /// Every match of `pattern` in every paragraph, in text order.
    func findAll(_ pattern: TemplatePattern) -> [Found] {
        text.paragraphs.flatMap { paragraph in
            pattern.matches(in: paragraph.text).map { Found(paragraph: paragraph, match: $0) }
        }
    }

    /// Where a named group starts.
    func location(_ hit: Found, _ group: String) -> SourceLocation {
        let range = hit.range(group)
        let position = hit.paragraph.position(range.location == NSNotFound ? hit.match.range.location : range.location)
        return SourceLocation(file: file, line: position.line, column: position.column)
    }
}

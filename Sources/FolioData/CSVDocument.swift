import Foundation
import SwiftCSV

/// A CSV file parsed with SwiftCSV's rules, with the line and column each field came from: the
/// layer under `DataTable`, public for readers of fixed-layout tables that check their header
/// and fields themselves.
///
/// SwiftCSV does the quoting; it does not report positions, so this type tracks them: each row
/// SwiftCSV yields ends at one newline, plus any newlines inside its quoted fields. Rows are read
/// through `enumerateAsArray` (not `rows`) because `rows` pads short rows and would hide a wrong
/// field count. Blank lines are skipped but still counted.
public struct CSVDocument: Equatable, Sendable {
    /// One field and the 1-based column where it starts on its record's first line.
    public struct Field: Equatable, Sendable {
        public var text: String
        public var column: Int
    }

    /// One record: its first line, its fields and the raw line (for excerpts).
    public struct Record: Equatable, Sendable {
        public var line: Int
        public var fields: [Field]
        public var rawLine: String
    }

    public var file: String
    public var header: Record
    public var records: [Record]

    /// Reads and parses `path`; every failure is a `DataError` naming `displayPath`.
    public static func load(path: String, displayPath: String) throws -> CSVDocument {
        try parse(text: InputText.read(path: path, displayPath: displayPath), file: displayPath)
    }

    /// Parses CSV text (a leading byte-order mark is dropped) with SwiftCSV.
    public static func parse(text: String, file: String) throws -> CSVDocument {
        let text = text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text
        let physicalLines = Self.lines(of: text)
        var rows: [[String]] = []
        do {
            let csv = try EnumeratedCSV(string: text, delimiter: .comma, loadColumns: false)
            try csv.enumerateAsArray(startAt: 0, rowLimit: nil) { rows.append($0) }
        } catch {
            let line = lineNumbers(of: rows).last.map { $0 + 1 } ?? 1
            throw DataError.csvMalformed(at: SourceLocation(file: file, line: line), reason: "\(error)")
        }
        var records: [Record] = []
        for (row, line) in zip(rows, lineNumbers(of: rows)) {
            if row.count == 1, row[0].allSatisfy(\.isWhitespace) { continue }
            let raw = line - 1 < physicalLines.count ? physicalLines[line - 1] : ""
            let columns = fieldColumns(raw)
            let fields = row.enumerated().map { index, value in
                Field(text: Self.trimmed(value), column: index < columns.count ? columns[index] : 1)
            }
            records.append(Record(line: line, fields: fields, rawLine: raw))
        }
        guard let header = records.first else { throw DataError.emptyFile(file: file) }
        return CSVDocument(file: file, header: header, records: Array(records.dropFirst()))
    }

    // The helpers below take a byte path when the text is plain ASCII (every byte one
    // character) and no byte can start a newline other than "\n", and the Character path
    // otherwise, which gives the same result. On the penguins table (15 KB, 3,184 fields) the
    // Character paths and Foundation's `trimmingCharacters` cost 60 M of the parse's 85 M
    // instructions (callgrind), on the serial path before any chart is drawn.

    /// Whether every byte of `text` is ASCII and none is a newline but "\n" (no CR, VT, FF).
    private static func isPlain(_ text: some StringProtocol) -> Bool {
        text.utf8.allSatisfy { $0 < 0x80 && !(0x0B...0x0D).contains($0) }
    }

    /// The physical lines of `text`, split at every newline character.
    static func lines(of text: String) -> [String] {
        guard isPlain(text) else {
            return text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).map(String.init)
        }
        return text.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).map { String(decoding: $0, as: UTF8.self) }
    }

    /// `field` without leading and trailing white space (Foundation's `.whitespaces`: spaces and
    /// tabs), returned as it is when it starts and ends with a plain ASCII character that is neither.
    static func trimmed(_ field: String) -> String {
        guard let first = field.utf8.first, let last = field.utf8.last else { return field }
        func plain(_ byte: UInt8) -> Bool { byte < 0x80 && byte != UInt8(ascii: " ") && byte != UInt8(ascii: "\t") }
        if plain(first), plain(last) { return field }
        return field.trimmingCharacters(in: .whitespaces)
    }

    /// The first line of each row: one line per row plus the newlines quoted inside its fields.
    private static func lineNumbers(of rows: [[String]]) -> [Int] {
        var numbers: [Int] = []
        var next = 1
        for row in rows {
            numbers.append(next)
            next += 1 + row.reduce(0) { count, field in
                let maybe = field.utf8.contains { (0x0A...0x0D).contains($0) || $0 >= 0x80 }
                return count + (maybe ? field.filter(\.isNewline).count : 0)
            }
        }
        return numbers
    }

    /// 1-based start columns of the comma-separated fields of one line, honouring quotes.
    private static func fieldColumns(_ line: String) -> [Int] {
        var columns = [1]
        var inQuotes = false
        if isPlain(line) {
            for (offset, byte) in line.utf8.enumerated() {
                if byte == UInt8(ascii: "\"") { inQuotes.toggle() }
                else if byte == UInt8(ascii: ","), !inQuotes { columns.append(offset + 2) }
            }
            return columns
        }
        for (offset, character) in line.enumerated() {
            if character == "\"" { inQuotes.toggle() }
            else if character == ",", !inQuotes { columns.append(offset + 2) }
        }
        return columns
    }

    /// Throws unless the header is exactly `expected` (case-sensitive, trimmed).
    public func expectHeader(_ expected: [String]) throws {
        let found = header.fields.map(\.text)
        guard found == expected else {
            throw DataError.csvHeader(at: SourceLocation(file: file, line: header.line), expected: expected, found: found)
        }
    }
}

extension CSVDocument.Record {
    /// Throws unless the record has exactly `count` fields.
    public func expectFieldCount(_ count: Int, file: String) throws {
        guard fields.count == count else {
            throw DataError.csvFieldCount(at: SourceLocation(file: file, line: line), expected: count, found: fields.count)
        }
    }

    /// Where field `index` starts.
    public func location(_ index: Int, file: String) -> SourceLocation {
        SourceLocation(file: file, line: line, column: index < fields.count ? fields[index].column : 1)
    }

    /// Field `index` as a non-negative count (digits, optionally with thousands separators).
    public func count(_ index: Int, column: String, file: String) throws -> Double {
        let text = index < fields.count ? fields[index].text : ""
        // plainDigits leaves at most one "." (the decimal point); look for it without Foundation's search.
        guard let digits = PublishedNumber.plainDigits(text), !digits.utf8.contains(UInt8(ascii: ".")),
              let value = Double(digits) else {
            throw DataError.csvInvalidField(at: location(index, file: file), column: column, expected: "a whole number", found: text)
        }
        try checkRange(value, index, column: column, file: file, text: text)
        return value
    }

    /// Field `index` as a non-negative number (a fraction allowed).
    public func number(_ index: Int, column: String, file: String) throws -> Double {
        let text = index < fields.count ? fields[index].text : ""
        guard let digits = PublishedNumber.plainDigits(text), let value = Double(digits) else {
            throw DataError.csvInvalidField(at: location(index, file: file), column: column, expected: "a number", found: text)
        }
        try checkRange(value, index, column: column, file: file, text: text)
        return value
    }

    /// Throws when a parsed number is too large to be exact or to compute with.
    private func checkRange(_ value: Double, _ index: Int, column: String, file: String, text: String) throws {
        guard PublishedNumber.inRange(value) else {
            throw DataError.numberOutOfRange(
                at: location(index, file: file),
                expected: "a number in column \"\(column)\" of at most \(PublishedNumber.largestText) (too large)", found: text)
        }
    }

    /// Field `index` as a count above zero (a population, a denominator).
    public func positiveCount(_ index: Int, column: String, file: String) throws -> Double {
        let value = try count(index, column: column, file: file)
        guard value > 0 else {
            throw DataError.numberOutOfRange(at: location(index, file: file),
                                             expected: "a whole number above zero in column \"\(column)\" (it is a denominator)",
                                             found: index < fields.count ? fields[index].text : "")
        }
        return value
    }

    /// The line, trimmed and with whitespace collapsed, for a figure's excerpt.
    public var excerpt: String { rawLine.collapsingWhitespace }
}

extension String {
    /// Trimmed, with every run of whitespace replaced by one space.
    public var collapsingWhitespace: String { split(whereSeparator: \.isWhitespace).joined(separator: " ") }
}

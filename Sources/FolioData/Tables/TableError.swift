/// A problem with a table or with how a step uses it, located like a compiler diagnostic.
public enum TableError: Error, Hashable, Sendable, CustomStringConvertible {
    /// A record has more or fewer fields than the header.
    case raggedRow(at: SourceLocation, fields: Int, expected: Int)
    /// A cell read as a number is not one.
    case notANumber(at: SourceLocation, column: String, found: String)
    /// A step names a column the table does not have.
    case unknownColumn(String, file: String, known: [String])
    /// Two header fields have the same name.
    case duplicateColumn(at: SourceLocation, name: String)
    /// A key appears twice in the table a join looks keys up in.
    case duplicateKey(at: SourceLocation, column: String, key: String, firstLine: Int)
    /// A join found no row for a key.
    case missingKey(at: SourceLocation, column: String, key: String, file: String)
    /// A file has a header and no records.
    case noRows(file: String)

    public var description: String {
        switch self {
        case let .raggedRow(at, fields, expected):
            return "\(at): error: this row has \(fields) field\(fields == 1 ? "" : "s"); the header has \(expected)"
        case let .notANumber(at, column, found):
            return "\(at): error: expected a number in column `\(column)`, found \"\(found)\" (write NA or leave it empty for a value not reported)"
        case let .unknownColumn(name, file, known):
            let hint = closest(name, among: known).map { "; did you mean `\($0)`?" } ?? ""
            return "\(file): error: no column `\(name)`\(hint) (columns: \(known.joined(separator: ", ")))"
        case let .duplicateColumn(at, name):
            return "\(at): error: the header names the column `\(name)` twice"
        case let .duplicateKey(at, column, key, first):
            return "\(at): error: `\(key)` appears twice in column `\(column)` (first on line \(first)); a join needs each key once"
        case let .missingKey(at, column, key, file):
            return "\(at): error: no row of \(file) has `\(key)` in column `\(column)`"
        case let .noRows(file):
            return "\(file): error: the table has a header and no rows"
        }
    }

    /// The known name nearest to `name` when it is a likely slip (a few edits away).
    private func closest(_ name: String, among known: [String]) -> String? {
        func distance(_ a: [Character], _ b: [Character]) -> Int {
            var row = Array(0...b.count)
            for (i, x) in a.enumerated() {
                var previous = row[0]; row[0] = i + 1
                for (j, y) in b.enumerated() {
                    let current = row[j + 1]
                    row[j + 1] = min(row[j + 1] + 1, row[j] + 1, previous + (x == y ? 0 : 1))
                    previous = current
                }
            }
            return row[b.count]
        }
        let lowered = Array(name.lowercased())
        return known.map { ($0, distance(lowered, Array($0.lowercased()))) }
            .filter { $0.1 <= max(2, name.count / 3) }.min { $0.1 < $1.1 }?.0
    }
}

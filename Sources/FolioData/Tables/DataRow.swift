/// One record of a table: its cells by column, and the line it starts on.
public struct DataRow: Hashable, Sendable {
    /// The line of the file the record starts on.
    public let line: Int
    let cells: [DataCell]
    let index: [String: Int]

    /// The cell in `column`, or an error naming the columns there are.
    public func cell(_ column: String) throws(TableError) -> DataCell {
        guard let i = index[column] else {
            throw TableError.unknownColumn(column, file: cells.first?.location.file ?? "", known: index.sorted { $0.value < $1.value }.map(\.key))
        }
        return cells[i]
    }

    /// The text in `column` (empty when there is no such column).
    public subscript(column: String) -> String { index[column].map { cells[$0].text } ?? "" }

    /// The number in `column`: nil when missing, an error at the cell when it is not a number.
    public func number(_ column: String) throws(TableError) -> Double? { try cell(column).number() }
}

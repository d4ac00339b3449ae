/// One field of a table, with the place it was read from.
public struct DataCell: Hashable, Sendable, CustomStringConvertible {
    /// The field's text, trimmed.
    public let text: String
    /// File, line and column of the field.
    public let location: SourceLocation
    /// The column the cell belongs to.
    public let column: String

    public init(text: String, location: SourceLocation, column: String) {
        self.text = text; self.location = location; self.column = column
    }

    /// The spellings of "no value" a table may use: an empty field, `NA`, `N/A`, `NaN`, `null`, `-`.
    public static let missingMarkers: Set<String> = ["", "NA", "N/A", "n/a", "NaN", "nan", "null", "NULL", "-"]

    /// True when the source gives no value here (which is not zero).
    public var isMissing: Bool { Self.missingMarkers.contains(text) }

    /// The number in the cell, nil when it is missing, or an error at the cell when it is not a
    /// number. Digit groups (`1,234`) are accepted.
    public func number() throws(TableError) -> Double? {
        if isMissing { return nil }
        let plain = text.replacingOccurrences(of: ",", with: "")
        guard let value = Double(plain), value.isFinite else {
            throw TableError.notANumber(at: location, column: column, found: text)
        }
        return value
    }

    public var description: String { text }
}

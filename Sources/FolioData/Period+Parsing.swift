extension Period {
    /// Reads the forms `description` prints: `2023`, `cumulative to 2023`, `mid-2023`; nil otherwise.
    public init?(parsing text: String) {
        let text = text.lowercased().collapsingWhitespace
        func year(_ s: Substring) -> Int? {
            guard s.count == 4, s.allSatisfy(\.isASCIIDigit) else { return nil }
            return Int(s)
        }
        if let y = year(Substring(text)) {
            self = .year(y)
        } else if text.hasPrefix("cumulative to "), let y = year(text.dropFirst("cumulative to ".count)) {
            self = .cumulative(through: y)
        } else if text.hasPrefix("mid-"), let y = year(text.dropFirst(4)) {
            self = .pointInTime(year: y)
        } else {
            return nil
        }
    }
}

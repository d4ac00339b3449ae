import FolioScene

/// The page size of the PDF briefing.
public enum PaperSize: String, Hashable, Sendable, CaseIterable {
    /// US Letter, 8.5 × 11 in (612 × 792 pt): the default.
    case letter
    /// ISO A4, 210 × 297 mm (595.28 × 841.89 pt).
    case a4

    /// The page size in points.
    public var size: Size {
        switch self {
        case .letter: Size(612, 792)
        case .a4: Size(595.28, 841.89)
        }
    }
}

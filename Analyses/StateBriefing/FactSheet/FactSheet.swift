import FolioData
/// The figures of one NCMEC state fact sheet: the state's own and the programme-wide ones it quotes.
public struct FactSheet: Sendable, Hashable {
    /// What the text must be, for "not …" messages.
    public static let formatName = "an NCMEC state fact sheet"
    /// The state's name as the sheet spells it, e.g. "Mississippi".
    public var stateName: String
    /// The state's USPS code, e.g. `MS`.
    public var stateCode: String
    /// The year the sheet reports on, read from its "In 2023, ..." sentences.
    public var year: Int
    /// Every figure, state ones first; a figure the sheet does not report has `value == nil`.
    public var figures: [Figure]
    /// The file as named in errors and figure sources.
    public var file: String

    /// Where the state's name was read (the sheet's heading).
    public var stateNameLocation: SourceLocation

    public init(stateName: String, stateCode: String, year: Int, figures: [Figure], file: String,
                stateNameLocation: SourceLocation? = nil) {
        self.stateNameLocation = stateNameLocation ?? SourceLocation(file: file, line: 1)
        self.stateName = stateName; self.stateCode = stateCode; self.year = year
        self.figures = figures; self.file = file
    }

    /// The state's geography (its USPS code).
    public var state: Geography { Geography(stateCode) }

    /// Figures about the state.
    public var stateFigures: [Figure] { figures.filter { $0.geography == state } }

    /// Programme-wide figures (geography `US`), some of them worldwide (see each label).
    public var nationalFigures: [Figure] { figures.filter { $0.geography == .us } }

    /// The figure for a measure and geography, reported or not; nil when the sheet has no such figure.
    public func figure(_ measure: String, geography: Geography) -> Figure? {
        figures.first { $0.measure == measure && $0.geography == geography }
    }

    /// The reported figure for a measure and geography.
    ///
    /// Throws `DataError.missingFigure` when the sheet has no such figure at all (an unknown key, or a
    /// programme-wide key asked of the state), and `DataError.figureNotReported` when the sheet has the
    /// figure but reports no value (e.g. an absent table row).
    public func require(_ measure: String, _ geography: Geography) throws -> Figure {
        guard let figure = figure(measure, geography: geography) else {
            let known = figures.filter { $0.geography == geography }.map(\.measure)
            throw DataError.missingFigure(
                file: file, measure: measure,
                expected: "one of the sheet's measures for \(geography): \(known.joined(separator: ", "))")
        }
        guard figure.isReported else {
            throw DataError.figureNotReported(at: figure.source, measure: measure, geography: geography.code)
        }
        return figure
    }
}

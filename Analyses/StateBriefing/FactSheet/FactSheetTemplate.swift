import FolioData
import Foundation

/// The sentences and table rows of NCMEC's state fact-sheet template, as tolerant patterns.
///
/// Pattern text convention: a literal space means "one or more whitespace characters" (`\s+`), so
/// line breaks and double spaces inside a sentence do not matter; matching ignores case.
/// `{NUM}` captures a number (`value`, with an optional "more than" in `more`), `{PCT}` a percentage,
/// `{PLACE}` the state's name (`place`), `{END}` the end of a clause.
enum FactSheetTemplate {
    /// Whether a figure is the state's or programme-wide.
    enum Scope { case state, national }

    /// Whether a figure counts one year's events or a running total.
    enum PeriodKind { case year, cumulative }

    /// One sentence that states one figure.
    struct Sentence {
        var measure: String
        var scope: Scope
        var unit: Unit
        var periodKind: PeriodKind
        /// The pattern (see the type's convention).
        var pattern: String
        /// What the number should be, for errors: `a count after "handled"`.
        var expectation: String
        /// A human label; receives the state's name.
        var label: @Sendable (String) -> String
    }

    /// One row of the missing-children table.
    struct TableRow {
        var measure: String
        /// Pattern for the row's label at the start of a line; the value follows.
        var labelPattern: String
        var label: @Sendable (String) -> String
    }

    static let number = #"(?<!\S)(?<more>(?:more than|greater than|over|at least) )?(?<value>\S+(?:\s+(?:thousand|million|billion))?)"#
    static let percent = #"(?<!\S)(?<value>[^\s%]+)\s*(?:%|\s+percent)"#
    static let place = #"(?<place>[^.,;:!?]+?)"#
    static let end = #"(?=\s*(?:[.,;:!?]|$))"#

    /// The markers every sheet in the template carries.
    static let organisationPattern = "National Center for Missing and Exploited Children"
    /// "… Children Mississippi Data" (the heading, bold markers removed).
    static let headingPattern = #"Missing and Exploited Children (?<state>[A-Za-z][A-Za-z .'\-]*?)\s+Data\s*$"#
    /// "Listed below are Mississippi specific statistics".
    static let listedBelowPattern = #"Listed below are (?<state>[^.,;:]+?) specific statistics"#
    /// "In 2023," at the start of a clause.
    static let yearPattern = #"\bIn (?<year>\d{4})\b"#
    /// The total the table rows must add up to.
    static let tableTotalMeasure = MeasureKey.missingChildCases

    static let sentences: [Sentence] = [
        // The state's figures.
        Sentence(measure: MeasureKey.cybertiplineReports, scope: .state, unit: .reports, periodKind: .year,
                 pattern: "{NUM} CyberTipline reports? (?:were|was) made available to law enforcement in {PLACE}{END}",
                 expectation: #"a count before "CyberTipline reports were made available""#,
                 label: { "CyberTipline reports made available to \($0) law enforcement" }),
        Sentence(measure: MeasureKey.cvipSubmissions, scope: .state, unit: .submissions, periodKind: .year,
                 pattern: "NCMEC reviewed {NUM} submissions? of [^.]*?from {PLACE} law enforcement",
                 expectation: #"a count after "NCMEC reviewed""#,
                 label: { "CVIP submissions from \($0) law enforcement reviewed by NCMEC" }),
        Sentence(measure: MeasureKey.missingChildCases, scope: .state, unit: .cases, periodKind: .year,
                 pattern: #"handled {NUM} cases? of missing children from {PLACE}(?:\s+as\s+follows)?\s*[.:]"#,
                 expectation: #"a count after "handled""#,
                 label: { "Missing child cases from \($0) handled by NCMEC" }),
        Sentence(measure: MeasureKey.traffickingEngagements, scope: .state, unit: .engagements, periodKind: .year,
                 pattern: "had {NUM} engagements? with {PLACE} social services? agencies",
                 expectation: #"a count after "NCMEC had""#,
                 label: { "NCMEC engagements with \($0) social service agencies on child sex trafficking cases" }),
        Sentence(measure: MeasureKey.teamHopeSupported, scope: .state, unit: .survivorsFamilies, periodKind: .year,
                 pattern: #"including {NUM} survivors?\s*/\s*famil(?:y|ies) in {PLACE}{END}"#,
                 expectation: #"a count after "including""#,
                 label: { "Survivors and families in \($0) supported by Team HOPE" }),
        Sentence(measure: MeasureKey.mentalHealthConnections, scope: .state, unit: .connections, periodKind: .year,
                 pattern: #"connected {NUM} survivors?\s*/\s*famil(?:y|ies) to mental health services in {PLACE}{END}"#,
                 expectation: #"a count after "NCMEC connected""#,
                 label: { "Survivors and families in \($0) connected to mental health services" }),
        Sentence(measure: MeasureKey.connectNewUsers, scope: .state, unit: .users, periodKind: .year,
                 pattern: "including {NUM} new law enforcement and child-serving professionals in {PLACE}{END}",
                 expectation: #"a count after "including""#,
                 label: { "New NCMEC CONNECT users among \($0) law enforcement and child-serving professionals" }),
        // Programme-wide figures quoted by every sheet.
        Sentence(measure: MeasureKey.cybertiplineReports, scope: .national, unit: .reports, periodKind: .year,
                 pattern: "CyberTipline received {NUM} reports",
                 expectation: #"a count after "the CyberTipline received""#,
                 label: { _ in "CyberTipline reports received worldwide (all countries, not only the US)" }),
        Sentence(measure: MeasureKey.cybertiplineContentPieces, scope: .national, unit: .contentPieces, periodKind: .year,
                 pattern: "containing {NUM} pieces of (?:reported )?content",
                 expectation: #"a count after "containing""#,
                 label: { _ in "Pieces of content in CyberTipline reports worldwide" }),
        Sentence(measure: MeasureKey.cvipChildrenIdentified, scope: .national, unit: .children, periodKind: .cumulative,
                 pattern: "identification of {NUM} children",
                 expectation: #"a count after "identification of""#,
                 label: { _ in "Children identified with CVIP support since the programme began" }),
        Sentence(measure: MeasureKey.missingChildCases, scope: .national, unit: .cases, periodKind: .year,
                 pattern: "on {NUM} missing child cases",
                 expectation: #"a count before "missing child cases""#,
                 label: { _ in "Missing child cases NCMEC assisted on nationwide" }),
        Sentence(measure: MeasureKey.missingFromSocialServices, scope: .national, unit: .cases, periodKind: .year,
                 pattern: "{NUM} of which involved children who had run away from a social services? facility",
                 expectation: #"a count before "of which involved children""#,
                 label: { _ in "Missing child cases nationwide involving children who ran from social services" }),
        Sentence(measure: MeasureKey.likelyTraffickingVictimsPercent, scope: .national, unit: .percent, periodKind: .year,
                 pattern: "{PCT} of these children were likely victims",
                 expectation: #"a percentage before "of these children""#,
                 label: { _ in "Share of children who ran from social services who were likely sex trafficking victims" }),
        Sentence(measure: MeasureKey.traffickingReports, scope: .national, unit: .reports, periodKind: .year,
                 pattern: "received {NUM} reports (?:relating|related) to child sex trafficking",
                 expectation: #"a count after "NCMEC received""#,
                 label: { _ in "Reports to NCMEC relating to child sex trafficking" }),
        Sentence(measure: MeasureKey.teamHopeSupported, scope: .national, unit: .survivorsFamilies, periodKind: .year,
                 pattern: "Team HOPE supported {NUM} survivors",
                 expectation: #"a count after "Team HOPE supported""#,
                 label: { _ in "Survivors and families supported by Team HOPE nationwide" }),
        Sentence(measure: MeasureKey.teamAdamIncidents, scope: .national, unit: .incidents, periodKind: .year,
                 pattern: "activated on {NUM} incidents?",
                 expectation: #"a count after "activated on""#,
                 label: { _ in "Critically-missing-child incidents Team Adam was activated on" }),
        Sentence(measure: MeasureKey.teamAdamLongTermCases, scope: .national, unit: .cases, periodKind: .year,
                 pattern: "assistance on {NUM} long-term missing",
                 expectation: #"a count after "assistance on""#,
                 label: { _ in "Long-term missing child cases Team Adam assisted on" }),
        Sentence(measure: MeasureKey.connectRegisteredUsers, scope: .national, unit: .users, periodKind: .cumulative,
                 pattern: "CONNECT had {NUM} registered users",
                 expectation: #"a count after "NCMEC CONNECT had""#,
                 label: { _ in "Registered NCMEC CONNECT users (running total)" }),
    ]

    /// The rows of "NCMEC handled N cases of missing children from <State> as follows:".
    static let tableRows: [TableRow] = [
        TableRow(measure: MeasureKey.missingFromSocialServices,
                 labelPattern: "Children Missing From (?:a )?Social Services? Facility",
                 label: { "\($0) children missing from a social services facility" }),
        TableRow(measure: MeasureKey.missingOther,
                 labelPattern: "Other Missing Children(?: Cases)?",
                 label: { "Other missing child cases from \($0)" }),
        TableRow(measure: MeasureKey.missingHHSORR,
                 labelPattern: #"Children Reported Missing by (?:the )?Office of Refugee Resettlement(?:\s*\(HHS-ORR\))?"#,
                 label: { "\($0) children reported missing by the Office of Refugee Resettlement (HHS-ORR)" }),
    ]

    /// Cell texts that mean "not reported" rather than a number.
    static let notReportedMarkers: Set<String> = ["", "-", "–", "—", "n/a", "na", "*"]

    /// Expands the convention into an `NSRegularExpression` pattern: each space becomes `\s+`,
    /// then each placeholder its pattern (`{NUM}`'s own spaces expanded too).
    static func expand(_ pattern: String) -> String {
        let spaced = { (text: String) in text.replacingOccurrences(of: " ", with: #"\s+"#) }
        return [("{NUM}", spaced(number)), ("{PCT}", percent), ("{PLACE}", place), ("{END}", end)]
            .reduce(spaced(pattern)) { $0.replacingOccurrences(of: $1.0, with: $1.1) }
    }
}

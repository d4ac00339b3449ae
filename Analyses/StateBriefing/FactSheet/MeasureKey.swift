import FolioData
/// The measure keys Folio's data module produces, so callers do not spell strings by hand.
public enum MeasureKey {
    // Fact sheet, state and programme-wide.
    public static let cybertiplineReports = "cybertipline_reports"
    public static let cybertiplineContentPieces = "cybertipline_content_pieces"
    public static let cvipSubmissions = "cvip_submissions"
    public static let cvipChildrenIdentified = "cvip_children_identified"
    public static let missingChildCases = "missing_child_cases"
    public static let missingFromSocialServices = "missing_from_social_services"
    public static let missingOther = "missing_other"
    public static let missingHHSORR = "missing_hhs_orr"
    public static let likelyTraffickingVictimsPercent = "likely_trafficking_victims_percent"
    public static let traffickingReports = "trafficking_reports"
    public static let traffickingEngagements = "trafficking_engagements"
    public static let teamHopeSupported = "team_hope_supported"
    public static let mentalHealthConnections = "mental_health_connections"
    public static let teamAdamIncidents = "team_adam_incidents"
    public static let teamAdamLongTermCases = "team_adam_long_term_cases"
    public static let connectRegisteredUsers = "connect_registered_users"
    public static let connectNewUsers = "connect_new_users"
    // Tables.
    public static let populationTotal = "population_total"
    public static let populationUnder18 = "population_under_18"
    public static let population18Plus = "population_18_plus"
    public static let cybertiplineReportsByUploadState = "cybertipline_reports_by_upload_state"
}

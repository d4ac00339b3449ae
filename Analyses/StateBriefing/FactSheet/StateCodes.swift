import FolioData
/// USPS codes that tell the 50 states apart from DC, territories and totals.
public enum StateCodes {
    /// The 50 states (not DC, not territories).
    public static let fiftyStates: Set<String> = [
        "AL", "AK", "AZ", "AR", "CA", "CO", "CT", "DE", "FL", "GA", "HI", "ID", "IL", "IN", "IA", "KS", "KY",
        "LA", "ME", "MD", "MA", "MI", "MN", "MS", "MO", "MT", "NE", "NV", "NH", "NJ", "NM", "NY", "NC", "ND",
        "OH", "OK", "OR", "PA", "RI", "SC", "SD", "TN", "TX", "UT", "VT", "VA", "WA", "WV", "WI", "WY",
    ]
    /// The District of Columbia.
    public static let districtOfColumbia = "DC"
    /// The national total row.
    public static let unitedStates = "US"
}

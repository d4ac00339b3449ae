import FolioData
extension Unit {
    /// Every unit this module defines, for looking one up by name.
    public static let known: [Unit] = [
        .reports, .contentPieces, .submissions, .children, .cases, .engagements, .survivorsFamilies,
        .connections, .users, .incidents, .people, .percent,
    ]

    /// The known unit with this machine name (`reports`, `cases`, ...), or nil.
    public static func named(_ name: String) -> Unit? { known.first { $0.name == name } }
}

import FolioData

/// What the NCMEC fact sheet and its reference tables count.
extension Unit {
    public static let reports = Unit("reports")
    public static let contentPieces = Unit("content_pieces", singular: "piece of content", plural: "pieces of content")
    public static let submissions = Unit("submissions")
    public static let children = Unit("children", singular: "child", plural: "children")
    public static let cases = Unit("cases")
    public static let engagements = Unit("engagements")
    public static let survivorsFamilies = Unit("survivors_families", singular: "survivor or family", plural: "survivors and families")
    public static let connections = Unit("connections")
    public static let users = Unit("users")
    public static let incidents = Unit("incidents")
}

/// Foundation has a `Unit` too; in this module the word means Folio's.
public typealias Unit = FolioData.Unit

/// What a figure counts. Two figures can form a share or ratio only when their units match
/// (or the step declares the comparison with a caveat).
public struct Unit: Hashable, Sendable, CustomStringConvertible {
    /// A short machine name, e.g. `reports`, `cases`, `people`.
    public var name: String
    /// Singular and plural words for prose, e.g. "report" / "reports".
    public var singular: String
    public var plural: String
    public init(_ name: String, singular: String? = nil, plural: String? = nil) {
        self.name = name
        self.plural = plural ?? name
        self.singular = singular ?? (name.hasSuffix("s") ? String(name.dropLast()) : name)
    }
    public var description: String { name }

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
    public static let people = Unit("people", singular: "person", plural: "people")
    public static let percent = Unit("percent", singular: "percent", plural: "percent")
}

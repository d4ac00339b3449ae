import FolioData
/// State names and USPS codes, for turning a fact sheet's "Mississippi" into `MS`.
///
/// Built from the population table (`PopulationTable.directory`): the 50 states and DC, not the
/// `US` total row. Name lookup ignores case and runs of whitespace.
public struct StateDirectory: Sendable, Hashable {
    /// One place: its USPS code and its name as the table spells it.
    public struct Entry: Sendable, Hashable {
        public var code: String
        public var name: String
        public init(code: String, name: String) { self.code = code; self.name = name }
    }

    /// All entries, in the order given.
    public let entries: [Entry]
    private let codesByName: [String: String]
    private let namesByCode: [String: String]

    /// A directory of the given places; a later duplicate name or code does not replace an earlier one.
    public init(_ entries: [Entry]) {
        self.entries = entries
        var codes: [String: String] = [:]
        var names: [String: String] = [:]
        for entry in entries {
            codes[Self.key(entry.name)] = codes[Self.key(entry.name)] ?? entry.code
            names[entry.code.uppercased()] = names[entry.code.uppercased()] ?? entry.name
        }
        codesByName = codes
        namesByCode = names
    }

    /// The USPS code for a name ("new  hampshire" → `NH`), or nil.
    public func code(forName name: String) -> String? { codesByName[Self.key(name)] }

    /// The name for a USPS code (`nh` → "New Hampshire"), or nil.
    public func name(forCode code: String) -> String? { namesByCode[code.uppercased()] }

    /// The number of places.
    public var count: Int { entries.count }

    private static func key(_ name: String) -> String { name.lowercased().collapsingWhitespace }
}

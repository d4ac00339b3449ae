import FolioCommandLine
import FolioRunner

/// `folio list`: the analyses this build knows.
struct ListCommand: FolioCommand {
    static let spec = CommandSpec(
        name: "list", abstract: "List the analyses in Analyses/: notebooks and narrative-only analyses (nothing is compiled).")

    init(_ arguments: ParsedArguments) throws {}

    func run() throws {
        try CLIErrors.guarding {
            for t in try FolioSession.targets() {
                let kind = t.notebook == nil ? "narrative-only" : "notebook"
                print("\(t.id)\t\(t.summary)\n\t\(kind): \(t.narrative)\n\tdefault data: \(t.defaultData.isEmpty ? "none" : t.defaultData)")
            }
        }
    }
}

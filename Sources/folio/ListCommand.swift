import ArgumentParser
import FolioRunner

/// `folio list`: the analyses this build knows.
struct ListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List the analyses: those compiled into folio and the narrative-only ones in Analyses/.")

    func run() throws {
        try CLIErrors.guarding {
            for t in try FolioSession.targets() {
                let kind = t.id == t.analysis.id ? t.analysis.summary : "narrative-only, uses the steps of \(t.analysis.id)"
                print("\(t.id)\t\(kind)\n\tnarrative: \(t.narrative)\n\tdefault data: \(t.analysis.defaultData)")
            }
        }
    }
}

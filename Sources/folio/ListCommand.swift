import ArgumentParser
import FolioRunner

/// `folio list`: the analyses this build knows.
struct ListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List the analyses compiled into folio.")

    func run() throws {
        for a in AnalysisCatalog.all {
            print("\(a.id)\t\(a.summary)\n\tnarrative: \(a.narrative)\n\tdefault data: \(a.defaultData)")
        }
    }
}

import ArgumentParser
import FolioRunner

/// `folio ingest FILE`: the figures of a state fact sheet as CSV, each with its source line.
struct IngestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ingest",
        abstract: "Parse a state fact sheet and print its figures as CSV (measure,geo,value,unit,period,qualifier,source_line).")

    @Argument(help: "A state fact sheet as text.")
    var file: String

    func run() throws {
        try CLIErrors.guarding {
            print(try FolioSession.ingest(file), terminator: "")
        }
    }
}

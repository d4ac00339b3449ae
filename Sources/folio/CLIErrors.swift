import FolioRunner
import Foundation

/// Turns Folio's errors into a message on stderr and the documented exit code.
enum CLIErrors {
    static func guarding(_ body: () throws -> Void) throws {
        do {
            try body()
        } catch let error as FolioError {
            printErr(error.description.hasPrefix("error") || error.description.contains(": error:") ? error.description : "error: \(error.description)")
            throw ExitStatus(error.exitCode)
        }
    }

    static func printErr(_ message: String) {
        var text = message
        if !text.hasSuffix("\n") { text += "\n" }
        FileHandle.standardError.write(Data(text.utf8))
    }
}

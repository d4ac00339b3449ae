import Foundation

/// Finds the project folder: the current directory or the nearest folder above it that holds
/// `Package.swift` and `Analyses/`, so `folio` works from anywhere inside a project.
public enum ProjectLocator {
    public static func findRoot(from start: String = FileManager.default.currentDirectoryPath) throws -> String {
        var url = URL(fileURLWithPath: start).standardizedFileURL
        let fm = FileManager.default
        while true {
            let candidate = url.path
            if fm.fileExists(atPath: candidate + "/Package.swift") && fm.fileExists(atPath: candidate + "/Analyses") {
                return candidate
            }
            let parent = url.deletingLastPathComponent()
            if parent.path == url.path { break }
            url = parent
        }
        throw FolioError.input("no Folio project here: no folder from \(start) upwards holds Package.swift and Analyses/")
    }
}

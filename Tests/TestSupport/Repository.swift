import Foundation

/// Where the project is, for tests that read its `Analyses/` and `README.md`.
public enum Repository {
    /// The folder holding `Package.swift`, found by walking up from this file.
    public static let root: String = {
        var url = URL(fileURLWithPath: #filePath)
        while url.path != "/" {
            url.deleteLastPathComponent()
            if FileManager.default.fileExists(atPath: url.path + "/Package.swift") { return url.path }
        }
        return FileManager.default.currentDirectoryPath
    }()

    /// A file in `Analyses/Data`.
    public static func data(_ name: String) -> String { root + "/Analyses/Data/" + name }
}

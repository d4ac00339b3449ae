import Foundation

/// Paths to the project's data folder for the tests.
enum TestData {
    /// `Analyses/Data`, found by walking up from this file to the folder holding `Package.swift`.
    static let folder: String = {
        var url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        while url.path != "/" {
            if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) {
                return url.appendingPathComponent("Analyses/Data").path
            }
            url = url.deletingLastPathComponent()
        }
        return "Analyses/Data"
    }()

    static func path(_ name: String) -> String { folder + "/" + name }
}

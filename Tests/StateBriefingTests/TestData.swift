import Foundation
import TestSupport
@testable import FolioData
@testable import StateBriefingKit

/// Paths to the project's data folder and shared loaders for the tests.
enum TestData {
    /// `Analyses/Data`, found by walking up from this file to the folder holding `Package.swift`.
    static func path(_ name: String) -> String { Repository.data(name) }

    static func population() throws -> PopulationTable {
        try PopulationTable.load(path: path("population-2023.csv"), displayPath: "Analyses/Data/population-2023.csv")
    }

    static func mississippiText() throws -> String {
        try String(contentsOfFile: path("ncmec-2023-mississippi.txt"), encoding: .utf8)
    }

    static func directory() throws -> StateDirectory { try population().directory }

    /// Parses sheet text with the real state directory.
    static func sheet(_ text: String, file: String = "sheet.txt") throws -> FactSheet {
        try FactSheetParser.parse(text: text, file: file, states: directory())
    }

    /// The Mississippi sheet with `replacements` applied, in order.
    static func mississippi(replacing replacements: [(String, String)]) throws -> String {
        var text = try mississippiText()
        for (old, new) in replacements { text = text.replacingOccurrences(of: old, with: new) }
        return text
    }
}

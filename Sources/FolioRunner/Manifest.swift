import Foundation

/// `Output/manifest.json`: for every briefing folder, the hash of each output file and of
/// everything that produced it (inputs, narrative, analysis identity, Folio build, parameters).
/// It is written with sorted keys and no timestamps, so it is as reproducible as the outputs.
public struct Manifest: Codable, Equatable, Sendable {
    /// What produced one briefing folder, and what it holds.
    public struct Entry: Codable, Equatable, Sendable {
        public var analysis: String
        public var analysisVersion: String
        public var folioVersion: String
        /// Run parameters, e.g. `data`.
        public var parameters: [String: String]
        /// Input path (as named in the project) → SHA-256.
        public var inputs: [String: String]
        /// Output path relative to the output root → SHA-256.
        public var outputs: [String: String]
    }

    public var entries: [String: Entry]

    public init(entries: [String: Entry] = [:]) { self.entries = entries }

    /// The manifest at `path`, or an empty one when there is none (or it is unreadable).
    public static func load(from path: String) -> Manifest {
        guard let data = FileManager.default.contents(atPath: path),
              let manifest = try? JSONDecoder().decode(Manifest.self, from: data) else { return Manifest() }
        return manifest
    }

    /// Deterministic JSON: sorted keys, two-space indentation, trailing newline.
    public func encoded() -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        let data = (try? encoder.encode(self)) ?? Data("{}".utf8)
        return Array(data) + [10]
    }
}

import Foundation

/// One worker's share of a batch, `--shard K/N` (1-based) or `FOLIO_SHARD=K/N`: of every
/// briefing the command would render (each analysis × each `--data` file × each parameter set),
/// the ones whose key hashes to K.
///
/// The key is the analysis id, the data file's name (not its folder, which differs between
/// machines) and the parameters: what decides a briefing's output folder, known before anything
/// is computed. (The folder name itself comes from a notebook's first cell, so keying on it would
/// make every worker compute every briefing just to learn which are its own.) SHA-256 of the key
/// modulo N: the same on every machine, whatever the order of the files and whatever the other
/// workers do.
public struct Shard: Hashable, Sendable, CustomStringConvertible {
    /// 1...count.
    public let index: Int
    public let count: Int

    public init(index: Int, count: Int) { self.index = index; self.count = count }

    /// Reads `K/N`, or throws a usage error that says what was expected.
    public init(parsing text: String, source: String = "--shard") throws {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, let k = Int(parts[0].trimmingCharacters(in: .whitespaces)),
              let n = Int(parts[1].trimmingCharacters(in: .whitespaces)), n >= 1, (1...n).contains(k) else {
            throw FolioError.usage("\(source) expects K/N with 1 ≤ K ≤ N (such as 2/4), not '\(text)'")
        }
        self.init(index: k, count: n)
    }

    /// The shard named by `--shard`, else by `FOLIO_SHARD`, else none.
    public static func from(option: String?, environment: [String: String] = ProcessInfo.processInfo.environment) throws -> Shard? {
        if let option { return try Shard(parsing: option) }
        if let value = environment[environmentVariable], !value.isEmpty { return try Shard(parsing: value, source: environmentVariable) }
        return nil
    }

    public static let environmentVariable = "FOLIO_SHARD"

    public var description: String { "\(index)/\(count)" }

    /// Whether the briefing with this key is this shard's.
    public func owns(_ key: String) -> Bool { Self.number(for: key, of: count) == index }

    /// The shard (1...count) a key belongs to.
    static func number(for key: String, of count: Int) -> Int {
        let hex = ContentHash.of(key).prefix(16)
        return Int(UInt64(hex, radix: 16)! % UInt64(count)) + 1
    }

    /// Where a shard writes when no `--output` is given: `.build/folio-shards/K-of-N` in the project.
    public func defaultOutput(projectRoot: String) -> String { projectRoot + "/.build/folio-shards/\(index)-of-\(count)" }
}

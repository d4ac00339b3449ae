import Foundation

/// `shard.json`, written last into a shard's output folder: which shard of which batch it holds,
/// so `folio merge` can refuse shards of different batches or of a different N, and name a
/// missing one.
public struct ShardRecord: Codable, Equatable, Sendable {
    public static let fileName = "shard.json"
    public var shard: Int
    public var of: Int
    /// SHA-256 of every briefing key of the whole batch, sorted: equal for every shard of one batch.
    public var batch: String
    /// The `manifest.json` keys of this shard's briefings, sorted.
    public var briefings: [String]
    /// How many briefings the whole batch has.
    public var batchSize: Int

    /// - Parameter items: every briefing of the batch, as its shard key and its manifest key.
    public init(shard: Shard, items: [(shardKey: String, manifestKey: String)]) {
        self.shard = shard.index; of = shard.count
        batch = ContentHash.of(items.map(\.shardKey).sorted().joined(separator: "\n"))
        briefings = items.filter { shard.owns($0.shardKey) }.map(\.manifestKey).sorted()
        batchSize = items.count
    }

    public func encoded() -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        return Array((try? encoder.encode(self)) ?? Data("{}".utf8)) + [10]
    }
}

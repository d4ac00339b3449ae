import Foundation

/// `folio merge DIR...`: puts the output folders of `folio run --shard K/N` workers back together
/// into one output root, as one `folio run` of the whole batch would have written it: the same
/// briefing folders and one `manifest.json` (byte for byte, given the same Folio build).
///
/// Refuses, before writing anything: a folder that is no shard's output, shards of different
/// batches or of a different N, a shard given twice or missing (named, "shard 3/4"), a briefing
/// two shards both hold, and any file whose bytes are not the ones its shard's manifest recorded
/// (an artifact cut short in transfer). Writes like a batch `run`: each briefing staged, then
/// swapped in whole, the manifest last, under the output folder's locks.
public enum ShardMerger {
    /// One shard's folder, read and checked.
    struct Loaded {
        var folder: String
        var record: ShardRecord
        var manifest: Manifest
        var stamps: [String: String]
    }

    /// Merges `folders` into `outputRoot`; returns a one-line summary.
    public static func merge(_ folders: [String], into outputRoot: String, wait: Bool = true,
                             notice: (String) -> Void = { _ in }) throws -> String {
        guard !folders.isEmpty else { throw FolioError.usage("folio merge needs the output folders of the shards to merge") }
        let shards = try folders.map(load)
        let first = shards[0]
        for s in shards.dropFirst() {
            guard s.record.of == first.record.of else {
                throw FolioError.input("error: \(s.folder) holds shard \(s.record.shard)/\(s.record.of) but \(first.folder) holds shard "
                    + "\(first.record.shard)/\(first.record.of): shards split into a different number of parts cannot be merged")
            }
            guard s.record.batch == first.record.batch else {
                throw FolioError.input("error: \(s.folder) and \(first.folder) are shards of different batches (other analyses, "
                    + "data files or parameters); merge the shards of one `folio run --shard K/N` command")
            }
        }
        var byIndex: [Int: Loaded] = [:]
        for s in shards {
            if let other = byIndex[s.record.shard] {
                throw FolioError.input("error: shard \(s.record.shard)/\(s.record.of) is given twice: \(other.folder) and \(s.folder)")
            }
            byIndex[s.record.shard] = s
        }
        let missing = (1...first.record.of).filter { byIndex[$0] == nil }
        guard missing.isEmpty else {
            let names = missing.map { "\($0)/\(first.record.of)" }
            throw FolioError.input("error: shard\(names.count == 1 ? "" : "s") \(names.joined(separator: ", ")) "
                + "\(names.count == 1 ? "is" : "are") missing: the batch has \(first.record.of) shards and only "
                + "\(shards.count) \(shards.count == 1 ? "was" : "were") given")
        }

        // The output folder's locks first (the run lock, and the manifest's as batch children
        // take it): its manifest is read, extended and written under them.
        let lock = try OutputLock.acquire(outputRoot: outputRoot, wait: wait, waiting: notice)
        let manifestLock = try OutputLock.acquire(outputRoot: outputRoot, wait: true, name: ManifestBook.lockName)
        defer { withExtendedLifetime((lock, manifestLock)) {} }
        // Every briefing's files checked against the manifest that recorded them, before anything
        // is written; then each briefing is read and swapped in on its own, as a batch `run` writes
        // them, so memory holds one briefing, not the batch; the manifest goes last.
        var briefings: [(shard: Loaded, folder: String, paths: [String])] = []
        var owner: [String: String] = [:]  // briefing folder → shard folder
        let book = ManifestBook(projectRoot: "", outputRoot: outputRoot)
        var manifest = Manifest.load(from: book.manifestPath)
        var stamps = book.buildStamps()
        for index in 1...first.record.of {
            let s = byIndex[index]!
            for key in s.record.briefings {
                guard let entry = s.manifest.entries[key] else {
                    throw FolioError.input("error: \(s.folder)/manifest.json has no entry for \(key): shard \(index)/\(s.record.of) did not finish")
                }
                let folder = entry.parameters["folder"] ?? key
                if let other = owner[folder] {
                    throw FolioError.input("error: \(other) and \(s.folder) both hold \(folder): two briefings of the batch "
                        + "write the same folder, so no merge can keep both")
                }
                owner[folder] = s.folder
                for (path, hash) in entry.outputs.sorted(by: { $0.key < $1.key }) {
                    guard let found = ContentHash.ofFile(s.folder + "/" + path) else {
                        throw FolioError.input("error: \(s.folder)/\(path) is missing; shard \(index)/\(s.record.of)'s manifest lists it")
                    }
                    guard found == hash else {
                        throw FolioError.input("error: \(s.folder)/\(path) is not the file shard \(index)/\(s.record.of) wrote "
                            + "(its bytes differ from the manifest's hash): it was changed or cut short")
                    }
                }
                briefings.append((s, folder, entry.outputs.keys.sorted()))
                manifest.entries[key] = entry
                if let stamp = s.stamps[key] { stamps[key] = stamp }
            }
        }
        let writer = OutputWriter(root: outputRoot)
        for b in briefings {
            let files = try b.paths.map { path -> RenderedFile in
                guard let data = FileManager.default.contents(atPath: b.shard.folder + "/" + path) else {
                    throw FolioError.input("error: \(b.shard.folder)/\(path) vanished while merging")
                }
                return RenderedFile(path: path, bytes: Array(data))
            }
            try writer.write(files, replacing: [b.folder])
        }
        try writer.write(ManifestBook.files(manifest: manifest, stamps: stamps), replacing: [])
        return "Merged \(briefings.count) briefing\(briefings.count == 1 ? "" : "s") from \(shards.count) "
            + "shard\(shards.count == 1 ? "" : "s") into \(outputRoot)"
    }

    /// A shard's folder: its `shard.json`, manifest and build stamps.
    static func load(_ folder: String) throws -> Loaded {
        let path = folder + "/" + ShardRecord.fileName
        guard let data = FileManager.default.contents(atPath: path) else {
            var isDirectory: ObjCBool = false
            let exists = FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory) && isDirectory.boolValue
            throw FolioError.input(exists
                ? "error: \(folder) is not a shard's output: it has no \(ShardRecord.fileName); expected the --output folder of `folio run --shard K/N`"
                : "error: \(folder): no such folder; expected the --output folder of `folio run --shard K/N`")
        }
        let record: ShardRecord
        do {
            record = try JSONDecoder().decode(ShardRecord.self, from: data)
        } catch {
            throw FolioError.input("error: \(path) is not a shard record Folio can read: \(error)")
        }
        guard record.of >= 1, (1...record.of).contains(record.shard) else {
            throw FolioError.input("error: \(path) says shard \(record.shard)/\(record.of), which cannot be")
        }
        let book = ManifestBook(projectRoot: "", outputRoot: folder)
        return Loaded(folder: folder, record: record, manifest: Manifest.load(from: book.manifestPath), stamps: book.buildStamps())
    }
}

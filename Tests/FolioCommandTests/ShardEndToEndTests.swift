import Foundation
import Testing
import TestSupport
import EndToEndSupport
@testable import FolioRunner
import StateBriefingKit

/// `folio run --shard K/N` and `folio merge`: four workers in four processes and folders give,
/// merged, the bytes of one run of the whole batch; bad sets of shards are refused by name.
@Suite(.serialized) struct ShardEndToEndTests {
    /// `count` synthetic sheets (the District of Columbia among them) for both fact-sheet
    /// analyses: twice as many briefings.
    func batch(_ project: TestProject, sheets count: Int) throws -> [String] {
        let sheets = try SyntheticSheets.write(into: project.root + "/all", projectRoot: project.root)
        try FileManager.default.createDirectory(atPath: project.root + "/sheets", withIntermediateDirectories: true)
        for path in sheets.prefix(count - 1) + sheets.filter({ $0.hasSuffix("/district-of-columbia.txt") }) {
            try FileManager.default.copyItem(atPath: path, toPath: project.root + "/sheets/" + (path as NSString).lastPathComponent)
        }
        expect(FileManager.default.fileExists(atPath: project.root + "/sheets/district-of-columbia.txt"))
        // 72 dpi: what is tested is which briefings go where, not pixels; small PNGs keep it quick.
        return ["--dpi", "72", "--data", "sheets/*.txt"]
    }

    @Test func fourShardsMergedAreOneRunByteForByte() throws {
        let project = try TestProject()
        defer { project.remove() }
        let exe = try require(folioExecutable())
        // Three sheets, six briefings: enough that a shard holds several, another one or none.
        let data = try batch(project, sheets: 3), total = 6
        let single = try runProcess(exe, ["run", "--quiet", "--output", "single"] + data, in: project.root)
        try require(single.status == 0, "\(single.err)")
        var counts: [Int] = []
        for k in 1...4 {
            // Each worker alone: its own process and folder, as on four machines.
            let r = try runProcess(exe, ["run", "--shard", "\(k)/4", "--output", "shard-\(k)"] + data, in: project.root)
            try require(r.status == 0, "shard \(k): \(r.err)")
            let line = try require(r.out.split(separator: "\n").last.map(String.init))
            // A shard holds only its own briefings, and says how many.
            let record = try JSONDecoder().decode(ShardRecord.self, from: try require(FileManager.default.contents(atPath: project.root + "/shard-\(k)/shard.json")))
            let count = record.briefings.count
            expectEqual(record.batchSize, total)
            expect(line.hasPrefix(count == 0 ? "Shard \(k)/4: none of the batch's \(total) briefings" : "Shard \(k)/4: \(count) of \(total) briefings in "), "\(line)")
            counts.append(count)
        }
        expectEqual(counts.reduce(0, +), total, "every briefing in exactly one shard: \(counts)")
        // Merged in any order of folders, the output equals the single run's, manifest included.
        let merge = try runProcess(exe, ["merge", "shard-3", "shard-1", "shard-4", "shard-2", "--output", "merged"], in: project.root)
        try require(merge.status == 0, "\(merge.err)")
        expect(merge.out.contains("Merged \(total) briefings from 4 shards"), "\(merge.out)")
        let merged = TestProject.snapshot(project.root + "/merged"), expected = TestProject.snapshot(project.root + "/single")
        expectEqual(merged.keys.sorted(), expected.keys.sorted())
        for (path, bytes) in expected { expectEqual(merged[path], bytes, "\(path) differs") }
        // `folio check` accepts the merged folder.
        let check = try runProcess(exe, ["check", "--output", "merged"] + data, in: project.root)
        expectEqual(check.status, 0, "\(check.err)")
        expect(check.out.contains("Output is current."))
    }

    @Test func badSetsOfShardsAreRefusedByNameAndWriteNothing() throws {
        let project = try TestProject()
        defer { project.remove() }
        let exe = try require(folioExecutable())
        // The one-pager alone: these shards are only refused, so the cheapest briefing will do.
        let data = try batch(project, sheets: 6) + ["--analysis", "one-pager"]
        for (k, n) in [(1, 2), (2, 2), (1, 3)] {
            let r = try runProcess(exe, ["run", "--quiet", "--shard", "\(k)/\(n)", "--output", "s\(k)of\(n)"] + data, in: project.root)
            try require(r.status == 0, "\(r.err)")
        }
        func merge(_ folders: [String]) throws -> (status: Int32, out: String, err: String) {
            try runProcess(exe, ["merge"] + folders + ["--output", "merged"], in: project.root)
        }
        let missing = try merge(["s1of2"])
        expectEqual(missing.status, 1)
        expect(missing.err.contains("error: shard 2/2 is missing"), "\(missing.err)")
        let mixed = try merge(["s1of2", "s1of3"])
        expectEqual(mixed.status, 1)
        expect(mixed.err.contains("holds shard 1/3 but") && mixed.err.contains("a different number of parts"), "\(mixed.err)")
        let twice = try merge(["s1of2", "s1of2"])
        expect(twice.err.contains("shard 1/2 is given twice"), "\(twice.err)")
        let notShard = try merge(["sheets"])
        expect(notShard.err.contains("is not a shard's output: it has no shard.json"), "\(notShard.err)")
        // An artifact cut short in transfer is caught by its hash.
        let record = try JSONDecoder().decode(ShardRecord.self, from: try require(FileManager.default.contents(atPath: project.root + "/s2of2/shard.json")))
        let manifest = Manifest.load(from: project.root + "/s2of2/manifest.json")
        let firstKey = try require(record.briefings.first)
        let outputs = try require(manifest.entries[firstKey]?.outputs.keys)
        let pdf = try require(outputs.first { $0.hasSuffix("briefing.pdf") })
        let bytes = try require(FileManager.default.contents(atPath: project.root + "/s2of2/" + pdf))
        try bytes.prefix(bytes.count / 2).write(to: URL(fileURLWithPath: project.root + "/s2of2/" + pdf))
        let cut = try merge(["s1of2", "s2of2"])
        expectEqual(cut.status, 1)
        expect(cut.err.contains("s2of2/\(pdf) is not the file shard 2/2 wrote"), "\(cut.err)")
        try bytes.write(to: URL(fileURLWithPath: project.root + "/s2of2/" + pdf))  // whole again, for remove()'s PDF check
        // None of these wrote anything.
        expect(!FileManager.default.fileExists(atPath: project.root + "/merged/manifest.json"))
        // A shard whose run fails leaves no shard.json, so merge cannot take it for a finished one.
        try project.write("bad.txt", "")
        let owner = Shard(index: 1, count: 2).owns("one-pager bad.txt") ? 1 : 2
        let failed = try runProcess(exe, ["run", "--quiet", "--shard", "\(owner)/2", "--output", "s\(owner)of2",
                                          "--analysis", "one-pager", "--data", "bad.txt"], in: project.root)
        expectEqual(failed.status, 1, "\(failed.err)")
        expect(!FileManager.default.fileExists(atPath: project.root + "/s\(owner)of2/shard.json"))
        // A malformed shard is a usage error.
        let bad = try runProcess(exe, ["run", "--shard", "0/4"] + data, in: project.root)
        expectEqual(bad.status, 2)
        expect(bad.err.contains("--shard expects K/N with 1 ≤ K ≤ N"))
    }

    @Test func theAssignmentIsStableAndCoversEveryKeyOnce() throws {
        let keys = (1...200).map { "state-briefing sheet-\($0).txt" }
        for n in 1...8 {
            let shards = (1...n).map { Shard(index: $0, count: n) }
            for key in keys { expectEqual(shards.filter { $0.owns(key) }.count, 1, "\(key) of \(n)") }
            // Roughly even: no shard holds more than twice its share of 200 keys.
            for shard in shards { expect(keys.filter(shard.owns).count <= 2 * 200 / n + 5) }
        }
        // SHA-256 of the key, not Swift's per-process hash: the same shard in every process and on every machine.
        expectEqual(Shard.number(for: "state-briefing alabama.txt", of: 4), Int(UInt64(String(ContentHash.of("state-briefing alabama.txt").prefix(16)), radix: 16)! % 4) + 1)
        expectEqual((try Shard.from(option: nil, environment: ["FOLIO_SHARD": "3/5"])), Shard(index: 3, count: 5))
        expectEqual((try Shard.from(option: "1/2", environment: ["FOLIO_SHARD": "3/5"])), Shard(index: 1, count: 2))
        expect((try Shard.from(option: nil, environment: [:])) == nil)
        for bad in ["0/4", "5/4", "4", "a/b", "1/0", "-1/2", ""] { expect(throws: FolioError.self) { try Shard(parsing: bad) } }
    }

    /// The three engine examples use only flags `folio run` and `folio merge` have.
    @Test func theEngineExamplesUseRealFlags() throws {
        let exe = try require(folioExecutable())
        let runHelp = try runProcess(exe, ["run", "--help"]).out, mergeHelp = try runProcess(exe, ["merge", "--help"]).out
        for example in ["github-matrix-shards-example.yml", "kubernetes-indexed-job-example.yaml", "slurm-array-example.sh"] {
            let text = try String(contentsOfFile: TestProject.repositoryRoot + "/.ci/" + example, encoding: .utf8)
            expect(text.contains("--shard") && text.contains("folio merge"), "\(example)")
            for line in text.split(separator: "\n") where line.contains("folio run") || line.contains("folio merge") {
                let help = line.contains("folio merge") ? mergeHelp : runHelp
                for word in line.split(whereSeparator: { $0 == " " || $0 == "\"" || $0 == "'" }) where word.hasPrefix("--") {
                    let flag = "--" + word.dropFirst(2).prefix { $0.isLetter || $0 == "-" }
                    expect(help.contains(flag), "\(example): \(flag) is not a flag of folio")
                }
            }
        }
        let syntax = try runProcess("/bin/bash", ["-n", TestProject.repositoryRoot + "/.ci/slurm-array-example.sh"])
        expectEqual(syntax.status, 0, "\(syntax.err)")
    }

    @Test func anEmptyShardSucceedsAndSaysSo() throws {
        let project = try TestProject()
        defer { project.remove() }
        let exe = try require(folioExecutable())
        // One briefing, many workers: most shards have nothing; FOLIO_SHARD as an indexed job sets it.
        let key = try FolioSession(analysis: "penguins", output: nil, from: project.root).shardKey(dataFile: nil)
        expectEqual(key, "penguins penguins.csv island=Biscoe")
        let empty = try require((1...8).first { Shard(index: $0, count: 8).owns(key) == false })
        let r = try runProcess("/usr/bin/env", ["FOLIO_SHARD=\(empty)/8", exe, "run", "--analysis", "penguins", "--output", "e"], in: project.root)
        expectEqual(r.status, 0, "\(r.err)")
        expect(r.out.contains("Shard \(empty)/8: none of the batch's 1 briefings is this shard's"), "\(r.out)")
        expect(FileManager.default.fileExists(atPath: project.root + "/e/shard.json"))
    }
}

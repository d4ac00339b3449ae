import FolioCommandLine
import FolioRunner
import Foundation

/// `folio merge DIR...`: the shards of a `folio run --shard K/N` batch put back into one output folder.
struct MergeCommand: FolioCommand {
    static let spec = CommandSpec(
        name: "merge",
        abstract: "Put the output folders of `folio run --shard K/N` workers together into one output folder.",
        discussion: """
        Each shard's folder holds its briefings, a manifest and a shard.json saying which shard of which batch it is. \
        The merged folder is what one `folio run` of the whole batch writes, byte for byte, and `folio check` passes on it. \
        Nothing is written when a shard is missing (it is named), given twice, of another batch or another N, when two \
        shards hold the same briefing folder, or when a file differs from the one its shard recorded.

        With no folders, merges every shard under .build/folio-shards/ (where `folio run --shard` writes by default).

        Exit codes: 0 merged, 1 a refused shard or an unwritable output folder, 2 usage, 75 the output folder is busy (--no-wait).
        """,
        arguments: [ArgumentSpec(name: "folders", repeats: true, help: "The shards' output folders (default: every folder under .build/folio-shards/).")],
        options: [
            .option("output", short: "o", help: "The output folder to merge into (default: the project's Output/)."),
            .flag("no-wait", help: "If a folio run is writing to the output folder, exit with code 75 instead of waiting."),
            .flag("quiet", short: "q", help: "Print nothing but errors."),
        ])

    var folders: [String]
    var output: String?
    var noWait: Bool
    var quiet: Bool

    init(_ arguments: ParsedArguments) throws {
        folders = arguments.positionals
        output = arguments.value("output")
        noWait = arguments.flag("no-wait")
        quiet = arguments.flag("quiet")
    }

    func run() throws {
        try CLIErrors.guarding {
            let cwd = FileManager.default.currentDirectoryPath
            func absolute(_ p: String) -> String { p.hasPrefix("/") ? p : (cwd as NSString).appendingPathComponent(p) }
            var shards = folders.map(absolute)
            if shards.isEmpty {
                let root = try ProjectLocator.findRoot()
                let base = root + "/.build/folio-shards"
                shards = ((try? FileManager.default.contentsOfDirectory(atPath: base)) ?? []).sorted().map { base + "/" + $0 }
                guard !shards.isEmpty else {
                    throw FolioError.usage("no shard folders given, and none in \(base); run `folio run --shard K/N` first or name the folders")
                }
            }
            let target = try output.map(absolute) ?? (try ProjectLocator.findRoot() + "/Output")
            let summary = try ShardMerger.merge(shards, into: target, wait: !noWait) { CLIErrors.printErr($0) }
            if !quiet { print(summary) }
        }
    }
}

import Foundation
import FolioScene

/// Writes a finished set of files under an output root so that no reader ever sees a partial file
/// or a half-replaced briefing, even if the process is killed at any instant:
///
/// 1. every file is written into `<root>/.folio-staging-<pid>/` (same file system) and made durable
///    (`FileSink.sync`);
/// 2. each replaced folder is swapped with its staged copy in one `renameat2(RENAME_EXCHANGE)`
///    (or renamed into place when new), so the old set or the new set is visible, never a mix;
///    where the file system cannot exchange, files are renamed one by one (each rename atomic);
/// 3. the staging folder, now holding the old files, is removed.
///
/// A staging folder left by a killed run is removed by the next write once its process is gone.
/// Every failure is a `FolioError.input` naming the path, and leaves the final paths untouched.
public struct OutputWriter: Sendable {
    public var root: String
    public var sink: any FileSink
    public init(root: String, sink: any FileSink = DiskSink()) { self.root = root; self.sink = sink }

    /// The prefix of staging folders inside the output root.
    public static let stagingPrefix = ".folio-staging-"

    /// Writes `files` (paths relative to `root`), replacing the folders they live in.
    public func write(_ files: [RenderedFile], replacing folders: [String]) throws {
        let staging = try beginStaging()
        defer { discard(staging) }
        try stage(files, in: staging)
        try publish(files, from: staging, replacing: folders)
    }

    /// Creates this process's staging folder inside `root` (after removing those of runs that
    /// were killed) and returns its path. `stage` fills it, `publish` swaps it in, `discard`
    /// removes it, whatever is left.
    func beginStaging() throws -> String {
        try Self.makeFolder(root)
        Self.removeStaleStaging(in: root)
        let staging = root + "/" + Self.stagingPrefix + String(getpid())
        try? FileManager.default.removeItem(atPath: staging)
        return staging
    }

    /// Removes a staging folder and what is in it.
    func discard(_ staging: String) {
        try? FileManager.default.removeItem(atPath: staging)
    }

    /// Writes `files` into `staging` (step 1), creating each folder once.
    func stage(_ files: [RenderedFile], in staging: String) throws {
        var made = Set<String>()
        for file in files {
            let path = staging + "/" + file.path
            let folder = (path as NSString).deletingLastPathComponent
            if made.insert(folder).inserted { try Self.makeFolder(folder, naming: root + "/" + file.path) }
            do {
                try sink.write(file.bytes, to: path)
            } catch {
                throw FolioError.input("cannot write \(root)/\(file.path): \(error.reason) (nothing was replaced)")
            }
            KillPoint.reached("staging")
        }
    }

    /// Makes `files`, staged in `staging`, durable (`FileSink.sync`).
    func sync(_ files: [RenderedFile], in staging: String) throws {
        do {
            try sink.sync(files.map { staging + "/" + $0.path })
        } catch {
            throw FolioError.input("cannot write \(root): \(error.reason) (nothing was replaced)")
        }
    }

    /// Makes `files`, all staged in `staging`, durable and swaps them in (steps 1 to 3), replacing
    /// `folders`. Only `unsynced` are synced here when given: the others were already.
    func publish(_ files: [RenderedFile], from staging: String, replacing folders: [String],
                 unsynced: [RenderedFile]? = nil) throws {
        let fm = FileManager.default
        Trace.mark("staged")
        KillPoint.reached("staged")
        try sync(unsynced ?? files, in: staging)

        Trace.mark("synced")
        KillPoint.reached("synced")
        // 2. Check every destination folder can exist before the first rename.
        // Every folder being replaced is swapped in whole (one atomic exchange); files outside
        // them (the manifest) are renamed after. (This once required every file, the manifest
        // too, to sit inside the folder, so no folder was ever swapped whole and a kill during the
        // file-by-file renames left a mixed briefing; the exact kill points of the tests found it.)
        let whole = folders.filter { folder in files.contains { $0.path.hasPrefix(folder + "/") } }
        for folder in whole { try Self.makeFolder((root + "/" + folder as NSString).deletingLastPathComponent) }
        for file in files where !whole.contains(where: { file.path.hasPrefix($0 + "/") }) {
            try Self.makeFolder((root + "/" + file.path as NSString).deletingLastPathComponent)
        }

        // 3. Swap whole folders in; rename loose files.
        var loose = files.filter { file in !whole.contains { file.path.hasPrefix($0 + "/") } }
        for folder in whole {
            let target = root + "/" + folder, staged = staging + "/" + folder
            var isDirectory: ObjCBool = false
            if !fm.fileExists(atPath: target, isDirectory: &isDirectory) {
                if rename(staged, target) == 0 { syncDirectory((target as NSString).deletingLastPathComponent); continue }
            } else if !isDirectory.boolValue {
                throw FolioError.input("cannot write \(target): a file is in the way; expected a folder (nothing was replaced)")
            } else if AtomicExchange.exchange(staged, target) == 0 {
                syncDirectory((target as NSString).deletingLastPathComponent)
                continue
            }
            // No exchange on this file system: fall back to file-by-file renames, then prune.
            loose += files.filter { $0.path.hasPrefix(folder + "/") }
        }
        KillPoint.reached("swapped")
        for file in loose {
            let target = root + "/" + file.path
            if rename(staging + "/" + file.path, target) != 0 {
                throw FolioError.input("cannot move \(file.path) into \(root): \(String(cString: strerror(errno)))")
            }
        }
        Trace.mark("renamed")
        KillPoint.reached("renamed")
        let keep = Set(files.map(\.path))
        for folder in folders where !whole.contains(folder) || loose.contains(where: { $0.path.hasPrefix(folder + "/") }) {
            for stale in Self.listFiles(under: root + "/" + folder) where !keep.contains(folder + "/" + stale) {
                try? fm.removeItem(atPath: root + "/" + folder + "/" + stale)
            }
        }
    }

    /// Creates `path` and its parents, or throws an input error that names it (and `naming`, the
    /// file that needed it, when given).
    static func makeFolder(_ path: String, naming target: String? = nil) throws {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) {
            if isDirectory.boolValue { return }
            throw FolioError.input("cannot write \(target ?? path): \(path) is a file; expected a folder")
        }
        do {
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        } catch {
            // Name the first ancestor that is a file, or the system's reason.
            var ancestor = (path as NSString).deletingLastPathComponent
            while !ancestor.isEmpty, ancestor != "/" {
                if FileManager.default.fileExists(atPath: ancestor, isDirectory: &isDirectory) {
                    if !isDirectory.boolValue {
                        throw FolioError.input("cannot create the folder \(path): \(ancestor) is a file; expected a folder")
                    }
                    break
                }
                ancestor = (ancestor as NSString).deletingLastPathComponent
            }
            let reason = (error as NSError).userInfo[NSUnderlyingErrorKey].map { "\($0)" } ?? error.localizedDescription
            throw FolioError.input("cannot create the folder \(path): \(Self.plainReason(reason, path: ancestor))")
        }
    }

    /// Foundation's wording when it has one, else "permission denied".
    private static func plainReason(_ reason: String, path: String) -> String {
        access(path, W_OK) != 0 ? "\(path) is not writable (\(String(cString: strerror(errno))))" : reason
    }

    /// Removes `.folio-staging-<pid>` folders whose process no longer runs (a run that was killed).
    public static func removeStaleStaging(in root: String) {
        guard let entries = try? FileManager.default.contentsOfDirectory(atPath: root) else { return }
        for entry in entries where entry.hasPrefix(stagingPrefix) {
            if let pid = Int32(entry.dropFirst(stagingPrefix.count)), pid != getpid(),
               kill(pid, 0) == 0 || errno == EPERM {
                continue // still running
            }
            if let pid = Int32(entry.dropFirst(stagingPrefix.count)), pid == getpid() { continue }
            try? FileManager.default.removeItem(atPath: root + "/" + entry)
        }
    }

    /// Every regular file under `folder`, as paths relative to it, sorted.
    public static func listFiles(under folder: String) -> [String] {
        guard let e = FileManager.default.enumerator(atPath: folder) else { return [] }
        var out: [String] = []
        while let p = e.nextObject() as? String {
            var isDir: ObjCBool = false
            if FileManager.default.fileExists(atPath: folder + "/" + p, isDirectory: &isDir), !isDir.boolValue {
                out.append(p)
            }
        }
        return out.sorted()
    }
}

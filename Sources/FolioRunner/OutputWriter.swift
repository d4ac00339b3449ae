import Foundation

/// Writes a finished set of files under an output root without ever leaving a partial file:
/// everything is first written to a staging folder beside the targets, then each file is
/// renamed into place (an atomic step on one file system). Files of the briefing's folder that
/// the new run no longer produces are removed afterwards.
public struct OutputWriter: Sendable {
    public var root: String
    public init(root: String) { self.root = root }

    /// Writes `files` (paths relative to `root`), replacing the folders they live in.
    public func write(_ files: [RenderedFile], replacing folders: [String]) throws {
        let fm = FileManager.default
        do {
            try fm.createDirectory(atPath: root, withIntermediateDirectories: true)
        } catch {
            throw FolioError.input("cannot create the output folder \(root): \(error.localizedDescription)")
        }
        let staging = root + "/.folio-staging-\(ProcessInfo.processInfo.processIdentifier)"
        try? fm.removeItem(atPath: staging)
        defer { try? fm.removeItem(atPath: staging) }
        do {
            for file in files {
                let path = staging + "/" + file.path
                try fm.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
                guard fm.createFile(atPath: path, contents: Data(file.bytes)) else {
                    throw FolioError.input("cannot write \(path)")
                }
            }
        } catch let error as FolioError {
            throw error
        } catch {
            throw FolioError.input("cannot write to the output folder \(root): \(error.localizedDescription)")
        }
        let keep = Set(files.map(\.path))
        for file in files {
            let target = root + "/" + file.path
            try fm.createDirectory(atPath: (target as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            if rename(staging + "/" + file.path, target) != 0 {
                throw FolioError.input("cannot move \(file.path) into \(root): \(String(cString: strerror(errno)))")
            }
        }
        for folder in folders {
            for stale in Self.listFiles(under: root + "/" + folder) where !keep.contains(folder + "/" + stale) {
                try? fm.removeItem(atPath: root + "/" + folder + "/" + stale)
            }
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

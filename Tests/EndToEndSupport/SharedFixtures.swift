import Foundation

/// Why a fixture shared by several tests could not be made; each test that asks for it fails with this.
public struct FixtureFailure: Error, CustomStringConvertible, Sendable {
    public var description: String
    public init(_ description: String) { self.description = description }
}

extension TestProject {
    /// A project kept for the whole test process, for a fixture several tests only read (the
    /// reference run, the synthetic sheets); it is deleted when the process exits.
    public static func keptUntilExit() throws -> TestProject {
        let project = try TestProject()
        ExitCleanup.shared.add(project.root)
        return project
    }
}

/// Folders to delete when the test process exits.
final class ExitCleanup: @unchecked Sendable {
    static let shared: ExitCleanup = {
        let cleanup = ExitCleanup()
        atexit { ExitCleanup.shared.removeAll() }
        return cleanup
    }()

    private let lock = NSLock()
    private var folders: [String] = []

    func add(_ folder: String) { lock.lock(); folders.append(folder); lock.unlock() }

    func removeAll() {
        lock.lock(); defer { lock.unlock() }
        for folder in folders { try? FileManager.default.removeItem(atPath: folder) }
        folders = []
    }
}

import Foundation

/// The compiler and Folio modules a notebook is compiled with: the `swiftc` that built this
/// `folio` (found on `PATH`, or `FOLIO_SWIFTC`), and the `.swiftmodule` files SwiftPM keeps
/// beside the executable (`.build/<config>/Modules`).
public struct SwiftToolchain: Sendable {
    public var swiftc: String
    public var modules: String
    /// `-Onone` beside a debug `folio`, `-O` beside a release one.
    public var optimize: Bool

    /// The optimization flags a notebook is compiled with. Optimized notebooks keep the Swift
    /// runtime's failure messages (`-assert-config Debug`): with plain `-O`, a cell indexing past
    /// an array's end stopped with Folio's note alone, without Swift's "Index out of range",
    /// where the same notebook beside a debug `folio` printed both.
    public var optimizationFlags: [String] { optimize ? ["-O", "-assert-config", "Debug"] : ["-Onone"] }

    /// The toolchain for the running executable, or an error saying what is missing.
    public static func current() throws -> SwiftToolchain {
        let executable = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
        let folder = (executable as NSString).deletingLastPathComponent
        let modules = ProcessInfo.processInfo.environment["FOLIO_MODULES"] ?? folder + "/Modules"
        guard FileManager.default.fileExists(atPath: modules + "/FolioKit.swiftmodule") else {
            throw FolioError.input("""
                error: cannot compile notebooks: no FolioKit.swiftmodule in \(modules). \
                Notebooks are compiled against the modules SwiftPM builds beside folio; run the folio that \
                `make run` builds (.build/release/folio), or set FOLIO_MODULES to that folder.
                """)
        }
        guard let swiftc = findSwiftc() else {
            throw FolioError.input("error: cannot compile notebooks: no `swiftc` on PATH (set FOLIO_SWIFTC to the Swift compiler that built folio)")
        }
        return SwiftToolchain(swiftc: swiftc, modules: modules, optimize: (folder as NSString).lastPathComponent != "debug")
    }

    /// The modules a notebook is compiled against, as size and modification time each: a
    /// rebuilt Folio library changes it (and every notebook recompiles); a rebuild of the
    /// runner or the command line alone does not.
    public var modulesStamp: String {
        ["FolioKit", "FolioAnalysis", "FolioCharts", "FolioData", "FolioFormat", "FolioScene"].map { name in
            var info = stat()
            let path = "\(modules)/\(name).swiftmodule"
            guard stat(path, &info) == 0 else { return "\(name):missing" }
            return "\(name):\(info.st_size):\(info.st_mtim.tv_sec).\(info.st_mtim.tv_nsec)"
        }.joined(separator: ",")
    }

    private static func findSwiftc() -> String? {
        let environment = ProcessInfo.processInfo.environment
        if let given = environment["FOLIO_SWIFTC"], !given.isEmpty { return given }
        for folder in (environment["PATH"] ?? "").split(separator: ":") + ["/opt/swift/usr/bin", "/usr/bin"] {
            let candidate = "\(folder)/swiftc"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }
}

/// An error the command line reports: input errors (exit 1) are the user's to fix, internal
/// errors (exit 70) are Folio's, busy (exit 75, EX_TEMPFAIL) means another run holds the output
/// folder and `--no-wait` was given, usage (exit 2) a malformed option such as `--shard 5/4`.
public enum FolioError: Error, CustomStringConvertible {
    case input(String)
    case `internal`(String)
    case busy(String)
    case usage(String)

    public var description: String {
        switch self {
        case .input(let m), .internal(let m), .busy(let m), .usage(let m): return m
        }
    }

    /// The process exit code for this error.
    public var exitCode: Int32 {
        switch self {
        case .input: return 1
        case .internal: return 70
        case .busy: return 75
        case .usage: return 2
        }
    }
}

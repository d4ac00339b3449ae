/// Ends the process with a documented exit code (see `folio --help`) once its message is printed.
struct ExitStatus: Error {
    let code: Int32
    init(_ code: Int32) { self.code = code }
}

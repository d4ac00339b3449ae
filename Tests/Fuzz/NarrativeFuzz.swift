import FolioReport

/// libFuzzer target: `Narrative.parse` (expression scanner, front matter) must never crash or
/// hang, and what it finds must be true of the source: every `{{ }}` it reports sits at its
/// position, inside the text, starts with `{{` and ends with `}}`, and names a non-empty value.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzNarrative(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let source = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    guard let narrative = try? Narrative.parse(source: source, file: "fuzz.md") else { return 0 }
    // Lines as the scanner counts them (LF and CRLF end a line); columns count characters.
    let lines = source.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" })
    for e in narrative.expressions {
        if e.name.isEmpty { fatalError("empty name accepted") }
        if !(e.text.hasPrefix("{{") && e.text.hasSuffix("}}")) { fatalError("expression text \(e.text) is not braced") }
        guard e.position.line >= 1, e.position.line <= lines.count else { fatalError("line \(e.position.line) outside the text") }
        let line = lines[e.position.line - 1]
        guard e.position.column >= 1, e.position.column <= line.count else {
            fatalError("column \(e.position.column) outside line \(e.position.line)")
        }
        if !line.dropFirst(e.position.column - 1).hasPrefix("{{") {
            fatalError("no {{ at \(e.position.line):\(e.position.column)")
        }
        if !source.contains(e.text) { fatalError("expression text not in the source") }
    }
    return 0
}

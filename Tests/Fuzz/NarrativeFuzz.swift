import FolioReport

/// libFuzzer target: `Narrative.parse` (expression scanner, front matter) must never crash or hang.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzNarrative(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let source = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    if let narrative = try? Narrative.parse(source: source, file: "fuzz.md") {
        for e in narrative.expressions where e.name.isEmpty { fatalError("empty name accepted") }
    }
    return 0
}

@testable import FolioData

/// libFuzzer target: fact-sheet parsing and the reference CSV tables must never crash, hang or
/// accept a non-finite number, whatever the bytes; and the fast paths (plain-text sheet
/// matching, ASCII CSV) must give exactly what the reference paths (NSRegularExpression,
/// SwiftCSV) give. Built by Tests/Fuzz/fuzz.sh, not by SwiftPM.
let states = StateDirectory([
    .init(code: "MS", name: "Mississippi"), .init(code: "AL", name: "Alabama"),
    .init(code: "DC", name: "District of Columbia"), .init(code: "NH", name: "New Hampshire"),
])

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzFactSheet(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    expectSameOutcome(
        { try FactSheetParser.parse(text: text, file: "fuzz.txt", states: states, engine: .automatic) },
        { try FactSheetParser.parse(text: text, file: "fuzz.txt", states: states, engine: .reference) })
    let csvText = text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text
    let bytes = Array(csvText.utf8)
    if bytes.allSatisfy({ $0 < 0x80 }) {
        expectSameOutcome({ try CSVDocument.parse(asciiBytes: bytes, file: "fuzz.csv") },
                          { try CSVDocument.parseWithSwiftCSV(text: csvText, file: "fuzz.csv") })
    }
    if let sheet = try? FactSheetParser.parse(text: text, file: "fuzz.txt", states: states) {
        for figure in sheet.figures {
            if let v = figure.value, !(v.isFinite && v >= 0 && v <= 1e15) { fatalError("out-of-range figure \(v)") }
        }
    }
    if let table = try? PopulationTable.parse(text: text, file: "fuzz.csv") {
        for f in table.figures where !(f.value.map { $0.isFinite && $0 > 0 } ?? true) { fatalError("bad population \(f)") }
    }
    _ = try? CyberTiplineByStateTable.parse(text: text, file: "fuzz.csv")
    return 0
}

/// Stops the fuzzer when the two ways give different values, or different errors.
func expectSameOutcome<T: Equatable>(_ fast: () throws -> T, _ reference: () throws -> T) {
    let a = Result(catching: fast), b = Result(catching: reference)
    switch (a, b) {
    case (.success(let x), .success(let y)) where x == y: return
    case (.failure(let x), .failure(let y)) where "\(x)" == "\(y)": return
    default: fatalError("fast and reference paths differ: \(a) vs \(b)")
    }
}

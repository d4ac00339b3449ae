@testable import FolioData

/// libFuzzer target: fact-sheet parsing, CSV documents and the reference CSV tables must never
/// crash, hang or accept a non-finite number, whatever the bytes. Built by Tests/Fuzz/fuzz.sh,
/// not by SwiftPM.
let states = StateDirectory([
    .init(code: "MS", name: "Mississippi"), .init(code: "AL", name: "Alabama"),
    .init(code: "DC", name: "District of Columbia"), .init(code: "NH", name: "New Hampshire"),
])

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzFactSheet(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    _ = try? CSVDocument.parse(text: text, file: "fuzz.csv")
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

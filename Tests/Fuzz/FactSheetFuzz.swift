@testable import FolioData
import FactSheet

/// libFuzzer target: the raw bytes go through the input decoder first, as a file would (NUL,
/// invalid UTF-8, byte-order mark, empty), then fact-sheet parsing, CSV documents and the
/// reference CSV tables. Nothing may crash or hang or accept a non-finite number; an input the
/// decoder refuses must be refused at a position inside it. Built by Tests/Fuzz/fuzz.sh, not by
/// SwiftPM.
let states = StateDirectory([
    .init(code: "MS", name: "Mississippi"), .init(code: "AL", name: "Alabama"),
    .init(code: "DC", name: "District of Columbia"), .init(code: "NH", name: "New Hampshire"),
])

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzFactSheet(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    let text: String
    do {
        text = try InputText.decode(bytes, file: "fuzz.txt")
    } catch let error as DataError {
        if case .binaryInput(let at) = error { check(at, in: bytes, byte: 0) }
        if case .invalidUTF8(let at, let byte) = error { check(at, in: bytes, byte: byte) }
        return 0
    } catch {
        fatalError("the decoder threw \(error), not a DataError")
    }
    if text.contains("\u{0}") { fatalError("a NUL got through the decoder") }
    // One CSV parse serves both tables (it was half of every input's time, done three times).
    let document = try? CSVDocument.parse(text: text, file: "fuzz.csv")
    if let sheet = try? FactSheetParser.parse(text: text, file: "fuzz.txt", states: states) {
        for figure in sheet.figures {
            if let v = figure.value, !(v.isFinite && v >= 0 && v <= 1e15) { fatalError("out-of-range figure \(v)") }
        }
    }
    guard let document else { return 0 }
    if let table = try? PopulationTable.parse(document: document, file: "fuzz.csv") {
        for f in table.figures where !(f.value.map { $0.isFinite && $0 > 0 } ?? true) { fatalError("bad population \(f)") }
    }
    _ = try? CyberTiplineByStateTable.parse(document: document, file: "fuzz.csv")
    return 0
}

/// A refusal's line and column must point at a byte of the input that is `byte`.
func check(_ at: SourceLocation, in bytes: [UInt8], byte: UInt8) {
    var line = 1, start = 0
    let body = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
    for i in body..<bytes.count where line < at.line && bytes[i] == UInt8(ascii: "\n") { line += 1; start = i + 1 }
    if line != at.line { fatalError("refused at line \(at.line), which the input does not have") }
    let index = max(start, body) + at.column - 1
    guard at.column >= 1, index < bytes.count, bytes[index] == byte else {
        fatalError("refused at \(at.line):\(at.column), where the byte is not \(byte)")
    }
}

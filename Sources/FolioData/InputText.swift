import Foundation

/// Reads an input file as UTF-8 text, refusing empty, binary and non-UTF-8 input with a `DataError`.
public enum InputText {
    /// Reads `path` and names it `displayPath` in errors.
    public static func read(path: String, displayPath: String) throws -> String {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw DataError.unreadableFile(file: displayPath, reason: "no readable file at \(path)")
        }
        return try decode(Array(data), file: displayPath)
    }

    /// Decodes bytes as UTF-8 text (a leading byte-order mark is dropped).
    static func decode(_ bytes: [UInt8], file: String) throws -> String {
        var body = bytes[...]
        if body.starts(with: [0xEF, 0xBB, 0xBF]) { body = body.dropFirst(3) }
        if let nul = body.firstIndex(of: 0) {
            throw DataError.binaryInput(at: location(ofByte: nul, in: body, file: file))
        }
        // The standard library's validation is vectorised; the byte-by-byte decoder only runs to
        // find where invalid input goes wrong.
        guard let text = String(validating: body, as: UTF8.self) else {
            let bad = firstInvalidUTF8Byte(body) ?? body.startIndex
            throw DataError.invalidUTF8(at: location(ofByte: bad, in: body, file: file), byte: body[bad])
        }
        if text.allSatisfy(\.isWhitespace) { throw DataError.emptyFile(file: file) }
        return text
    }

    /// The index of the first byte that starts an invalid UTF-8 sequence, or nil when all is valid.
    static func firstInvalidUTF8Byte(_ bytes: ArraySlice<UInt8>) -> Int? {
        var iterator = bytes.makeIterator()
        var decoder = UTF8()
        var offset = bytes.startIndex
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar):
                offset += UTF8.width(scalar)
            case .emptyInput:
                return nil
            case .error:
                return offset
            }
        }
    }

    /// Line and byte column (1-based) of a byte index.
    private static func location(ofByte index: Int, in bytes: ArraySlice<UInt8>, file: String) -> SourceLocation {
        var line = 1
        var lineStart = bytes.startIndex
        for i in bytes.startIndex..<index where bytes[i] == UInt8(ascii: "\n") {
            line += 1
            lineStart = i + 1
        }
        return SourceLocation(file: file, line: line, column: index - lineStart + 1)
    }
}

extension CSVDocument {
    /// `parse(text:file:)` for ASCII text, on bytes: the same document, or the same error.
    ///
    /// The general path works on `Character`s through SwiftCSV and Foundation; on ASCII every
    /// character is a byte except CR LF (one newline), so line splitting, newline counting,
    /// field columns and trimming (`CharacterSet.whitespaces`: space and tab) become byte tests.
    static func parse(asciiBytes bytes: [UInt8], file: String) throws -> CSVDocument {
        let rows: [[String]]
        do {
            rows = try ASCIICSVParser(bytes: bytes).rows()
        } catch {
            // SwiftCSV parses the whole text before it yields a row, so the general path has no
            // row to count lines from when it fails: its error always names line 1.
            throw DataError.csvMalformed(at: SourceLocation(file: file, line: 1), reason: "\(error)")
        }
        let physicalLines = Self.asciiLines(bytes)
        var records: [Record] = []
        var nextLine = 1
        for row in rows {
            let line = nextLine
            nextLine += 1 + row.reduce(0) { $0 + Self.asciiNewlineCount($1) }
            if row.count == 1, row[0].utf8.allSatisfy(Self.isASCIIWhitespace) { continue }
            let raw = line - 1 < physicalLines.count ? physicalLines[line - 1] : []
            let columns = Self.asciiFieldColumns(raw)
            let fields = row.enumerated().map { index, value in
                Field(text: Self.trimmingSpacesAndTabs(value), column: index < columns.count ? columns[index] : 1)
            }
            records.append(Record(line: line, fields: fields, rawLine: String(decoding: raw, as: UTF8.self)))
        }
        guard let header = records.first else { throw DataError.emptyFile(file: file) }
        return CSVDocument(file: file, header: header, records: Array(records.dropFirst()))
    }

    /// `Character.isWhitespace` for an ASCII byte.
    static func isASCIIWhitespace(_ byte: UInt8) -> Bool { (0x09...0x0D).contains(byte) || byte == 0x20 }

    /// The lines between newlines (CR LF being one), empty ones kept.
    private static func asciiLines(_ bytes: [UInt8]) -> [ArraySlice<UInt8>] {
        var lines: [ArraySlice<UInt8>] = []
        var start = 0, i = 0
        while i < bytes.count {
            guard (0x0A...0x0D).contains(bytes[i]) else { i += 1; continue }
            lines.append(bytes[start..<i])
            i += bytes[i] == 0x0D && i + 1 < bytes.count && bytes[i + 1] == 0x0A ? 2 : 1
            start = i
        }
        lines.append(bytes[start..<bytes.count])
        return lines
    }

    /// The newline characters in an ASCII field (CR LF counting once).
    private static func asciiNewlineCount(_ field: String) -> Int {
        var count = 0
        var previous: UInt8 = 0
        for byte in field.utf8 {
            if (0x0A...0x0D).contains(byte), !(byte == 0x0A && previous == 0x0D) { count += 1 }
            previous = byte
        }
        return count
    }

    /// 1-based start columns of the comma-separated fields of one line, honouring quotes.
    private static func asciiFieldColumns(_ line: ArraySlice<UInt8>) -> [Int] {
        var columns = [1]
        var inQuotes = false
        for (offset, byte) in line.enumerated() {
            if byte == 0x22 { inQuotes.toggle() } else if byte == 0x2C, !inQuotes { columns.append(offset + 2) }
        }
        return columns
    }

    /// The field without leading and trailing spaces and tabs.
    private static func trimmingSpacesAndTabs(_ field: String) -> String {
        let bytes = field.utf8
        guard let first = bytes.firstIndex(where: { $0 != 0x20 && $0 != 0x09 }),
              let last = bytes.lastIndex(where: { $0 != 0x20 && $0 != 0x09 }) else { return "" }
        if first == bytes.startIndex, last == bytes.index(before: bytes.endIndex) { return field }
        return String(field[first...last])
    }
}
